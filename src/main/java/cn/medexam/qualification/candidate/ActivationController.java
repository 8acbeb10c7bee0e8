package cn.medexam.qualification.candidate;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 激活用户, open to anyone: a code by SMS to the registration phone, then the password. */
@RestController
@RequestMapping("/api/candidate/activation")
class ActivationController {

    private final ActivationService activation;
    private final ActivationLimits limits;

    ActivationController(ActivationService activation, ActivationLimits limits) {
        this.activation = activation;
        this.limits = limits;
    }

    record CodeRequest(
            @NotBlank(message = "考生编号不能为空") @Size(max = 32, message = "考生编号最长 32 位")
            String candidateNo,

            @NotBlank(message = "证件号码不能为空") @Size(max = 40, message = "证件号码最长 40 位")
            String idNumber) {}

    record Activation(
            @NotBlank(message = "考生编号不能为空") @Size(max = 32, message = "考生编号最长 32 位")
            String candidateNo,

            @NotBlank(message = "证件号码不能为空") @Size(max = 40, message = "证件号码最长 40 位")
            String idNumber,

            @NotBlank(message = "验证码不能为空") @Size(max = 10, message = "验证码格式不正确")
            String code,

            String password) {}

    /** Always 202: whether the candidate exists is not revealed. */
    @PostMapping("/code")
    @ApiResponse(responseCode = "202", description = "总是 202：验证码以短信发送（每分钟至多一条，每天五条）")
    @ApiResponse(responseCode = "429", description = "TOO_MANY_REQUESTS：同一地址一小时内超过 10 次")
    ResponseEntity<Void> sendCode(@Valid @RequestBody CodeRequest request, HttpServletRequest client) {
        limits.codeRequested(client.getRemoteAddr());
        activation.requestCode(request.candidateNo().trim(), request.idNumber().trim());
        return ResponseEntity.accepted().build();
    }

    @PostMapping
    @ApiResponse(responseCode = "204", description = "已激活")
    @ApiResponse(responseCode = "422", description = "验证码错误或已过期（错五次作废）")
    @ApiResponse(responseCode = "400", description = "密码不符合规则")
    @ApiResponse(responseCode = "409", description = "NOT_A_CANDIDATE_ACCOUNT：该编号是工作人员账号")
    @ApiResponse(responseCode = "429", description = "同一地址 10 分钟内超过 20 次")
    ResponseEntity<Void> activate(@Valid @RequestBody Activation request, HttpServletRequest client) {
        limits.activationTried(client.getRemoteAddr());
        activation.activate(
                request.candidateNo().trim(),
                request.idNumber().trim(),
                request.code().trim(),
                request.password());
        return ResponseEntity.noContent().build();
    }
}

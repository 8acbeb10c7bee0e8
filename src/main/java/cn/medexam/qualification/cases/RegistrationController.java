package cn.medexam.qualification.cases;

import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.RegistrationRequest;
import cn.medexam.qualification.registration.RegistrationService;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registration system's API: a registration starts a case, a change re-decides it, a cancellation ends it. */
@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private final RegistrationService service;
    private final CaseViews views;

    RegistrationController(RegistrationService service, CaseViews views) {
        this.service = service;
        this.views = views;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "报名已接收，案件已开始：案件及其材料清单")
    @ApiResponse(responseCode = "200", description = "同一报名再次发送：同样的内容")
    @ApiResponse(
            responseCode = "409",
            description = "REGISTRATION_EXISTS：同一考生编号已有不同的报名；CANDIDATE_NO_IS_STAFF_ACCOUNT：考生编号是工作人员账号")
    @ApiResponse(responseCode = "400", description = "NO_CAMPAIGN：该考区该年度尚未安排资格审核")
    ResponseEntity<CaseView> register(@Valid @RequestBody RegistrationRequest request) {
        Registration registration = request.toRegistration();
        boolean created;
        try {
            created = service.register(registration).isPresent();
        } catch (DuplicateKeyException concurrentTwin) {
            // the same registration arrived twice at once; the other request started the case
            created = service.register(registration).isPresent();
        }
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(views.of(registration.candidateNo()));
    }

    @PutMapping("/{candidateNo}")
    @ApiResponse(responseCode = "200", description = "案件（材料清单已重新判定）")
    @ApiResponse(responseCode = "404", description = "未知的考生编号")
    @ApiResponse(responseCode = "409", description = "CASE_CLOSED：审核已结束；REGION_OR_YEAR_CHANGED")
    @ApiResponse(responseCode = "400", description = "CANDIDATE_NO_MISMATCH：请求体与地址中的考生编号不一致")
    CaseView change(@PathVariable String candidateNo, @Valid @RequestBody RegistrationRequest request) {
        service.change(candidateNo, request.toRegistration());
        return views.of(candidateNo);
    }

    @DeleteMapping("/{candidateNo}")
    @ApiResponse(responseCode = "204", description = "已取消（再次取消：204）")
    @ApiResponse(responseCode = "404", description = "未知的考生编号")
    ResponseEntity<Void> cancel(@PathVariable String candidateNo) {
        service.cancel(candidateNo);
        return ResponseEntity.noContent().build();
    }
}

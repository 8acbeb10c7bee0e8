package cn.medexam.qualification.checklist;

import cn.medexam.qualification.registration.RegistrationRequest;
import cn.medexam.qualification.system.ApiException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The checklist of a case, and a preview for any registration (the registration system shows it before saving). */
@RestController
class ChecklistController {

    private final Checklists checklists;

    ChecklistController(Checklists checklists) {
        this.checklists = checklists;
    }

    @ApiResponse(responseCode = "200", description = "案件的材料清单")
    @ApiResponse(responseCode = "404", description = "未知的考生编号")
    @GetMapping("/api/cases/{candidateNo}/checklist")
    ChecklistDecision ofCase(@PathVariable String candidateNo) {
        return checklists.of(candidateNo).orElseThrow(() -> ApiException.notFound("未找到考生编号 " + candidateNo + " 的审核案件"));
    }

    @PostMapping("/api/checklist/evaluate")
    ChecklistDecision evaluate(@Valid @RequestBody RegistrationRequest registration) {
        return checklists.preview(registration.toRegistration());
    }
}

package cn.medexam.qualification.cases;

import cn.medexam.qualification.registration.Registrations;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Where a case stands, for the registration system (the same view its POST and PUT answer with). */
@RestController
class CaseController {

    private final Registrations registrations;
    private final CaseViews views;

    CaseController(Registrations registrations, CaseViews views) {
        this.registrations = registrations;
        this.views = views;
    }

    @ApiResponse(responseCode = "200", description = "案件：状态与材料清单")
    @ApiResponse(responseCode = "404", description = "未知的考生编号")
    @GetMapping("/api/cases/{candidateNo}")
    CaseView of(@PathVariable String candidateNo) {
        registrations.require(candidateNo);
        return views.of(candidateNo);
    }
}

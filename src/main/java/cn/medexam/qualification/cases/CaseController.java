package cn.medexam.qualification.cases;

import cn.medexam.qualification.registration.Registrations;
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

    @GetMapping("/api/cases/{candidateNo}")
    CaseView of(@PathVariable String candidateNo) {
        registrations.require(candidateNo);
        return views.of(candidateNo);
    }
}

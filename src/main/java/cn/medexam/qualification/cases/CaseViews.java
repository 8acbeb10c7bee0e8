package cn.medexam.qualification.cases;

import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.review.CaseStatusResolver;
import org.springframework.stereotype.Component;

@Component
class CaseViews {

    private final Registrations registrations;
    private final Checklists checklists;
    private final CaseStatusResolver statuses;

    CaseViews(Registrations registrations, Checklists checklists, CaseStatusResolver statuses) {
        this.registrations = registrations;
        this.checklists = checklists;
        this.statuses = statuses;
    }

    CaseView of(String candidateNo) {
        Registration registration = registrations.find(candidateNo).orElseThrow();
        return new CaseView(
                candidateNo,
                registrations.processInstanceId(candidateNo).orElse(null),
                registration.region().name(),
                registration.examSite(),
                registration.examYear(),
                statuses.statusOf(candidateNo).orElse(null),
                checklists.of(candidateNo).orElse(null));
    }
}

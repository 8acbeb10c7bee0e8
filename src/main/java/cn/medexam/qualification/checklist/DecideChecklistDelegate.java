package cn.medexam.qualification.checklist;

import cn.medexam.qualification.registration.Registrations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Business rule tasks 判定报考资格与材料清单 and 重新判定材料清单: the region's DMN decides eligibility, offline
 * review and the materials; the checklist is stored and the process gets the few facts its gateways need.
 */
@Component("decideChecklist")
class DecideChecklistDelegate implements JavaDelegate {

    private final Registrations registrations;
    private final Checklists checklists;

    DecideChecklistDelegate(Registrations registrations, Checklists checklists) {
        this.registrations = registrations;
        this.checklists = checklists;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var outcome = checklists.decide(registrations.require(execution.getProcessBusinessKey()));
        ChecklistDecision decision = outcome.decision();
        execution.setVariable("eligible", decision.eligible());
        execution.setVariable("offlineReview", decision.offlineReview());
        execution.setVariable("newMaterials", String.join(",", outcome.newlyRequired()));
        if (!decision.eligible()) {
            execution.setVariable("notQualifiedStage", "ELIGIBILITY");
            execution.setVariable("notQualifiedReason", decision.ineligibleReason());
        }
    }
}

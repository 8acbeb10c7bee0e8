package cn.medexam.qualification.checklist;

import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.system.CaseVariables;
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
        execution.setVariable(CaseVariables.ELIGIBLE, decision.eligible());
        execution.setVariable(CaseVariables.OFFLINE_REVIEW, decision.offlineReview());
        execution.setVariable(CaseVariables.NEW_MATERIALS, String.join(",", outcome.newlyRequired()));
        if (!decision.eligible()) {
            execution.setVariable(CaseVariables.NOT_QUALIFIED_STAGE, "ELIGIBILITY");
            execution.setVariable(CaseVariables.NOT_QUALIFIED_REASON, decision.ineligibleReason());
        }
    }
}

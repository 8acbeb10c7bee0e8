package cn.medexam.qualification.review;

import cn.medexam.qualification.documents.DocumentStore;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task 解锁退回材料: only the materials the site reviewer returned unlock, each to be resubmitted with a
 * new image; the return time starts the resubmission period where the campaign counts one.
 */
@Component("unlockReturnedMaterials")
class UnlockReturnedMaterialsDelegate implements JavaDelegate {

    private final ReviewDecisionRepository decisions;
    private final DocumentStore store;
    private final EngineClock clock;

    UnlockReturnedMaterialsDelegate(ReviewDecisionRepository decisions, DocumentStore store, EngineClock clock) {
        this.decisions = decisions;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String candidateNo = execution.getProcessBusinessKey();
        store.unlock(candidateNo, decisions.latestReturns(candidateNo).keySet());
        execution.setVariable(CaseVariables.RETURNED_AT, Date.from(clock.now()));
        Integer returns = (Integer) execution.getVariable(CaseVariables.RETURN_COUNT);
        int returnCount = returns == null ? 1 : returns + 1;
        execution.setVariable(CaseVariables.RETURN_COUNT, returnCount);
        // the queue's column: the site's next review is its round returnCount + 1
        execution.setVariable(CaseVariables.REVIEW_ROUND, "第 " + (returnCount + 1) + " 次初审");
    }
}

package cn.medexam.qualification.documents;

import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service tasks 锁定已提交材料 and 锁定补传材料: 上报完成，内容已锁定, with the lock time. */
@Component("lockSubmission")
class LockSubmissionDelegate implements JavaDelegate {

    private final DocumentStore store;
    private final EngineClock clock;

    LockSubmissionDelegate(DocumentStore store, EngineClock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var now = clock.now();
        store.lockAll(execution.getProcessBusinessKey(), now);
        execution.setVariable(CaseVariables.LOCKED_AT, Date.from(now));
    }
}

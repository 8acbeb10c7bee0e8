package cn.medexam.qualification.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service tasks 通知考生资格审核不通过: at eligibility, site, offline or region review, with the reason. */
@Component("notifyNotQualified")
class NotifyNotQualifiedDelegate extends NotificationDelegate {

    private final CaseFacts facts;

    NotifyNotQualifiedDelegate(Notifier notifier, CaseFacts facts) {
        super(notifier);
        this.facts = facts;
    }

    @Override
    String kind(DelegateExecution execution) {
        return "NOT_QUALIFIED_" + execution.getVariable("notQualifiedStage");
    }

    @Override
    Map<String, String> data(DelegateExecution execution) {
        return Map.of("reason", (String) execution.getVariable("notQualifiedReason"));
    }
}

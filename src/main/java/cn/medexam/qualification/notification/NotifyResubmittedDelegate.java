package cn.medexam.qualification.notification;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service task 通知考生补传已提交: the returned materials are locked again. */
@Component("notifyResubmitted")
class NotifyResubmittedDelegate extends NotificationDelegate {

    private final CaseFacts facts;

    NotifyResubmittedDelegate(Notifier notifier, CaseFacts facts) {
        super(notifier);
        this.facts = facts;
    }

    @Override
    String kind(DelegateExecution execution) {
        return "RESUBMITTED";
    }

    @Override
    Map<String, String> data(DelegateExecution execution) {
        return Map.of("lockedAt", facts.moment((Date) execution.getVariable("lockedAt")));
    }
}

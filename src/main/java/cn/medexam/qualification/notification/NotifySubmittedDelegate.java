package cn.medexam.qualification.notification;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service task 通知考生已提交：上报完成，内容已锁定, with the lock time. */
@Component("notifySubmitted")
class NotifySubmittedDelegate extends NotificationDelegate {

    private final CaseFacts facts;

    NotifySubmittedDelegate(Notifier notifier, CaseFacts facts) {
        super(notifier);
        this.facts = facts;
    }

    @Override
    String kind(DelegateExecution execution) {
        return "SUBMITTED";
    }

    @Override
    Map<String, String> data(DelegateExecution execution) {
        return Map.of("lockedAt", facts.moment((Date) execution.getVariable("lockedAt")));
    }
}

package cn.medexam.qualification.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service task 通知考生逾期未重新提交: the review fails and the candidate gives up this year. */
@Component("notifyResubmissionMissed")
class NotifyResubmissionMissedDelegate extends NotificationDelegate {

    private final CaseFacts facts;

    NotifyResubmissionMissedDelegate(Notifier notifier, CaseFacts facts) {
        super(notifier);
        this.facts = facts;
    }

    @Override
    String kind(DelegateExecution execution) {
        return "RESUBMISSION_MISSED";
    }

    @Override
    Map<String, String> data(DelegateExecution execution) {
        return Map.of("deadline", facts.resubmissionLastDay(execution));
    }
}

package cn.medexam.qualification.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service task 提醒补传截止: returned materials are still not resubmitted. */
@Component("remindResubmissionDeadline")
class RemindResubmissionDeadlineDelegate extends NotificationDelegate {

    private final CaseFacts facts;

    RemindResubmissionDeadlineDelegate(Notifier notifier, CaseFacts facts) {
        super(notifier);
        this.facts = facts;
    }

    @Override
    String kind(DelegateExecution execution) {
        return "RESUBMISSION_REMINDER";
    }

    @Override
    Map<String, String> data(DelegateExecution execution) {
        return Map.of("deadline", facts.resubmissionLastDay(execution));
    }
}

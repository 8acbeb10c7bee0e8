package cn.medexam.qualification.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service task 通知考生材料退回: each returned material with its reason, and the resubmission deadline. */
@Component("notifyReturned")
class NotifyReturnedDelegate extends NotificationDelegate {

    private final CaseFacts facts;

    NotifyReturnedDelegate(Notifier notifier, CaseFacts facts) {
        super(notifier);
        this.facts = facts;
    }

    @Override
    String kind(DelegateExecution execution) {
        return "RETURNED";
    }

    @Override
    Map<String, String> data(DelegateExecution execution) {
        return Map.of("returns", facts.returns(execution.getProcessBusinessKey()),
                "deadline", facts.resubmissionLastDay(execution));
    }
}

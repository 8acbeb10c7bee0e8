package cn.medexam.qualification.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service task 通知考生初审通过, with the serial number. */
@Component("notifySitePassed")
class NotifySitePassedDelegate extends NotificationDelegate {

    private final CaseFacts facts;

    NotifySitePassedDelegate(Notifier notifier, CaseFacts facts) {
        super(notifier);
        this.facts = facts;
    }

    @Override
    String kind(DelegateExecution execution) {
        return "SITE_PASSED";
    }

    @Override
    Map<String, String> data(DelegateExecution execution) {
        return Map.of("serialNumber", (String) execution.getVariable("serialNumber"));
    }
}

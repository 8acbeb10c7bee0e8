package cn.medexam.qualification.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service task 通知考生终审通过: the final result. */
@Component("notifyFinalPassed")
class NotifyFinalPassedDelegate extends NotificationDelegate {

    NotifyFinalPassedDelegate(Notifier notifier) {
        super(notifier);
    }

    @Override
    String kind(DelegateExecution execution) {
        return "FINAL_PASSED";
    }

    @Override
    Map<String, String> data(DelegateExecution execution) {
        return Map.of();
    }
}

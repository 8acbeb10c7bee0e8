package cn.medexam.qualification.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service task 通知考生已取消报名. */
@Component("notifyCancelled")
class NotifyCancelledDelegate extends NotificationDelegate {

    NotifyCancelledDelegate(Notifier notifier) {
        super(notifier);
    }

    @Override
    String kind(DelegateExecution execution) {
        return "CANCELLED";
    }

    @Override
    Map<String, String> data(DelegateExecution execution) {
        return Map.of();
    }
}

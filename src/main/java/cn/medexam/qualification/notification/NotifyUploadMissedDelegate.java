package cn.medexam.qualification.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service task 通知考生未提交: the upload deadline passed; the review fails (逾期未提交者视作审核不通过). */
@Component("notifyUploadMissed")
class NotifyUploadMissedDelegate extends NotificationDelegate {

    private final CaseFacts facts;

    NotifyUploadMissedDelegate(Notifier notifier, CaseFacts facts) {
        super(notifier);
        this.facts = facts;
    }

    @Override
    String kind(DelegateExecution execution) {
        return "UPLOAD_MISSED";
    }

    @Override
    Map<String, String> data(DelegateExecution execution) {
        return Map.of("deadline", facts.uploadLastDay(execution));
    }
}

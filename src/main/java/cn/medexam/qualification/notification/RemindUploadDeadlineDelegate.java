package cn.medexam.qualification.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service task 提醒上传截止: the upload deadline is near and nothing was submitted yet. */
@Component("remindUploadDeadline")
class RemindUploadDeadlineDelegate extends NotificationDelegate {

    private final CaseFacts facts;

    RemindUploadDeadlineDelegate(Notifier notifier, CaseFacts facts) {
        super(notifier);
        this.facts = facts;
    }

    @Override
    String kind(DelegateExecution execution) {
        return "UPLOAD_REMINDER";
    }

    @Override
    Map<String, String> data(DelegateExecution execution) {
        return Map.of("deadline", facts.uploadLastDay(execution));
    }
}

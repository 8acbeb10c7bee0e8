package cn.medexam.qualification.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A notification service task: one bean per message the process sends, each saying which template it uses and
 * which data fills it.
 */
abstract class NotificationDelegate implements JavaDelegate {

    private final Notifier notifier;

    NotificationDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    /** The message template's kind. */
    abstract String kind(DelegateExecution execution);

    abstract Map<String, String> data(DelegateExecution execution);

    @Override
    public void execute(DelegateExecution execution) {
        notifier.notify(execution.getProcessBusinessKey(), kind(execution), data(execution));
    }
}

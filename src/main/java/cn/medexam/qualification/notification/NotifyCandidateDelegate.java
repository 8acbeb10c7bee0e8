package cn.medexam.qualification.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every 通知/提醒 service task of the process: the task's input parameter {@code messageKind} names the message
 * ({@link MessageKind}); the candidate gets it in the app and by SMS.
 */
@Component("notifyCandidate")
class NotifyCandidateDelegate implements JavaDelegate {

    static final String MESSAGE_KIND = "messageKind";

    private final Notifier notifier;
    private final CaseFacts facts;

    NotifyCandidateDelegate(Notifier notifier, CaseFacts facts) {
        this.notifier = notifier;
        this.facts = facts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MessageKind kind = MessageKind.valueOf((String) execution.getVariableLocal(MESSAGE_KIND));
        notifier.notify(execution.getProcessBusinessKey(), kind.name(), kind.data(facts, execution));
    }
}

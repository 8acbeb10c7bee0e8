package cn.medexam.qualification.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The job priority of a delivery ({@code camunda:jobPriority="${smsPriority.of(execution)}"} in
 * processes/sms-delivery.bpmn; the job executor takes due jobs by priority, decision 0019). A message that expires
 * (an activation code) is someone waiting at their phone: it goes before everything, with the batches. Any other
 * message is a notice of what a case just did: it follows the cases' own jobs (priority 10), so that on deadline day
 * the province's cases end first and their notices go out after them (decision 0028), and precedes the reminders (0).
 */
@Component("smsPriority")
public class SmsPriority {

    static final int EXPIRING = 20;
    static final int NOTICE = 5;

    public int of(DelegateExecution execution) {
        return execution.hasVariable(SmsOutbox.VALID_UNTIL) ? EXPIRING : NOTICE;
    }
}

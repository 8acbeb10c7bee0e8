package cn.medexam.qualification.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The retry schedule of a delivery ({@code camunda:failedJobRetryTimeCycle="${smsRetryCycle.of(execution)}"} in
 * processes/sms-delivery.bpmn). A message that expires (an activation code, valid 10 minutes) is tried five times
 * in all, two minutes apart: the last try 8 minutes after the request, within the code's validity (the engine
 * counts the first execution among the five). Any other message is retried after 1, 5, 15, 60 and 240 minutes.
 */
@Component("smsRetryCycle")
public class SmsRetryCycle {

    static final String EXPIRING = "R5/PT2M";
    static final String LASTING = "PT1M,PT5M,PT15M,PT1H,PT4H";

    public String of(DelegateExecution execution) {
        return execution.hasVariable(SmsOutbox.VALID_UNTIL) ? EXPIRING : LASTING;
    }
}

package cn.medexam.qualification.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.medexam.qualification.system.EngineClock;

/**
 * Service task 发送短信 of process smsDelivery: hands the queued message to the gateway and marks it sent. A
 * message already marked sent is not sent again; a failure throws, and the job retries with the same key.
 */
@Component("deliverSms")
class DeliverSmsDelegate implements JavaDelegate {

    private final SmsOutbox outbox;
    private final SmsGateway gateway;
    private final EngineClock clock;

    DeliverSmsDelegate(SmsOutbox outbox, SmsGateway gateway, EngineClock clock) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SmsOutbox.Queued queued = outbox.find(execution.getProcessBusinessKey())
                .orElseThrow(() -> new IllegalStateException("no outbox message " + execution.getProcessBusinessKey()));
        if ("SENT".equals(queued.status())) {
            return;
        }
        String providerId = gateway.send(queued.message());
        outbox.markSent(queued.id(), providerId, clock.now());
    }
}

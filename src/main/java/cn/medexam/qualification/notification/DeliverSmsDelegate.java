package cn.medexam.qualification.notification;

import cn.medexam.qualification.system.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Service task 发送短信 of process smsDelivery: hands the queued message to the gateway and marks it sent. A
 * message already marked sent is not sent again; a message whose validity ended (an activation code past its 10
 * minutes) is marked EXPIRED and not sent; a failure throws, and the job retries with the same key.
 */
@Component("deliverSms")
class DeliverSmsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(DeliverSmsDelegate.class);

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
        if (!"PENDING".equals(queued.status())) {
            return;
        }
        if (execution.getVariable(SmsOutbox.VALID_UNTIL) instanceof Date validUntil
                && !clock.now().isBefore(validUntil.toInstant())) {
            outbox.markExpired(queued.id());
            log.info(
                    "SMS {} for candidate {} expired before it could be sent: not sent",
                    queued.kind(),
                    queued.candidateNo());
            return;
        }
        String providerId = gateway.send(queued.message());
        outbox.markSent(queued.id(), providerId, clock.now());
    }
}

package cn.medexam.qualification.notification;

import cn.medexam.qualification.notification.SmsAttempts.Attempt;
import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.Masking;
import cn.medexam.qualification.system.NodeName;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service task 发送短信 of process smsDelivery: hands the queued message to the gateway and marks it sent, at most
 * once at the provider. A message already marked sent is not sent again; a message whose validity ended (an
 * activation code past its 10 minutes) is marked EXPIRED and not sent; a failure throws, and the job retries with
 * the same key.
 *
 * <p>Every attempt is recorded (and committed) before the provider is called ({@link SmsAttempts}). Before a
 * message is sent again after an attempt whose outcome is unknown — it timed out or lost its connection after the
 * request went out, or its node died during the call — the provider is asked whether it has the message, and it is
 * sent again only if the provider has not. An attempt without outcome that started less than
 * {@code qr.sms.ask-provider-after} (30 s) ago may still be under way on another node, or not yet visible in the
 * provider's records: the delivery then fails and retries later rather than risk a second SMS.
 */
@Component("deliverSms")
class DeliverSmsDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(DeliverSmsDelegate.class);

    private final SmsOutbox outbox;
    private final SmsGateway gateway;
    private final SmsAttempts attempts;
    private final EngineClock clock;
    private final NodeName node;
    private final Duration askProviderAfter;

    DeliverSmsDelegate(
            SmsOutbox outbox,
            SmsGateway gateway,
            SmsAttempts attempts,
            EngineClock clock,
            NodeName node,
            @Value("${qr.sms.ask-provider-after:PT30S}") Duration askProviderAfter) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.attempts = attempts;
        this.clock = clock;
        this.node = node;
        this.askProviderAfter = askProviderAfter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SmsOutbox.Queued queued = outbox.find(execution.getProcessBusinessKey())
                .orElseThrow(() -> new IllegalStateException("no outbox message " + execution.getProcessBusinessKey()));
        if (!"PENDING".equals(queued.status())) {
            return;
        }
        List<Attempt> earlier = attempts.of(queued.id());
        Optional<Attempt> accepted =
                earlier.stream().filter(Attempt::reachedProvider).findFirst();
        if (accepted.isPresent()) {
            // the provider took it, and the step that should have marked it sent did not commit
            outbox.markSent(queued.id(), accepted.get().providerId(), clock.now());
            return;
        }
        boolean expired = execution.getVariable(SmsOutbox.VALID_UNTIL) instanceof Date validUntil
                && !clock.now().isBefore(validUntil.toInstant());
        List<Attempt> unknown = earlier.stream().filter(Attempt::outcomeUnknown).toList();
        if (!unknown.isEmpty() && providerHas(queued, unknown, expired)) {
            outbox.markSent(queued.id(), null, clock.now());
            return;
        }
        if (expired) {
            outbox.markExpired(queued.id());
            log.info(
                    "SMS {} for candidate {} expired before it could be sent: not sent",
                    queued.kind(),
                    queued.candidateNo());
            return;
        }
        send(queued);
    }

    private void send(SmsOutbox.Queued queued) {
        int attempt = attempts.start(queued.id(), node.value(), clock.now());
        String providerId;
        try {
            providerId = gateway.send(queued.message());
        } catch (SmsDeliveryException e) {
            attempts.end(queued.id(), attempt, e.outcome().name(), null, e.getMessage(), clock.now());
            throw e;
        } catch (RuntimeException e) {
            attempts.end(queued.id(), attempt, SmsAttempts.UNKNOWN, null, e.toString(), clock.now());
            throw e;
        }
        attempts.end(queued.id(), attempt, SmsAttempts.ACCEPTED, providerId, null, clock.now());
        outbox.markSent(queued.id(), providerId, clock.now());
    }

    /**
     * Whether the provider has the message from one of these attempts. Throws when that cannot be told yet, so that
     * nothing is sent; a message that has expired is not sent anyway, and is let go when the provider cannot tell.
     */
    private boolean providerHas(SmsOutbox.Queued queued, List<Attempt> unknown, boolean expired) {
        Attempt latest = unknown.get(unknown.size() - 1);
        Instant now = clock.now();
        if (latest.startedAt().isAfter(now.minus(askProviderAfter))) {
            if (expired) {
                return false;
            }
            throw new SmsDeliveryException(
                    SmsDeliveryException.Outcome.UNKNOWN,
                    "attempt " + latest.number() + " (node " + latest.node() + ", started " + latest.startedAt()
                            + ") has no known outcome yet; the provider is asked once it is "
                            + askProviderAfter.toSeconds() + " s old, and the SMS is not sent again before then");
        }
        Optional<String> found;
        try {
            found = gateway.findAccepted(
                    queued.message(), unknown.stream().map(Attempt::startedAt).toList());
        } catch (SmsDeliveryException e) {
            if (expired) {
                return false;
            }
            throw new SmsDeliveryException(
                    e.outcome(),
                    "could not ask the provider whether attempt " + latest.number()
                            + " reached it, so the SMS is not sent again yet: " + e.getMessage(),
                    e);
        }
        attempts.resolve(
                queued.id(),
                unknown,
                found.isPresent() ? SmsAttempts.FOUND : SmsAttempts.NOT_FOUND,
                found.orElse("the provider has no message with this OutId"),
                now);
        if (found.isPresent()) {
            log.info(
                    "SMS {} to {} had reached the provider in attempt {} ({}): not sent again",
                    queued.kind(),
                    Masking.phone(queued.phone()),
                    latest.number(),
                    found.get());
            return true;
        }
        log.info(
                "SMS {} to {}: the provider has no message from attempt {}; sending it again",
                queued.kind(),
                Masking.phone(queued.phone()),
                latest.number());
        return false;
    }
}

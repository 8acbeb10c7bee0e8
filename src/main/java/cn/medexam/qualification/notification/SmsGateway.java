package cn.medexam.qualification.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port to an SMS provider. Adapters: {@link AliyunSmsGateway} (qr.sms.gateway=aliyun) and
 * {@link DemoSmsGateway} (qr.sms.gateway=demo, the demo profile's).
 */
public interface SmsGateway {

    /**
     * Hands the message to the provider or throws {@link SmsDeliveryException}, saying whether it may have reached
     * the provider all the same; the caller retries with the same idempotency key.
     *
     * @return the provider's id of the accepted message
     */
    String send(SmsMessage message);

    /**
     * Asks the provider whether it took this message (by its idempotency key) in an attempt whose outcome is not
     * known: one that timed out, lost its connection, or whose node died after the request went out.
     *
     * @param attemptsStarted when those attempts started, so that the provider is asked about the right days
     * @return what the provider knows of the message (its id or status), or empty when it has no such message
     * @throws SmsDeliveryException when the provider cannot be asked now (the message is then not sent either)
     */
    Optional<String> findAccepted(SmsMessage message, List<Instant> attemptsStarted);
}

package cn.medexam.qualification.notification;

/**
 * The port to an SMS provider. Adapters: {@link AliyunSmsGateway} (qr.sms.gateway=aliyun) and
 * {@link DemoSmsGateway} (qr.sms.gateway=demo, the demo profile's).
 */
public interface SmsGateway {

    /**
     * Delivers the message or throws {@link SmsDeliveryException}; the caller retries with the same idempotency key.
     *
     * @return the provider's id of the accepted message
     */
    String send(SmsMessage message);
}

package cn.medexam.qualification.notification;

/** The provider did not accept a message (down, timed out, throttled or refused); the delivery job retries. */
public class SmsDeliveryException extends RuntimeException {

    public SmsDeliveryException(String message) {
        super(message);
    }

    public SmsDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}

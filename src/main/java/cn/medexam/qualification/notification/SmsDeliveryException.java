package cn.medexam.qualification.notification;

/**
 * The provider did not accept a message (down, timed out, throttled or refused); the delivery job retries. Says
 * whether the message may nevertheless have reached the provider ({@link Outcome#UNKNOWN}): such a message is only
 * sent again after the provider has been asked whether it has it.
 */
public class SmsDeliveryException extends RuntimeException {

    /** What is known of a failed attempt. */
    public enum Outcome {
        /** The provider answered that it did not take the message (an error code, throttling, a 4xx or 503). */
        REFUSED,
        /** Nothing went out: no connection could be made, or there was nothing the provider could be sent. */
        NOT_SENT,
        /** The request went out and no answer came back (read timeout, connection reset, an unreadable answer). */
        UNKNOWN
    }

    private final Outcome outcome;

    public SmsDeliveryException(Outcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    public SmsDeliveryException(Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}

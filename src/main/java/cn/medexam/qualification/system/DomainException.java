package cn.medexam.qualification.system;

/**
 * A rule of the domain refused what was asked: a machine code, the reason in Chinese and the kind of refusal. Thrown
 * by services and process code, which know nothing of HTTP; {@link ApiExceptionHandler} answers it with the kind's
 * status (404, 409, 400, 422 or 503) and an {@link ApiError}.
 */
public class DomainException extends RuntimeException {

    /** What kind of refusal; the API's status follows from it. */
    public enum Kind {
        /** the thing asked about does not exist (404) */
        NOT_FOUND,
        /** the case's state does not allow it now (409) */
        CONFLICT,
        /** what was sent cannot be right (400) */
        INVALID,
        /** well-formed, but the rules refuse it (422) */
        UNPROCESSABLE,
        /** what it needs is missing on this node now, e.g. the font for printing (503) */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;

    public DomainException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, "NOT_FOUND", message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(Kind.CONFLICT, code, message);
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(Kind.INVALID, code, message);
    }

    public static DomainException unprocessable(String code, String message) {
        return new DomainException(Kind.UNPROCESSABLE, code, message);
    }

    public static DomainException unavailable(String code, String message) {
        return new DomainException(Kind.UNAVAILABLE, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}

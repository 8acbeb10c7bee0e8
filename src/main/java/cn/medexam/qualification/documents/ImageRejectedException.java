package cn.medexam.qualification.documents;

/** An uploaded image failed one of the checks of {@link ImageInspector}; the message is the Chinese one for the candidate. */
public class ImageRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ImageRejection rejection;

    public ImageRejectedException(ImageRejection rejection) {
        this(rejection, null);
    }

    /** @param cause what a reader threw, kept for the logs (never shown to the candidate) */
    public ImageRejectedException(ImageRejection rejection, Throwable cause) {
        super(rejection.message(), cause);
        this.rejection = rejection;
    }

    public ImageRejection rejection() {
        return rejection;
    }
}

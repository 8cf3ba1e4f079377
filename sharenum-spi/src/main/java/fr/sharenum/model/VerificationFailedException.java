package fr.sharenum.model;

/** A verification token is wrong, already used or expired. */
public final class VerificationFailedException extends ShareNumException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, in French, for people
     */
    public VerificationFailedException(String message) {
        super("verification-failed", message);
    }
}

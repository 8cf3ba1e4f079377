package fr.sharenum.model;

/**
 * An address is not a well-formed e-mail address, or its domain is not one of the professional
 * domains the host's email policy accepts. The message says which.
 */
public final class EmailNotAllowedException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, in French, for people
     */
    public EmailNotAllowedException(String message) {
        super("email-not-allowed", "email", message);
    }
}

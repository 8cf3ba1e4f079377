package fr.sharenum.model;

/** A string is not a valid UAI (establishment identifier); the message says which rule failed. */
public final class InvalidUaiException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, in French, for people
     */
    public InvalidUaiException(String message) {
        super("invalid-uai", "uai", message);
    }
}

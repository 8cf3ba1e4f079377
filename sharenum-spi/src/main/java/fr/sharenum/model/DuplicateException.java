package fr.sharenum.model;

/** Something that must be unique already exists (a member with the same e-mail, an id reused). */
public final class DuplicateException extends ShareNumException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, in French, for people
     */
    public DuplicateException(String message) {
        super("duplicate", message);
    }
}

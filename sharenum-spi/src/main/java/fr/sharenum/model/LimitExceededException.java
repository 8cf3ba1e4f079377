package fr.sharenum.model;

/**
 * A host-configured limit refuses the action (too many tickets opened today…). The message says
 * which limit and when it frees up. Nothing was changed.
 */
public final class LimitExceededException extends NotAllowedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, in French, for people
     */
    public LimitExceededException(String message) {
        super("limit-exceeded", message);
    }
}

package fr.sharenum.model;

/**
 * Root of every exception ShareNum throws on purpose. All are unchecked; each subtype names one
 * kind of refusal and carries a message a person can read. When a ShareNum operation throws one of
 * them, it has changed nothing.
 */
public abstract class ShareNumException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ShareNumException(String message) {
        super(message);
    }

    protected ShareNumException(String message, Throwable cause) {
        super(message, cause);
    }
}

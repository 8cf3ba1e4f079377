package fr.sharenum.spi;

import fr.sharenum.model.ShareNumException;

/**
 * A notifier could not deliver a notification. {@link #isPermanent()} tells whether retrying can
 * help (a refused address) or not (a network outage is transient).
 */
public final class NotificationFailedException extends ShareNumException {
    private static final long serialVersionUID = 1L;
    /** Whether retrying cannot help. */
    private final boolean permanent;

    /**
     * Creates the exception.
     *
     * @param message the message, in French, for people
     * @param permanent whether permanent
     * @param cause the underlying failure
     */
    public NotificationFailedException(String message, boolean permanent, Throwable cause) {
        super("notification-failed", message, cause);
        this.permanent = permanent;
    }

    /**
     * Creates the exception.
     *
     * @param message the message, in French, for people
     * @param permanent whether permanent
     */
    public NotificationFailedException(String message, boolean permanent) {
        this(message, permanent, null);
    }

    /**
     * Whether retrying cannot help (a refused address) rather than may help later (an outage).
     *
     * @return true when permanent
     */
    public boolean isPermanent() {
        return permanent;
    }
}

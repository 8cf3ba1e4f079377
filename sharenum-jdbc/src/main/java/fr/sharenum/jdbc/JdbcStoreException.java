package fr.sharenum.jdbc;

import fr.sharenum.model.ShareNumException;

/**
 * The database failed (connection lost, statement refused, a record it holds cannot be read back).
 * The transaction it happened in was rolled back: nothing of it was written.
 */
public final class JdbcStoreException extends ShareNumException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, in French, for people
     * @param cause the underlying failure
     */
    public JdbcStoreException(String message, Throwable cause) {
        super("store-failure", message, cause);
    }
}

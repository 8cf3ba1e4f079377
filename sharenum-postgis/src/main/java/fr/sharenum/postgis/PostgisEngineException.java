package fr.sharenum.postgis;

import fr.sharenum.model.ShareNumException;

/**
 * The database failed while the PostGIS matching engine used it (connection lost, statement refused,
 * schema missing). A write that fails this way was rolled back: the engine holds what it held before.
 * Code {@code matching-failure}.
 */
public final class PostgisEngineException extends ShareNumException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, with the database's message
     * @param cause   the JDBC exception
     */
    public PostgisEngineException(String message, Throwable cause) {
        super("matching-failure", message, cause);
    }
}

package fr.sharenum.postgis;

/**
 * The database cannot host the engine: it is not PostgreSQL, the PostGIS extension is not installed on
 * the server (the message names the Debian package, e.g. {@code postgresql-15-postgis-3}), or it is
 * installed but not enabled in this database and the engine's role may not enable it (the message gives
 * the {@code CREATE EXTENSION} a superuser must run). Thrown by
 * {@link PostgisMatchingEngine.Builder#build()}; nothing was created.
 */
public final class PostgisUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing and how to install it
     * @param cause   the JDBC exception, or null
     */
    public PostgisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The Debian/Ubuntu package that installs PostGIS 3 for a PostgreSQL major version.
     *
     * @param postgresMajor e.g. 15
     * @return e.g. {@code postgresql-15-postgis-3}
     */
    public static String debianPackage(int postgresMajor) {
        return "postgresql-" + postgresMajor + "-postgis-3";
    }
}

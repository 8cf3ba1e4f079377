package fr.sharenum.postgis.internal;

import fr.sharenum.postgis.PostgisEngineException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Borrowing connections: every call takes its own from the data source and gives it back, leaving its
 * auto-commit mode as it found it. Reads run in the connection's mode (one statement is one snapshot);
 * writes run in a transaction, retried a few times when PostgreSQL reports a serialization failure or a
 * deadlock (possible when several instances write the same members at once), then committed.
 */
public final class Database {
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");
    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;

    /** @param dataSource where connections come from (pooled in production) */
    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Work on a connection.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param c the borrowed connection
         * @return the result
         * @throws SQLException as JDBC does
         */
        T apply(Connection c) throws SQLException;
    }

    /**
     * Runs read-only work; if the connection was not in auto-commit mode, ends the transaction the
     * work opened.
     *
     * @param what for the error message, e.g. "query qualified members"
     * @param work the work
     * @param <T>  its result
     * @return its result
     */
    public <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            T result = work.apply(c);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return result;
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs work in one transaction, committed at the end, rolled back and retried on serialization
     * failure or deadlock.
     *
     * @param what for the error message
     * @param work the work; it may run several times
     * @param <T>  its result
     * @return its result
     */
    public <T> T write(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return inTransaction(c, what, work);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs work in one transaction on a connection already borrowed (several transactions on one
     * connection, as a bulk load does).
     *
     * @param c    the connection
     * @param what for the error message
     * @param work the work; it may run several times
     * @param <T>  its result
     * @return its result
     * @throws SQLException when the connection cannot be restored
     */
    public <T> T inTransaction(Connection c, String what, Work<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        try {
            c.setAutoCommit(false);
            for (int attempt = 1; ; attempt++) {
                try {
                    T result = work.apply(c);
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    rollback(c, e);
                    if (attempt >= ATTEMPTS || !RETRYABLE.contains(e.getSQLState())) {
                        throw failure(what, e);
                    }
                    sleep(attempt);
                } catch (RuntimeException | Error e) {
                    rollback(c, e);
                    throw e;
                }
            }
        } finally {
            if (auto) {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Runs work on one borrowed connection, in its own mode (several steps, each its own transaction).
     *
     * @param what for the error message
     * @param work the work
     * @param <T>  its result
     * @return its result
     */
    public <T> T session(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(5L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The exception a caller sees.
     *
     * @param what what failed
     * @param e    the cause
     * @return the exception to throw
     */
    public static PostgisEngineException failure(String what, SQLException e) {
        return new PostgisEngineException("the PostGIS matching engine could not " + what + ": " + e.getMessage()
                + " (SQLState " + e.getSQLState() + ")", e);
    }
}

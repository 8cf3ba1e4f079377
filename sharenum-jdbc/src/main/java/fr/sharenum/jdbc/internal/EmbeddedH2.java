package fr.sharenum.jdbc.internal;

import org.h2.jdbcx.JdbcConnectionPool;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The embedded H2 database of {@code JdbcStore.h2(directory)}: the only class that touches H2's own API, so
 * that H2 is needed on the class path only by hosts that embed it (it is an optional dependency).
 */
public final class EmbeddedH2 implements AutoCloseable {
    private final JdbcConnectionPool pool;

    private EmbeddedH2(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /**
     * Opens (creating it if needed) the database {@code sharenum.mv.db} in {@code directory}, pooled.
     *
     * @param directory where the database file lives
     * @return the database
     * @throws IllegalStateException when H2 is not on the class path
     */
    public static EmbeddedH2 open(Path directory) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("sharenum") + ";DB_CLOSE_DELAY=-1";
        try {
            return new EmbeddedH2(JdbcConnectionPool.create(url, "sa", ""));
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("JdbcStore.h2 needs the H2 database on the class path:"
                    + " add com.h2database:h2 to the host's dependencies", e);
        }
    }

    /**
     * Its pooled connections.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Shuts the database down cleanly and closes the pool.
     *
     * @throws SQLException when the shutdown fails (the pool is closed anyway)
     */
    @Override
    public void close() throws SQLException {
        try (Connection c = pool.getConnection(); var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } finally {
            pool.dispose();
        }
    }
}

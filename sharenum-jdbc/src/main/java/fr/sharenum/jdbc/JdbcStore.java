package fr.sharenum.jdbc;

import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.StoreTransaction;
import org.flywaydb.core.Flyway;
import fr.sharenum.jdbc.internal.EmbeddedH2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The whole persistence SPI over JDBC, on PostgreSQL in production or H2 embedded in a file. The schema
 * is created and upgraded by Flyway ({@code fr/sharenum/jdbc/migration}) when the store is built.
 *
 * <p>Each {@link #inTransaction} is one database transaction (READ COMMITTED): everything the work
 * wrote is committed together, or rolled back together when it throws — a lost connection in the
 * middle of a workflow step leaves nothing half-written. Updates are optimistic, with a version
 * column, and fail with the same {@link fr.sharenum.model.VersionConflictException} as the in-memory
 * store; duplicates with {@link fr.sharenum.model.DuplicateException}; database failures with
 * {@link JdbcStoreException}. Passes {@code ShareNumStoreContract} on H2 and PostgreSQL.
 *
 * <pre>{@code
 * ShareNumStore store = JdbcStore.h2(Path.of("/var/lib/sharenum/db"));          // embedded, no server
 * ShareNumStore store = JdbcStore.builder(pooledPostgresDataSource).schema("sharenum").build();
 * ShareNum sharenum = ShareNum.builder().store(store).build();
 * }</pre>
 *
 * <p>Thread-safe: each transaction takes its own connection from the data source (give it a pooled
 * one in production).
 */
public final class JdbcStore implements ShareNumStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private final DataSource dataSource;
    private final String schema;
    private final EmbeddedH2 ownDatabase;
    private final boolean postgres;
    private final boolean kernelOnly;

    private JdbcStore(Builder b) {
        this.dataSource = b.dataSource;
        this.postgres = isPostgres(b.dataSource);
        this.kernelOnly = b.kernelOnly;
        this.schema = b.schema;
        this.ownDatabase = b.ownDatabase;
        if (b.migrate) {
            var config = Flyway.configure(JdbcStore.class.getClassLoader()).dataSource(dataSource)
                    .locations("classpath:fr/sharenum/jdbc/migration").table("sn_schema_history")
                    .placeholders(java.util.Map.of("collate", postgres ? "COLLATE \"C\"" : ""));
            if (schema != null) {
                config.schemas(schema).defaultSchema(schema).createSchemas(true);
            }
            var result = config.load().migrate();
            String where = schema == null ? "" : " " + schema;
            if (result.migrationsExecuted > 0) {
                LOG.info("ShareNum schema{} migrated from version {} to {} ({} migrations applied)", where,
                        result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion, result.targetSchemaVersion,
                        result.migrationsExecuted);
            } else {
                LOG.debug("ShareNum schema{} up to date at version {}", where, result.initialSchemaVersion);
            }
            if (!kernelOnly) {
                indexForSearch();
            }
        }
    }

    /** Fills the search columns of events and tickets stored before schema V10, in batches (idempotent). */
    private void indexForSearch() {
        int total = 0;
        while (true) {
            int n = run(t -> ((JdbcTransaction) t).indexForSearch(), false);
            if (n == 0) {
                break;
            }
            total += n;
        }
        if (total > 0) {
            LOG.info("ShareNum indexed {} events, tickets and trainings stored before the search indexes", total);
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot connect to the database: " + e.getMessage(), e);
        }
    }

    /**
     * The builder.
     *
     * @param dataSource the data source
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * An embedded H2 database in {@code directory} (created if needed; file {@code sharenum.mv.db}),
     * pooled, migrated: a single host keeps its data across restarts with no server. H2 is an optional
     * dependency of {@code sharenum-jdbc}: the host adds {@code com.h2database:h2} to use this.
     *
     * @param directory where the database file lives
     * @return the store, to {@link #close()} when the host stops
     * @throws IllegalStateException when H2 is not on the class path
     */
    public static JdbcStore h2(Path directory) {
        Objects.requireNonNull(directory, "directory");
        EmbeddedH2 database = EmbeddedH2.open(directory);
        Builder b = builder(database.dataSource());
        b.ownDatabase = database;
        return b.build();
    }

    /**
     * Closes what this store opened itself: the embedded H2 database of {@link #h2(Path)} is shut down
     * cleanly. A data source given to the builder is the host's, and stays open.
     */
    @Override
    public void close() {
        if (ownDatabase != null) {
            try {
                ownDatabase.close();
            } catch (SQLException e) {
                throw new JdbcStoreException("cannot shut the embedded database down: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        return run(work, false);
    }

    /**
     * Runs read-only {@code work} on one snapshot: REPEATABLE READ, read only, on PostgreSQL; SNAPSHOT on H2. The
     * connection is given back at READ COMMITTED.
     */
    @Override
    public <T> T inSnapshot(Function<StoreTransaction, T> work) {
        return run(work, true);
    }

    /**
     * On PostgreSQL, calls {@code onCommit} whenever a transaction appended to the change feed ({@code LISTEN
     * sharenum_changes} on a connection of its own, re-opened after a failure); elsewhere nothing (instances poll).
     */
    @Override
    public AutoCloseable listenForChanges(Runnable onCommit) {
        Objects.requireNonNull(onCommit, "onCommit");
        if (!postgres) {
            return () -> { };
        }
        return PgListener.start(dataSource, JdbcChangeFeed.CHANNEL, onCommit);
    }

    private <T> T run(Function<StoreTransaction, T> work, boolean snapshot) {
        Objects.requireNonNull(work, "work");
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot connect to the database: " + e.getMessage(), e);
        }
        try (c) {
            c.setAutoCommit(false);
            if (snapshot) {
                // before anything that starts the transaction (setting the schema does, on PostgreSQL)
                beginSnapshot(c);
            }
            if (schema != null) {
                c.setSchema(schema);
            }
            try {
                return runIn(c, work);
            } finally {
                if (snapshot) {
                    endSnapshot(c);
                }
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("database failure: " + e.getMessage(), e);
        }
    }

    private void beginSnapshot(Connection c) throws SQLException {
        if (postgres) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
        } else {
            try (var s = c.createStatement()) {
                s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            }
        }
    }

    private void endSnapshot(Connection c) {
        try {
            if (postgres) {
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            } else {
                try (var s = c.createStatement()) {
                    s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
                }
            }
        } catch (SQLException e) {
            LOG.warn("could not give a connection back at READ COMMITTED: {}", e.getMessage());
        }
    }

    private <T> T runIn(Connection c, Function<StoreTransaction, T> work) throws SQLException {
        JdbcTransaction tx = new JdbcTransaction(c, postgres);
        T result;
        try {
            result = work.apply(kernelOnly ? new KernelOnly(tx) : tx);
            tx.close();
            c.commit();
        } catch (RuntimeException | Error e) {
            tx.close();
            rollback(c, e);
            throw e;
        } catch (SQLException e) {
            tx.close();
            rollback(c, e);
            RuntimeException failure = Sql.failure(e);
            if (failure instanceof JdbcStoreException) {
                throw new JdbcStoreException("the transaction could not be committed: " + e.getMessage(), e);
            }
            throw failure;
        }
        return result;
    }

    /** A transaction showing only the storage kernel of another. */
    private static final class KernelOnly implements StoreTransaction {
        private final StoreTransaction t;

        KernelOnly(StoreTransaction t) {
            this.t = t;
        }

        @Override
        public java.util.Optional<fr.sharenum.spi.Doc> get(String collection, String key) {
            return t.get(collection, key);
        }

        @Override
        public java.util.Map<String, fr.sharenum.spi.Doc> getAll(String collection, java.util.Collection<String> keys) {
            return t.getAll(collection, keys);
        }

        @Override
        public void insert(String collection, fr.sharenum.spi.Doc doc) {
            t.insert(collection, doc);
        }

        @Override
        public void replace(String collection, fr.sharenum.spi.Doc doc, long expectedVersion) {
            t.replace(collection, doc, expectedVersion);
        }

        @Override
        public boolean delete(String collection, String key) {
            return t.delete(collection, key);
        }

        @Override
        public java.util.List<fr.sharenum.spi.Doc> range(String collection, String index, String from, String to, int limit) {
            return t.range(collection, index, from, to, limit);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Configures a {@link JdbcStore}. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private String schema;
        private boolean migrate = true;
        private boolean kernelOnly;
        private EmbeddedH2 ownDatabase;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Keep ShareNum's tables in this schema (created if needed); default the connection's.
         *
         * @param schema the schema
         * @return this builder
         */
        public Builder schema(String schema) {
            if (schema == null || !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("a schema name is letters, digits and underscores, was " + schema);
            }
            this.schema = schema;
            return this;
        }

        /**
         * Whether to offer only the storage kernel ({@code sn_doc} tables) and let ShareNum build every aggregate on
         * it, instead of the native tables; default false. For measuring the kernel path against the native one.
         *
         * @param kernelOnly true for the kernel only
         * @return this builder
         */
        public Builder kernelOnly(boolean kernelOnly) {
            this.kernelOnly = kernelOnly;
            return this;
        }

        /**
         * Whether to run the Flyway migrations when built; default true.
         *
         * @param migrate whether migrate
         * @return this builder
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Builds the {@code JdbcStore}.
         *
         * @return the {@link JdbcStore}
         */
        public JdbcStore build() {
            return new JdbcStore(this);
        }
    }
}

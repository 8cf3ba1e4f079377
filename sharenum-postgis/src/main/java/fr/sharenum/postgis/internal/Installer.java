package fr.sharenum.postgis.internal;

import fr.sharenum.postgis.PostgisUnavailableException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * What building the engine does to the database, in order: check it is PostgreSQL, find the schema,
 * find PostGIS or enable it ({@code CREATE EXTENSION}, under an advisory lock so instances starting
 * together do not race), then migrate the engine's tables with Flyway (its own history table
 * {@value #HISTORY_TABLE}; Flyway holds a PostgreSQL advisory lock while it migrates, so concurrent
 * starts apply each migration once).
 */
public final class Installer {
    private static final Logger LOG = LoggerFactory.getLogger(Installer.class);

    /** Flyway's history table of this engine, distinct from the store's {@code sn_schema_history}. */
    public static final String HISTORY_TABLE = "sn_postgis_schema_history";
    private static final String LOCATION = "classpath:fr/sharenum/postgis/internal/migration";
    /** Key of the transaction-level advisory lock taken while enabling PostGIS ("SN-PGIS"). */
    private static final long EXTENSION_LOCK = 0x534E2D50474953L;

    private Installer() {
    }

    /**
     * Where the engine's tables and PostGIS live.
     *
     * @param schema  the engine's schema, unquoted
     * @param postgis the schema PostGIS is installed in, unquoted
     */
    public record Location(String schema, String postgis) {
    }

    /**
     * Prepares the database.
     *
     * @param dataSource    the database
     * @param schema        the engine's schema, or null for the connection's current one
     * @param postgisSchema where to create PostGIS when it is not enabled yet
     * @param migrate       whether to enable PostGIS and run the migrations; when false both must be there
     * @return the schemas
     * @throws PostgisUnavailableException when PostGIS is missing and cannot be enabled
     */
    public static Location install(DataSource dataSource, String schema, String postgisSchema, boolean migrate) {
        String resolved;
        String postgis;
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (!product.toLowerCase(Locale.ROOT).contains("postgres")) {
                throw new PostgisUnavailableException("the PostGIS matching engine needs PostgreSQL with PostGIS, not "
                        + product, null);
            }
            resolved = schema != null ? schema : currentSchema(c);
            postgis = migrate ? enablePostgis(c, postgisSchema) : findPostgis(c);
            if (postgis == null) {
                throw notEnabled(c, null);
            }
        } catch (SQLException e) {
            throw Database.failure("connect to prepare its schema", e);
        }
        if (migrate) {
            migrate(dataSource, resolved, postgis);
        }
        return new Location(resolved, postgis);
    }

    private static String currentSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            String current = rs.getString(1);
            if (current == null) {
                throw new IllegalStateException("the connection has no current schema (empty search_path): give the"
                        + " engine one with PostgisMatchingEngine.builder(dataSource).schema(\"sharenum\")");
            }
            return current;
        }
    }

    /** The schema PostGIS is installed in, or null when it is not enabled in this database. */
    static String findPostgis(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n.nspname, e.extversion"
                + " FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'postgis'")) {
            if (!rs.next()) {
                return null;
            }
            LOG.debug("PostGIS {} found in schema {}", rs.getString(2), rs.getString(1));
            return rs.getString(1);
        }
    }

    private static String enablePostgis(Connection c, String postgisSchema) throws SQLException {
        String found = findPostgis(c);
        if (found != null) {
            return found;
        }
        if (!availableOnServer(c)) {
            int major = serverMajor(c);
            String pkg = PostgisUnavailableException.debianPackage(major);
            throw new PostgisUnavailableException("PostGIS is not installed on the PostgreSQL " + major + " server:"
                    + " install the package " + pkg + " on the database host (Debian/Ubuntu: apt-get install " + pkg
                    + "; elsewhere the PostGIS 3 build for PostgreSQL " + major + "), then build the engine again", null);
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + EXTENSION_LOCK + ")");
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA " + Sql.quote(postgisSchema));
            c.commit();
            LOG.info("PostGIS enabled in schema {}", postgisSchema);
        } catch (SQLException e) {
            c.rollback();
            if ("42501".equals(e.getSQLState())) {
                throw notEnabled(c, e);
            }
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return findPostgis(c);
    }

    private static boolean availableOnServer(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")) {
            return rs.next();
        }
    }

    private static int serverMajor(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static PostgisUnavailableException notEnabled(Connection c, SQLException cause) throws SQLException {
        String database;
        String role;
        try (PreparedStatement ps = c.prepareStatement("SELECT current_database(), current_user");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            database = rs.getString(1);
            role = rs.getString(2);
        }
        return new PostgisUnavailableException("PostGIS is not enabled in database \"" + database + "\" and role \""
                + role + "\" may not enable it: ask a superuser to run CREATE EXTENSION postgis; in that database"
                + " (the server has the package " + PostgisUnavailableException.debianPackage(serverMajor(c))
                + " or equivalent)", cause);
    }

    private static void migrate(DataSource dataSource, String schema, String postgis) {
        MigrateResult result = Flyway.configure(Installer.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .schemas(schema).defaultSchema(schema).createSchemas(true)
                // the schema may already hold ShareNum's store (JdbcStore): start our own history at version 0
                .baselineOnMigrate(true).baselineVersion("0")
                .placeholders(Map.of("sn_schema", Sql.quote(schema), "sn_postgis", Sql.quote(postgis)))
                .load().migrate();
        LOG.info("PostGIS matching engine schema {} at version {} ({} migrations applied)", schema,
                result.targetSchemaVersion, result.migrationsExecuted);
    }
}

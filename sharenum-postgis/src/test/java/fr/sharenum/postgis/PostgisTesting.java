package fr.sharenum.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.sharenum.testing.PostgresCluster;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The throw-away PostgreSQL cluster of {@code test-support}, with PostGIS: tests are skipped, with the
 * reason, when PostgreSQL or its PostGIS package is not installed ({@code .ci/run} installs both).
 */
final class PostgisTesting {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private PostgisTesting() {
    }

    /** Why these tests cannot run here, if they cannot. */
    static synchronized Optional<String> missing() {
        Optional<Path> bin = PostgresCluster.binaries();
        if (bin.isEmpty()) {
            return Optional.of("PostgreSQL is not installed (no initdb/pg_ctl): the PostGIS engine tests are skipped;"
                    + " apt-get install postgresql postgresql-15-postgis-3 to run them");
        }
        Path pgConfig = bin.get().resolve("pg_config");
        try {
            // initdb may be a link on PATH (/usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb)
            Path realBin = bin.get().resolve("initdb").toRealPath().getParent();
            pgConfig = realBin.resolve("pg_config");
            Process p = new ProcessBuilder(pgConfig.toString(), "--sharedir").redirectErrorStream(true).start();
            String share = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(30, TimeUnit.SECONDS);
            if (!Files.exists(Path.of(share, "extension", "postgis.control"))) {
                String major = realBin.getParent().getFileName().toString();
                return Optional.of("PostGIS is not installed for the PostgreSQL in " + realBin + ": the PostGIS engine"
                        + " tests are skipped; apt-get install postgresql-" + major + "-postgis-3 to run them");
            }
        } catch (Exception e) {
            return Optional.of("cannot tell whether PostGIS is installed (" + pgConfig + ": " + e + "): tests skipped");
        }
        return Optional.empty();
    }

    /** The shared cluster; call after {@link #missing()} said nothing is. */
    static PostgresCluster cluster() {
        try {
            return PostgresCluster.sharedOrSkip();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start PostgreSQL", e);
        }
    }

    private static HikariDataSource pool;

    /** A pool over the cluster (an engine borrows a connection per call: unpooled, connecting would dominate). */
    static synchronized DataSource dataSource() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(cluster().dataSource());
            config.setMaximumPoolSize(8);
            config.setPoolName("postgis-tests");
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    /** A fresh schema name. */
    static String schema(String prefix) {
        return prefix + "_" + SCHEMAS.incrementAndGet();
    }

    /** An engine on a fresh, empty schema. */
    static PostgisMatchingEngine newEngine(String prefix) {
        return PostgisMatchingEngine.builder(dataSource()).schema(schema(prefix)).build();
    }

    /** Empties the engine's tables (a new engine per jqwik try would cost a schema and a migration each). */
    static void truncate(PostgisMatchingEngine engine) {
        execute("TRUNCATE " + engine.schema() + ".sn_match_member, " + engine.schema() + ".sn_match_skill, "
                + engine.schema() + ".sn_match_follow, " + engine.schema() + ".sn_match_site");
    }

    static void execute(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Skips a jqwik container, with the reason, when PostgreSQL or PostGIS is not installed. */
    static final class Required implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return missing().map(SkipResult::skip).orElseGet(SkipResult::doNotSkip);
        }
    }
}

package fr.sharenum.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.sharenum.postgis.PostgisMatchingEngine;
import fr.sharenum.testing.PostgresCluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throw-away PostgreSQL cluster with PostGIS for the PostGIS engine's benchmarks (test-support's
 * {@link PostgresCluster}: initdb in a temporary folder, loopback port, no fsync), with 2 GB of shared
 * buffers so a million members stay in memory, and a HikariCP pool as a host would give the engine.
 * Needs the PostgreSQL and PostGIS packages ({@code .ci/run} installs them).
 */
final class PostgisDatabase implements AutoCloseable {
    /** Server settings on top of the tests' ones. */
    static final String[] SETTINGS = {"shared_buffers=2GB", "work_mem=16MB", "maintenance_work_mem=512MB",
        "max_wal_size=8GB", "max_connections=50"};

    private final PostgresCluster cluster;
    final HikariDataSource pool;

    private PostgisDatabase(PostgresCluster cluster) {
        this.cluster = cluster;
        HikariConfig config = new HikariConfig();
        config.setDataSource(cluster.dataSource());
        config.setMaximumPoolSize(4);
        config.setPoolName("postgis-benchmark");
        this.pool = new HikariDataSource(config);
    }

    static PostgisDatabase start() throws Exception {
        Path bin = PostgresCluster.binaries().orElseThrow(() -> new IllegalStateException(
                "the PostGIS benchmarks need PostgreSQL and PostGIS: apt-get install postgresql postgresql-15-postgis-3"));
        return new PostgisDatabase(PostgresCluster.start(bin, SETTINGS));
    }

    /** A new engine on a fresh schema. */
    PostgisMatchingEngine engine(String schema) {
        return PostgisMatchingEngine.builder(pool).schema(schema).build();
    }

    /** What autovacuum does soon after a bulk load: the visibility map (index-only scans) and statistics. */
    void vacuumAnalyze(PostgisMatchingEngine engine) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE " + engine.schema() + ".sn_match_site, " + engine.schema() + ".sn_match_member, "
                    + engine.schema() + ".sn_match_skill, " + engine.schema() + ".sn_match_follow");
        }
    }

    /** Bytes on disk of the engine's tables and indexes. */
    long bytes(PostgisMatchingEngine engine) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)))"
                     + " FROM pg_tables WHERE schemaname = '" + engine.schema() + "' AND tablename LIKE 'sn_match_%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws Exception {
        pool.close();
        cluster.close();
    }
}

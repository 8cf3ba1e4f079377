package fr.sharenum.jdbc;

import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.tck.ShareNumStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The persistence TCK on a real PostgreSQL server, started by the test in a temporary folder (a fresh
 * schema per test). Skipped, with the reason, when no PostgreSQL binaries are installed; {@code .ci/run}
 * installs them, so CI always runs it.
 */
class PostgresStoreTest extends ShareNumStoreContract {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static PostgresCluster cluster;

    @BeforeAll
    static void startPostgres() throws Exception {
        Optional<Path> bin = PostgresCluster.binaries();
        Assumptions.assumeTrue(bin.isPresent(), "PostgreSQL is not installed (no initdb/pg_ctl on PATH nor under"
                + " /usr/lib/postgresql): the PostgreSQL TCK is skipped; apt-get install postgresql to run it");
        cluster = PostgresCluster.start(bin.get());
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    protected ShareNumStore newStore() {
        return JdbcStore.builder(cluster.dataSource()).schema("tck_" + SCHEMAS.incrementAndGet()).build();
    }
}

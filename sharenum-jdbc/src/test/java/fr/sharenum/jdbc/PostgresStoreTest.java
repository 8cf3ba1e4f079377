package fr.sharenum.jdbc;

import fr.sharenum.testing.PostgresCluster;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.tck.ShareNumStoreContract;
import org.junit.jupiter.api.BeforeAll;

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
        cluster = PostgresCluster.sharedOrSkip();
    }

    @Override
    protected ShareNumStore newStore() {
        return JdbcStore.builder(cluster.dataSource()).schema("tck_" + SCHEMAS.incrementAndGet()).build();
    }
}

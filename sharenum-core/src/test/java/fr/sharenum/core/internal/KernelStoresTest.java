package fr.sharenum.core.internal;

import fr.sharenum.ShareNum;
import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.tck.DocumentsContract;
import fr.sharenum.tck.ShareNumStoreContract;
import fr.sharenum.testing.PostgresCluster;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Nested;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole store contract on kernel-only stores, completed by ShareNum's kernel aggregates: the in-memory
 * kernel, and the JDBC kernel tables on H2 and PostgreSQL. Together with the native runs (in-memory, H2,
 * PostgreSQL) every aggregate is checked both ways.
 */
class KernelStoresTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Nested
    class InMemoryKernel extends ShareNumStoreContract {
        @Override
        protected ShareNumStore newStore() {
            return ShareNum.completed(new InMemoryDocumentStore());
        }
    }

    @Nested
    class InMemoryKernelDocuments extends DocumentsContract {
        @Override
        protected ShareNumStore newStore() {
            return new InMemoryDocumentStore();
        }
    }

    @Nested
    class H2Kernel extends ShareNumStoreContract {
        @Override
        protected ShareNumStore newStore() {
            return ShareNum.completed(JdbcStore.builder(JdbcConnectionPool.create("jdbc:h2:mem:kernel" + COUNTER.incrementAndGet()
                    + ";DB_CLOSE_DELAY=-1", "sa", "")).kernelOnly(true).build());
        }
    }

    @Nested
    class PostgresKernel extends ShareNumStoreContract {
        @Override
        protected ShareNumStore newStore() {
            try {
                return ShareNum.completed(JdbcStore.builder(PostgresCluster.sharedOrSkip().dataSource())
                        .schema("kernel_tck_" + COUNTER.incrementAndGet()).kernelOnly(true).build());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

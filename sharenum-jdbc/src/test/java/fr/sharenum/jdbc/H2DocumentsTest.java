package fr.sharenum.jdbc;

import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.tck.DocumentsContract;
import org.h2.jdbcx.JdbcDataSource;

import java.util.concurrent.atomic.AtomicInteger;

/** The storage kernel TCK on H2 (a fresh in-memory database per test). */
class H2DocumentsTest extends DocumentsContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    protected ShareNumStore newStore() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:kernel" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        return JdbcStore.builder(ds).build();
    }
}

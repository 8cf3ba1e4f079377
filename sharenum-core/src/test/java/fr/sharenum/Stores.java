package fr.sharenum;

import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.testing.PostgresCluster;
import org.h2.jdbcx.JdbcConnectionPool;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The stores the trust-boundary tests run on: in memory, H2, and a real PostgreSQL (skipped when not installed). */
enum Stores {
    MEMORY, H2, POSTGRESQL;

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A fresh store, and a way to read every row of every table it keeps (everything, as text). */
    record Fresh(ShareNumStore store, java.util.function.Supplier<String> everything) {
    }

    Fresh fresh() {
        switch (this) {
            case MEMORY: {
                ShareNumStore store = ShareNum.inMemoryStore();
                return new Fresh(store, () -> String.join("\n", Snapshots.of(store)));
            }
            case H2: {
                DataSource ds = JdbcConnectionPool.create("jdbc:h2:mem:core" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                        "sa", "");
                return new Fresh(JdbcStore.builder(ds).build(), () -> dump(ds, "PUBLIC"));
            }
            default: {
                String schema = "core_" + COUNTER.incrementAndGet();
                try {
                    DataSource ds = PostgresCluster.sharedOrSkip().dataSource();
                    return new Fresh(JdbcStore.builder(ds).schema(schema).build(), () -> dump(ds, schema));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Every row of every table of {@code schema}, every column as text. */
    static String dump(DataSource ds, String schema) {
        StringBuilder out = new StringBuilder();
        try (Connection c = ds.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no table in schema " + schema);
            }
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + schema + "\".\"" + table + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        out.append(table).append(':');
                        for (int i = 1; i <= n; i++) {
                            out.append(' ').append(rs.getString(i));
                        }
                        out.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}

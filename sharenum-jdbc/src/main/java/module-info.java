/**
 * ShareNum persistence over JDBC: the whole {@link fr.sharenum.spi.ShareNumStore} on H2 (embedded, in a
 * file) or PostgreSQL, schema migrations by Flyway.
 */
module fr.sharenum.jdbc {
    requires transitive fr.sharenum.spi;
    requires transitive java.sql;
    requires fr.sharenum.json;
    requires com.fasterxml.jackson.databind;
    requires flyway.core;
    requires static com.h2database;   // only JdbcStore.h2(dir): a host embedding H2 brings it
    // LISTEN/NOTIFY on PostgreSQL only: the driver is the host's
    requires static org.postgresql.jdbc;
    requires org.slf4j;

    exports fr.sharenum.jdbc;

    opens fr.sharenum.jdbc.migration;
}

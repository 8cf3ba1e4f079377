/**
 * ShareNum's PostGIS matching engine: a {@link fr.sharenum.spi.MatchingEngine} that keeps no member in
 * memory and answers every query from PostgreSQL with PostGIS, so several ShareNum instances on one
 * database share one index. Not discovered by {@link java.util.ServiceLoader}: a host builds it with
 * {@link fr.sharenum.postgis.PostgisMatchingEngine#builder(javax.sql.DataSource)} and passes it to the
 * ShareNum builder.
 */
module fr.sharenum.postgis {
    requires transitive fr.sharenum.spi;
    requires transitive java.sql;
    requires flyway.core;
    requires org.slf4j;

    exports fr.sharenum.postgis;

    opens fr.sharenum.postgis.internal.migration;
}

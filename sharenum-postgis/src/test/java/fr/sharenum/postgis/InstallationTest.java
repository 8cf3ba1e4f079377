package fr.sharenum.postgis;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.QualifiedQuery;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What building the engine does to a database, and what it refuses with which message. */
class InstallationTest {
    private static final ToolId GEOGEBRA = ToolId.of("geogebra");
    private static final GeoPoint DIJON = GeoPoint.of(47.3220, 5.0415);

    @BeforeAll
    static void postgis() {
        Assumptions.assumeTrue(PostgisTesting.missing().isEmpty(), () -> PostgisTesting.missing().orElse(""));
    }

    private static DataSource as(String user, String database, String options) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {PostgisTesting.cluster().port});
        ds.setDatabaseName(database);
        ds.setUser(user);
        if (options != null) {
            ds.setOptions(options);
        }
        return ds;
    }

    private static MatchCandidate claire() {
        return new MatchCandidate(MemberId.of("claire"), Uai.of("0211136W"), DIJON,
                Map.of(GEOGEBRA, CompetenceLevel.EXPERIENCED), Set.of(), Set.of());
    }

    @Test
    void a_role_that_may_not_enable_postgis_is_told_what_to_ask_for() {
        String db = PostgisTesting.schema("nopostgis");
        PostgisTesting.execute("CREATE DATABASE " + db);
        PostgisTesting.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'plain') THEN"
                + " CREATE ROLE plain LOGIN; END IF; END $$");
        PostgisTesting.execute("GRANT CREATE ON DATABASE " + db + " TO plain");
        assertThatThrownBy(() -> PostgisMatchingEngine.builder(as("plain", db, null)).schema("sharenum").build())
                .isInstanceOf(PostgisUnavailableException.class).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CREATE EXTENSION postgis").hasMessageContaining(db).hasMessageContaining("\"plain\"")
                .hasMessageContaining("postgresql-1");
        // a DBA enables it once; then the same role builds the engine and uses it
        PostgisMatchingEngine.builder(as("sharenum", db, null)).schema("bootstrap").build();
        PostgisMatchingEngine engine = PostgisMatchingEngine.builder(as("plain", db, null)).schema("sharenum").build();
        engine.upsert(claire());
        assertThat(engine.qualified(QualifiedQuery.within(DIJON, 1, GEOGEBRA, CompetenceLevel.NOVICE))).hasSize(1);
    }

    @Test
    void postgis_is_enabled_in_a_database_that_lacks_it_when_the_role_may() {
        String db = PostgisTesting.schema("fresh");
        PostgisTesting.execute("CREATE DATABASE " + db);
        PostgisMatchingEngine engine = PostgisMatchingEngine.builder(as("sharenum", db, null)).build();
        assertThat(engine.schema()).isEqualTo("public");
        engine.upsert(claire());
        assertThat(engine.size()).isEqualTo(1);
    }

    @Test
    void the_connections_search_path_does_not_matter() {
        String schema = PostgisTesting.schema("path");
        DataSource elsewhere = as("sharenum", "postgres", "-c search_path=nowhere_at_all");
        PostgisMatchingEngine engine = PostgisMatchingEngine.builder(elsewhere).schema(schema).build();
        engine.upsert(claire());
        engine.upsertAll(java.util.List.of(claire()));
        assertThat(engine.qualified(QualifiedQuery.within(DIJON, 1, GEOGEBRA, CompetenceLevel.NOVICE)))
                .extracting(m -> m.member().value()).containsExactly("claire");
        assertThat(engine.size()).isEqualTo(1);
    }

    @Test
    void a_schema_that_already_holds_tables_is_shared() {
        String schema = PostgisTesting.schema("store");
        PostgisTesting.execute("CREATE SCHEMA " + schema);
        PostgisTesting.execute("CREATE TABLE " + schema + ".sn_member (id text PRIMARY KEY)");   // e.g. JdbcStore's
        PostgisMatchingEngine engine = PostgisMatchingEngine.builder(PostgisTesting.dataSource()).schema(schema).build();
        engine.upsert(claire());
        assertThat(engine.size()).isEqualTo(1);
    }

    @Test
    void without_migrations_the_tables_must_be_there() {
        String schema = PostgisTesting.schema("bare");
        PostgisTesting.execute("CREATE SCHEMA " + schema);
        assertThatThrownBy(() -> PostgisMatchingEngine.builder(PostgisTesting.dataSource()).schema(schema).migrate(false).build())
                .isInstanceOf(PostgisEngineException.class).hasMessageContaining(schema);
        PostgisMatchingEngine.builder(PostgisTesting.dataSource()).schema(schema).build();
        PostgisMatchingEngine engine = PostgisMatchingEngine.builder(PostgisTesting.dataSource()).schema(schema).migrate(false).build();
        assertThat(engine.size()).isZero();
    }

    @Test
    void schema_names_are_checked() {
        assertThatThrownBy(() -> PostgisMatchingEngine.builder(PostgisTesting.dataSource()).schema("x; DROP TABLE y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PostgisUnavailableException.debianPackage(15)).isEqualTo("postgresql-15-postgis-3");
    }
}

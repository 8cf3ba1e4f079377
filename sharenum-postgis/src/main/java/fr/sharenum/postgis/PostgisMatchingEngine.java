package fr.sharenum.postgis;

import fr.sharenum.model.MemberId;
import fr.sharenum.postgis.internal.Database;
import fr.sharenum.postgis.internal.Installer;
import fr.sharenum.postgis.internal.Reads;
import fr.sharenum.postgis.internal.Sql;
import fr.sharenum.postgis.internal.Writes;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.QualifiedQuery;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A {@link MatchingEngine} that holds no member in memory: candidates live in PostgreSQL tables and every
 * query asks the database (a GiST index on establishment positions, then B-tree probes of the skills),
 * so every ShareNum instance on the database sees every instance's writes at once. Answers are exactly
 * the reference engine's — same members, same distances to the last bit, same order — because the
 * database only preselects sites and the boundary is decided in Java by
 * {@link fr.sharenum.model.GeoPoint#haversineKm}.
 *
 * <pre>{@code
 * MatchingEngine engine = PostgisMatchingEngine.builder(pooledDataSource).schema("sharenum").build();
 * ShareNum sharenum = ShareNum.builder().store(store).matchingEngine(engine).build();
 * }</pre>
 *
 * <p>Building it enables PostGIS in the database when it is not yet ({@code CREATE EXTENSION postgis},
 * which needs a superuser; otherwise a DBA runs it once) and creates or migrates its tables with Flyway
 * (history table {@code sn_postgis_schema_history}).
 *
 * <p>Writes are idempotent and cheap when nothing changes, as every instance applies the same change
 * feed: an {@link #upsert} of a candidate already stored costs one indexed read and writes nothing, and
 * {@link #upsertAll} at start-up writes only the members that differ. Concurrent writes of one member
 * serialise on its row; the last committed wins.
 *
 * <p>Thread-safe: the engine keeps only its configuration (data source, SQL text); each call borrows its
 * own connection (give it a pool) and returns it. Isolation: a query is one statement, so it sees one
 * committed snapshot at any level; writes expect READ COMMITTED (PostgreSQL's default) and are retried
 * on serialization failures and deadlocks. The connection's {@code search_path} does not matter: every
 * name is schema-qualified.
 */
public final class PostgisMatchingEngine implements MatchingEngine {

    private final String schema;
    private final Reads reads;
    private final Writes writes;

    private PostgisMatchingEngine(Builder b) {
        Installer.Location at = Installer.install(b.dataSource, b.schema, b.postgisSchema, b.migrate);
        Database db = new Database(b.dataSource);
        Sql sql = new Sql(at.schema(), at.postgis());
        this.schema = at.schema();
        this.reads = new Reads(db, sql);
        this.writes = new Writes(db, sql);
        if (!b.migrate) {
            db.read("find its tables in schema " + schema + " (built with migrate(false))", c -> {
                try (var ps = c.prepareStatement(sql.probe)) {
                    ps.executeQuery().close();
                }
                return null;
            });
        }
    }

    /**
     * Starts configuring an engine on a PostgreSQL database with PostGIS.
     *
     * @param dataSource the database; pooled in production (each call borrows one connection)
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * {@inheritDoc} One round trip; nothing is written when the stored candidate is the same.
     *
     * @param candidate the member as matching sees them
     */
    @Override
    public void upsert(MatchCandidate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        writes.upsert(candidate);
    }

    /**
     * {@inheritDoc} Set-based, by chunks of 2,000 members, each its own transaction; only members whose
     * candidate differs from the stored one are written. When the same member comes several times, the
     * last wins. If it fails midway, the chunks before stay written: calling it again completes the load.
     * Members absent from {@code candidates} are kept (the SPI adds or replaces); {@link #replaceAll} also forgets
     * them.
     *
     * @param candidates the candidates
     */
    @Override
    public void upsertAll(Collection<MatchCandidate> candidates) {
        Objects.requireNonNull(candidates, "candidates");
        writes.upsertAll(candidates);
    }

    /**
     * {@inheritDoc} {@link #upsertAll}, then the stored members absent from {@code candidates} are deleted by chunks:
     * what an instance does when it rebuilds from the store, so members deactivated while no instance ran go too.
     *
     * @param candidates every active member
     */
    @Override
    public void replaceAll(Collection<MatchCandidate> candidates) {
        Objects.requireNonNull(candidates, "candidates");
        writes.upsertAll(candidates);
        java.util.Set<String> keep = new java.util.HashSet<>(candidates.size() * 2);
        candidates.forEach(c -> keep.add(c.member().value()));
        writes.retainOnly(keep);
    }

    /**
     * {@inheritDoc}
     *
     * @param member the member
     */
    @Override
    public void remove(MemberId member) {
        Objects.requireNonNull(member, "member");
        writes.remove(member);
    }

    /**
     * {@inheritDoc} Cost: the sites in the search boxes plus the members found; the limit is applied
     * after the exact distances are known.
     *
     * @param query the query
     * @return the hits in {@link Match#ORDER}
     */
    @Override
    public List<Match> qualified(QualifiedQuery query) {
        Objects.requireNonNull(query, "query");
        return reads.qualified(query);
    }

    /**
     * {@inheritDoc}
     *
     * @param query the query
     * @return the hits in {@link Nearby#ORDER}, each member once
     */
    @Override
    public List<Nearby> followers(FollowersQuery query) {
        Objects.requireNonNull(query, "query");
        return reads.followers(query);
    }

    /**
     * {@inheritDoc} A {@code count(*)} over the member table (tens of milliseconds at a million members).
     *
     * @return the number of members stored
     */
    @Override
    public int size() {
        return reads.size();
    }

    /**
     * The schema holding the engine's tables.
     *
     * @return its name
     */
    public String schema() {
        return schema;
    }

    @Override
    public String toString() {
        return "PostgisMatchingEngine[" + schema + "]";
    }

    /** Configures a {@link PostgisMatchingEngine}. Not thread-safe; {@link #build()} may be called once per engine wanted. */
    public static final class Builder {
        private final DataSource dataSource;
        private String schema;
        private String postgisSchema = "public";
        private boolean migrate = true;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Keeps the engine's tables ({@code sn_match_*}) in this schema, created if needed; default: the
         * connection's current schema. May be the schema of ShareNum's JDBC store.
         *
         * @param schema letters, digits and underscores, starting with a letter or underscore
         * @return this builder
         * @throws IllegalArgumentException for another name
         */
        public Builder schema(String schema) {
            this.schema = checked(schema);
            return this;
        }

        /**
         * Where to create the PostGIS extension when the database does not have it yet; default
         * {@code public}. When PostGIS is already enabled, the engine uses it wherever it is.
         *
         * @param schema an existing schema: letters, digits and underscores
         * @return this builder
         * @throws IllegalArgumentException for another name
         */
        public Builder postgisSchema(String schema) {
            this.postgisSchema = checked(schema);
            return this;
        }

        /**
         * Whether building enables PostGIS and runs the migrations (default true). With false, a DBA has done
         * both beforehand (for a role without DDL rights); building then only checks they are there.
         *
         * @param migrate whether to migrate
         * @return this builder
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Prepares the database and returns the engine.
         *
         * @return the engine
         * @throws PostgisUnavailableException when the database is not PostgreSQL, or PostGIS is missing and cannot be enabled
         * @throws PostgisEngineException      when the database fails otherwise
         */
        public PostgisMatchingEngine build() {
            return new PostgisMatchingEngine(this);
        }

        private static String checked(String schema) {
            if (schema == null || !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("a schema name is letters, digits and underscores, was " + schema);
            }
            return schema;
        }
    }
}

package fr.sharenum.geo;

import fr.sharenum.geo.internal.GeoIndex;
import fr.sharenum.model.MemberId;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchSink;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.QualifiedQuery;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fast {@link MatchingEngine}: for every tool, the establishments' positions where someone has it,
 * packed in spatial order with their members already in result order, and one packed R-tree per
 * minimum level — so a query costs the sites within the radius that have a member at the wanted
 * level plus the hits, takes no lock, and allocates nothing per hit through
 * {@link #qualified(QualifiedQuery, MatchSink)}. Answers are exactly those of the reference engine
 * (same hits, same distances, same order). Thread-safe: any number of threads may query while others
 * update; an update is visible to every query started after it returned.
 *
 * <p>Hosts usually do nothing: with {@code sharenum-geo} on the class path,
 * {@code ShareNum.builder().build()} discovers it. Explicitly:
 *
 * <pre>{@code
 * GeoMatchingEngine engine = GeoMatchingEngine.create();
 * engine.upsertAll(candidates);                       // bulk load: packed in one pass
 * MatchBuffer hits = new MatchBuffer();               // reused, one per thread
 * engine.qualified(QualifiedQuery.within(dijon, 30, geogebra, CompetenceLevel.EXPERIENCED), hits.clear());
 * }</pre>
 */
public final class GeoMatchingEngine implements MatchingEngine {

    /**
     * Formerly the default bound of the site cache, now removed: with non-repeating query centres it
     * cost more than it saved.
     *
     * @deprecated the engine has no cache any more; kept for source compatibility
     */
    @Deprecated(forRemoval = true)
    public static final long DEFAULT_SITE_CACHE_WEIGHT = 0;

    private volatile GeoIndex index;

    private GeoMatchingEngine(GeoIndex index) {
        this.index = index;
    }

    /**
     * An engine with default settings.
     *
     * @return an engine with default settings
     */
    public static GeoMatchingEngine create() {
        return builder().build();
    }

    /**
     * The builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds or replaces a member; only the buckets that change are copied.
     *
     * @param candidate the member as the engine should know them
     */
    @Override
    public void upsert(MatchCandidate candidate) {
        index.upsert(candidate);
    }

    /**
     * Bulk load: into an empty engine, every tool's index is written in one pass and packed once;
     * otherwise one upsert after another. The last candidate of a member wins.
     *
     * @param candidates the members
     */
    @Override
    public void upsertAll(Collection<MatchCandidate> candidates) {
        index.upsertAll(candidates);
    }

    /**
     * Builds a fresh index of {@code candidates} beside the current one (the bulk load), then swaps them: queries
     * keep answering from the old index until the new one is complete.
     *
     * @param candidates every active member
     */
    @Override
    public void replaceAll(Collection<MatchCandidate> candidates) {
        GeoIndex fresh = new GeoIndex();
        fresh.upsertAll(candidates);
        index = fresh;
    }

    /**
     * Forgets a member; does nothing if unknown.
     *
     * @param member the member
     */
    @Override
    public void remove(MemberId member) {
        index.remove(member);
    }

    /**
     * The hits as a new list of {@link Match} records (convenient; allocates a record per hit).
     *
     * @param query the query
     */
    @Override
    public List<Match> qualified(QualifiedQuery query) {
        return index.qualified(query);
    }

    /**
     * The hits handed to {@code sink}, nearest first, with no allocation per hit.
     *
     * @param query the query
     * @param sink  receives the hits in {@link Match#ORDER}; returning false stops the query
     * @return the number of hits handed to the sink
     */
    @Override
    public int qualified(QualifiedQuery query, MatchSink sink) {
        return index.qualified(query, sink);
    }

    /**
     * Members following any of the tools or themes within the radius.
     *
     * @param query the query
     */
    @Override
    public List<Nearby> followers(FollowersQuery query) {
        return index.followers(query);
    }

    @Override
    public int size() {
        return index.size();
    }

    /**
     * Number of distinct sites (establishment positions) indexed.
     *
     * @return the site count
     */
    public int siteCount() {
        return index.siteCount();
    }

    /**
     * Sizes of the index: {@code sites}, {@code slots} (member slots ever given), {@code members}
     * (active), {@code topics} (tools, followed tools, themes), {@code pairs} (site, topic) and
     * {@code postings} (member, topic) in the packed bases.
     *
     * @return the sizes, by name
     */
    public Map<String, Long> statistics() {
        return index.statistics();
    }

    /**
     * Formerly the site cache's figures; the cache is gone, so always zero.
     *
     * @deprecated the engine has no cache any more; kept for source compatibility
     * @return zeros
     */
    @Deprecated(forRemoval = true)
    public CacheStatistics siteCacheStatistics() {
        return new CacheStatistics(0, 0, 0);
    }

    @Override
    public String toString() {
        return "GeoMatchingEngine[" + size() + " members, " + siteCount() + " sites]";
    }

    /**
     * Hits and misses of the former site cache.
     *
     * @param hits      lookups answered from the cache
     * @param misses    lookups computed
     * @param evictions entries evicted for size
     * @deprecated the engine has no cache any more; kept for source compatibility
     */
    @Deprecated(forRemoval = true)
    public record CacheStatistics(long hits, long misses, long evictions) {
        /**
         * Share of lookups answered from the cache, 0 when there was none.
         *
         * @return the hit rate
         */
        public double hitRate() {
            long total = hits + misses;
            return total == 0 ? 0 : (double) hits / total;
        }
    }

    /** Configures a {@link GeoMatchingEngine}. Not thread-safe. */
    public static final class Builder {
        private Builder() {
        }

        /**
         * Formerly the bound of the site cache; ignored.
         *
         * @param weight ignored, must be {@code >= 0}
         * @return this builder
         * @deprecated the engine has no cache any more: a benchmark with non-repeating centres showed
         *             it cost more than it saved; kept for source compatibility
         */
        @Deprecated(forRemoval = true)
        public Builder siteCacheWeight(long weight) {
            if (weight < 0) {
                throw new IllegalArgumentException("siteCacheWeight must be >= 0");
            }
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return a new, empty engine
         */
        public GeoMatchingEngine build() {
            return new GeoMatchingEngine(new GeoIndex());
        }
    }
}

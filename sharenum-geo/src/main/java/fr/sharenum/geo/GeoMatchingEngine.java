package fr.sharenum.geo;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import fr.sharenum.geo.internal.GeoIndex;
import fr.sharenum.model.MemberId;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.QualifiedQuery;

import java.util.Collection;
import java.util.List;

/**
 * The fast {@link MatchingEngine}: establishments in an STR-packed R-tree (JTS), members posted per
 * tool and per establishment in copy-on-write buckets, so a query costs the establishments within
 * the radius plus the hits, and never takes a lock. Answers are exactly those of the reference
 * engine (same hits, same distances, same order). Thread-safe: any number of threads may query while
 * others update; an update is visible to every query started after it returned.
 *
 * <p>Hosts usually do nothing: with {@code sharenum-geo} on the class path,
 * {@code ShareNum.builder().build()} discovers it. To tune it:
 *
 * <pre>{@code
 * GeoMatchingEngine engine = GeoMatchingEngine.builder().siteCacheWeight(0).build(); // no cache
 * ShareNum sharenum = ShareNum.builder().matchingEngine(engine).build();
 * }</pre>
 */
public final class GeoMatchingEngine implements MatchingEngine {

    /** Default bound on the site cache: total number of (site, distance) entries kept. */
    public static final long DEFAULT_SITE_CACHE_WEIGHT = 2_000_000;

    private final long siteCacheWeight;
    private volatile GeoIndex index;

    private GeoMatchingEngine(long siteCacheWeight) {
        this.siteCacheWeight = siteCacheWeight;
        this.index = new GeoIndex(siteCacheWeight);
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

    @Override
    public void upsert(MatchCandidate candidate) {
        index.upsert(candidate);
    }

    /** Bulk load: into an empty engine, buckets are built whole and the tree packed once. */
    @Override
    public void upsertAll(Collection<MatchCandidate> candidates) {
        index.upsertAll(candidates);
    }

    /** Builds a fresh index of {@code candidates} beside the current one, then swaps them. */
    @Override
    public void replaceAll(Collection<MatchCandidate> candidates) {
        GeoIndex fresh = new GeoIndex(siteCacheWeight);
        fresh.upsertAll(candidates);
        index = fresh;
    }

    @Override
    public void remove(MemberId member) {
        index.remove(member);
    }

    @Override
    public List<Match> qualified(QualifiedQuery query) {
        return index.qualified(query);
    }

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
     * Figures of the cache of "sites within r of p" answers, which pays when tickets and events
     * come repeatedly from the same establishments. It never holds members, only sites.
     *
     * @return the site cache statistics
     */
    public CacheStatistics siteCacheStatistics() {
        CacheStats s = index.siteCacheStats();
        return new CacheStatistics(s.hitCount(), s.missCount(), s.evictionCount());
    }

    @Override
    public String toString() {
        return "GeoMatchingEngine[" + size() + " members, " + siteCount() + " sites]";
    }

    /**
     * Hits and misses of the site cache.
     *
     * @param hits      lookups answered from the cache
     * @param misses    lookups computed
     * @param evictions entries evicted for size
     */
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
        private long siteCacheWeight = DEFAULT_SITE_CACHE_WEIGHT;

        private Builder() {
        }

        /**
         * Bound of the site cache in entries (sites × queries); 0 disables the cache.
         *
         * @param weight the weight
         * @return this builder
         */
        public Builder siteCacheWeight(long weight) {
            if (weight < 0) {
                throw new IllegalArgumentException("siteCacheWeight must be >= 0");
            }
            this.siteCacheWeight = weight;
            return this;
        }

        /**
         * Builds the {@code GeoMatchingEngine}.
         *
         * @return the {@link GeoMatchingEngine}
         */
        public GeoMatchingEngine build() {
            return new GeoMatchingEngine(siteCacheWeight);
        }
    }
}

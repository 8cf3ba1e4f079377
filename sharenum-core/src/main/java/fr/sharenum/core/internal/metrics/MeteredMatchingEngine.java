package fr.sharenum.core.internal.metrics;

import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchSink;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.QualifiedQuery;

import java.util.Collection;
import java.util.List;

/**
 * The matching engine as the workflows query it, each query timed and its hits counted; updates go straight through.
 * Only built when metrics are on ({@link #of}).
 */
public final class MeteredMatchingEngine implements MatchingEngine {
    private final MatchingEngine engine;
    private final Metrics metrics;

    private MeteredMatchingEngine(MatchingEngine engine, Metrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
    }

    /**
     * The engine the workflows query.
     *
     * @param engine  the instance's engine
     * @param metrics where to count
     * @return {@code engine} measured, or {@code engine} itself when metrics are off
     */
    public static MatchingEngine of(MatchingEngine engine, Metrics metrics) {
        return metrics.enabled() ? new MeteredMatchingEngine(engine, metrics) : engine;
    }

    private void record(String query, long started, int hits) {
        metrics.time(Meters.MATCHING_QUERIES, System.nanoTime() - started, "query", query);
        metrics.count(Meters.MATCHING_HITS, hits, "query", query);
    }

    @Override
    public List<Match> qualified(QualifiedQuery query) {
        long started = System.nanoTime();
        List<Match> found = engine.qualified(query);
        record("qualified", started, found.size());
        return found;
    }

    @Override
    public int qualified(QualifiedQuery query, MatchSink sink) {
        long started = System.nanoTime();
        int found = engine.qualified(query, sink);
        record("qualified", started, found);
        return found;
    }

    @Override
    public List<Nearby> followers(FollowersQuery query) {
        long started = System.nanoTime();
        List<Nearby> found = engine.followers(query);
        record("followers", started, found.size());
        return found;
    }

    @Override
    public void upsert(MatchCandidate candidate) {
        engine.upsert(candidate);
    }

    @Override
    public void upsertAll(Collection<MatchCandidate> candidates) {
        engine.upsertAll(candidates);
    }

    @Override
    public void remove(MemberId member) {
        engine.remove(member);
    }

    @Override
    public void replaceAll(Collection<MatchCandidate> candidates) {
        engine.replaceAll(candidates);
    }

    @Override
    public void relocate(Uai establishment, GeoPoint location) {
        engine.relocate(establishment, location);
    }

    @Override
    public int size() {
        return engine.size();
    }

    @Override
    public String toString() {
        return engine.toString();
    }
}

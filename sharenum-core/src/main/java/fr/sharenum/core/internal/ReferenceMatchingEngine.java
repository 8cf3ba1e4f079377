package fr.sharenum.core.internal;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.QualifiedQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exhaustive matching: every query scans every candidate and computes its distance with
 * {@link fr.sharenum.model.GeoPoint#distanceKm}. Correct by construction; O(members) per query.
 * Thread-safe (a {@link ConcurrentHashMap} of candidates). A map iterator may meet a member twice when
 * that member is removed and upserted while it runs (the new node lands further along the same bin), so
 * queries keep the first version they meet.
 */
public final class ReferenceMatchingEngine implements MatchingEngine {

    private final ConcurrentHashMap<MemberId, MatchCandidate> candidates = new ConcurrentHashMap<>();

    @Override
    public void upsert(MatchCandidate candidate) {
        candidates.put(candidate.member(), candidate);
    }

    @Override
    public void replaceAll(Collection<MatchCandidate> all) {
        Map<MemberId, MatchCandidate> next = new HashMap<>();
        all.forEach(c -> next.put(c.member(), c));
        candidates.keySet().retainAll(next.keySet());
        candidates.putAll(next);
    }

    @Override
    public void relocate(Uai establishment, GeoPoint location) {
        candidates.replaceAll((id, c) -> c.establishment().equals(establishment)
                ? new MatchCandidate(c.member(), c.establishment(), location, c.levels(), c.followedTools(), c.followedThemes())
                : c);
    }

    @Override
    public void remove(MemberId member) {
        candidates.remove(member);
    }

    @Override
    public List<Match> qualified(QualifiedQuery q) {
        List<Match> hits = new ArrayList<>();
        Set<MemberId> seen = new HashSet<>();
        for (MatchCandidate c : candidates.values()) {
            if (!seen.add(c.member())) {
                continue;
            }
            CompetenceLevel level = c.levels().get(q.tool());
            if (level == null || !level.isAtLeast(q.minLevel()) || q.excluded().contains(c.member())) {
                continue;
            }
            double d = q.center().distanceKm(c.location());
            if (d <= q.radiusKm()) {
                hits.add(new Match(c.member(), c.establishment(), level, d));
            }
        }
        hits.sort(Match.ORDER);
        return hits.size() > q.limit() ? List.copyOf(hits.subList(0, q.limit())) : hits;
    }

    @Override
    public List<Nearby> followers(FollowersQuery q) {
        List<Nearby> hits = new ArrayList<>();
        Set<MemberId> seen = new HashSet<>();
        for (MatchCandidate c : candidates.values()) {
            if (!seen.add(c.member()) || q.excluded().contains(c.member())) {
                continue;
            }
            if (Collections.disjoint(c.followedTools(), q.tools()) && Collections.disjoint(c.followedThemes(), q.themes())) {
                continue;
            }
            double d = q.center().distanceKm(c.location());
            if (d <= q.radiusKm()) {
                hits.add(new Nearby(c.member(), c.establishment(), d));
            }
        }
        hits.sort(Nearby.ORDER);
        return hits;
    }

    @Override
    public int size() {
        return candidates.size();
    }

    @Override
    public String toString() {
        return "ReferenceMatchingEngine[" + candidates.size() + " members]";
    }
}

package fr.sharenum.spi;

import fr.sharenum.model.MemberId;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Finds members by place and competence. ShareNum keeps the engine up to date (it calls
 * {@link #upsert} and {@link #remove} after every stored change) and asks it who to alert.
 *
 * <p>Contract (checked by {@code MatchingEngineContract} in {@code sharenum-tck}):
 * <ul>
 *   <li>answers are exactly those of a brute-force scan over the current candidates using
 *       {@link fr.sharenum.model.GeoPoint#distanceKm}, boundary included, in {@link Match#ORDER} /
 *       {@link Nearby#ORDER};</li>
 *   <li>an update is visible to every query that starts after the update call returned;</li>
 *   <li>thread-safe: queries and updates may come from many threads at once.</li>
 * </ul>
 *
 * <p>Engines are found by {@link java.util.ServiceLoader} through {@link MatchingEngineProvider}; a
 * host may also pass one explicitly to the ShareNum builder.
 */
public interface MatchingEngine {

    /** Adds the candidate, or replaces what the engine knew of that member. */
    void upsert(MatchCandidate candidate);

    /** Adds or replaces many candidates; engines may build faster in bulk than one by one. */
    default void upsertAll(Collection<MatchCandidate> candidates) {
        for (MatchCandidate c : candidates) {
            upsert(c);
        }
    }

    /** Forgets the member; does nothing if unknown. */
    void remove(MemberId member);

    /** Qualified members for a tool around a point. */
    List<Match> qualified(QualifiedQuery query);

    /**
     * The same hits as {@link #qualified(QualifiedQuery)}, in the same order, handed to {@code sink}
     * one by one instead of being collected as {@link Match} records: the form to use where cost per
     * hit matters (alerting everyone in a radius), with a reusable {@link MatchBuffer} or a sink of
     * one's own. Stops early, without looking further, when the sink returns {@code false}.
     *
     * <p>The default implementation streams {@link #qualified(QualifiedQuery)}; engines override it to
     * produce hits without allocating per hit ({@code sharenum-geo} does). The contract requires the
     * sink to receive exactly the elements of the list, in order ({@code MatchingEngineContract}).
     *
     * @param query the query
     * @param sink  receives the hits, in {@link Match#ORDER}
     * @return the number of hits handed to the sink (including the one it answered {@code false} to)
     */
    default int qualified(QualifiedQuery query, MatchSink sink) {
        Objects.requireNonNull(sink, "sink");
        int delivered = 0;
        for (Match m : qualified(query)) {
            delivered++;
            if (!sink.accept(m.member(), m.establishment(), m.level(), m.distanceKm())) {
                break;
            }
        }
        return delivered;
    }

    /** Members around a point following any of some tools or themes. */
    List<Nearby> followers(FollowersQuery query);

    /** Number of members known. */
    int size();
}

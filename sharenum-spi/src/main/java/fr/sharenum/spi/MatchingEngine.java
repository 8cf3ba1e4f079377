package fr.sharenum.spi;

import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;

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

    /**
     * Adds the candidate, or replaces what the engine knew of that member.
     *
     * @param candidate the candidate
     */
    void upsert(MatchCandidate candidate);

    /**
     * Adds or replaces many candidates; engines may build faster in bulk than one by one.
     *
     * @param candidates the candidates
     */
    default void upsertAll(Collection<MatchCandidate> candidates) {
        for (MatchCandidate c : candidates) {
            upsert(c);
        }
    }

    /**
     * Forgets the member; does nothing if unknown.
     *
     * @param member the member
     */
    void remove(MemberId member);

    /**
     * Makes the engine hold exactly {@code candidates}, forgetting every member not among them — what an instance
     * does at start and when it rebuilds from the store. The default upserts them all, which is right only for an
     * engine that is empty or holds nothing of its own; an engine that keeps members must override it (the TCK
     * checks that a member left out is forgotten).
     *
     * @param candidates every active member, one candidate each
     */
    default void replaceAll(Collection<MatchCandidate> candidates) {
        upsertAll(candidates);
    }

    /**
     * Moves every member of {@code establishment} to {@code location} (the directory corrected its position). The
     * default throws {@link UnsupportedOperationException}, and ShareNum then rebuilds the engine from the store
     * with {@link #replaceAll}; engines override it to do better.
     *
     * @param establishment the establishment
     * @param location      where it stands now
     * @throws UnsupportedOperationException when the engine cannot (the default)
     */
    default void relocate(Uai establishment, GeoPoint location) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot relocate an establishment's members");
    }

    /**
     * Qualified members for a tool around a point.
     *
     * @param query the query
     * @return the qualified
     */
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

    /**
     * Members around a point following any of some tools or themes.
     *
     * @param query the query
     * @return the followers
     */
    List<Nearby> followers(FollowersQuery query);

    /**
     * Number of members known.
     *
     * @return the size
     */
    int size();
}

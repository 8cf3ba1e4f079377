package fr.sharenum.spi;

import fr.sharenum.model.MemberId;

import java.util.Collection;
import java.util.List;

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
     * Qualified members for a tool around a point.
     *
     * @param query the query
     * @return the qualified
     */
    List<Match> qualified(QualifiedQuery query);

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

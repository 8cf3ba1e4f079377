package fr.sharenum.spi;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;

/**
 * Receives the hits of a {@link QualifiedQuery} one at a time, in {@link Match#ORDER}, without a
 * {@link Match} or a list being made for each: the streaming form of
 * {@link MatchingEngine#qualified(QualifiedQuery)}. A {@link MatchBuffer} is the ready-made sink that
 * keeps the hits in reusable arrays.
 *
 * <pre>{@code
 * Map<MemberId, Alert> best = new HashMap<>();
 * engine.qualified(query, (member, establishment, level, km) -> {
 *     best.merge(member, new Alert(member, tool, level, km), Alert::higherLevel);
 *     return true;                       // false stops the query: no further hit is delivered
 * });
 * }</pre>
 *
 * <p>A sink is called on the querying thread only, never concurrently for one query.
 */
@FunctionalInterface
public interface MatchSink {

    /**
     * One hit.
     *
     * @param member        the member
     * @param establishment where they work
     * @param level         their level on the queried tool
     * @param distanceKm    great-circle distance from the query centre, in km, exactly as
     *                      {@link Match#distanceKm()} would hold it
     * @return {@code true} to receive the next hit, {@code false} to stop the query here
     */
    boolean accept(MemberId member, Uai establishment, CompetenceLevel level, double distanceKm);
}

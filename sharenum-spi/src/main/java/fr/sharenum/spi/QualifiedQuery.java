package fr.sharenum.spi;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;

import java.util.Set;

/**
 * "Members qualified in {@code tool} at {@code minLevel} or above whose establishment lies within
 * {@code radiusKm} of {@code center}, except {@code excluded}, the first {@code limit} in
 * {@link Match#ORDER}."
 *
 * <p>A point exactly at {@code radiusKm} (by {@link GeoPoint#distanceKm}) is inside. A radius of
 * {@link Double#POSITIVE_INFINITY} means "whatever the distance": with a limit, the N nearest.
 *
 * <pre>{@code
 * QualifiedQuery within30 = QualifiedQuery.within(dijon, 30, ToolId.of("geogebra"), CompetenceLevel.INTERMEDIATE);
 * QualifiedQuery nearest5 = QualifiedQuery.nearest(dijon, ToolId.of("geogebra"), CompetenceLevel.EXPERIENCED, 5);
 * }</pre>
 *
 * @param center   centre of the search
 * @param radiusKm radius in km, {@code > 0}, possibly infinite
 * @param tool     the tool
 * @param minLevel lowest level accepted
 * @param excluded members never returned (e.g. the requester)
 * @param limit    at most this many hits, {@code >= 1} ({@link Integer#MAX_VALUE} for all)
 */
public record QualifiedQuery(GeoPoint center, double radiusKm, ToolId tool, CompetenceLevel minLevel,
                             Set<MemberId> excluded, int limit) {

    /**
     * Checks and normalises the components.
     *
     * @param center centre of the search
     * @param radiusKm radius in km, {@code > 0}, possibly infinite
     * @param tool the tool
     * @param minLevel lowest level accepted
     * @param excluded members never returned (e.g. the requester)
     * @param limit at most this many hits, {@code >= 1} ({@link Integer#MAX_VALUE} for all)
     */
    public QualifiedQuery {
        if (center == null || tool == null || minLevel == null) {
            throw new InvalidValueException("query", "center, tool and minLevel are required");
        }
        if (!(radiusKm > 0)) {
            throw new InvalidValueException("radiusKm", "must be positive, was " + radiusKm);
        }
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
        if (limit < 1) {
            throw new InvalidValueException("limit", "must be at least 1, was " + limit);
        }
        if (Double.isInfinite(radiusKm) && limit == Integer.MAX_VALUE) {
            throw new InvalidValueException("limit", "an unbounded radius needs a limit");
        }
    }

    /**
     * All qualified members within {@code radiusKm}.
     *
     * @param center the center
     * @param radiusKm the radius, in km
     * @param tool the tool
     * @param minLevel the min level
     * @return all qualified members within {@code radiusKm}
     */
    public static QualifiedQuery within(GeoPoint center, double radiusKm, ToolId tool, CompetenceLevel minLevel) {
        return new QualifiedQuery(center, radiusKm, tool, minLevel, Set.of(), Integer.MAX_VALUE);
    }

    /**
     * The {@code n} nearest qualified members, whatever the distance.
     *
     * @param center the center
     * @param tool the tool
     * @param minLevel the min level
     * @param n how many members, at least 1
     * @return the {@code n} nearest qualified members, whatever the distance
     */
    public static QualifiedQuery nearest(GeoPoint center, ToolId tool, CompetenceLevel minLevel, int n) {
        return new QualifiedQuery(center, Double.POSITIVE_INFINITY, tool, minLevel, Set.of(), n);
    }

    /**
     * The same query, leaving these members out (the requester, say).
     *
     * @param members members never returned
     * @return the narrower query
     */
    public QualifiedQuery excluding(Set<MemberId> members) {
        return new QualifiedQuery(center, radiusKm, tool, minLevel, members, limit);
    }

    /**
     * The same query, returning at most {@code n} members (the nearest).
     *
     * @param n most members returned, at least 1
     * @return the bounded query
     */
    public QualifiedQuery limit(int n) {
        return new QualifiedQuery(center, radiusKm, tool, minLevel, excluded, n);
    }
}

package fr.sharenum.spi;

import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;

import java.util.Set;

/**
 * "Members located within {@code radiusKm} of {@code center} who follow any of {@code tools} or
 * {@code themes}, except {@code excluded}" — the fan-out of an event broadcast. Results come in
 * {@link Nearby#ORDER}. A point exactly at the radius is inside.
 *
 * @param center   centre (the event's venue)
 * @param radiusKm finite radius in km, {@code > 0}
 * @param tools    tools of the event
 * @param themes   themes of the event
 * @param excluded members never returned (the organisers)
 */
public record FollowersQuery(GeoPoint center, double radiusKm, Set<ToolId> tools, Set<Theme> themes,
                             Set<MemberId> excluded) {
    /**
     * Checks and normalises the components.
     *
     * @param center centre (the event's venue)
     * @param radiusKm finite radius in km, {@code > 0}
     * @param tools tools of the event
     * @param themes themes of the event
     * @param excluded members never returned (the organisers)
     */
    public FollowersQuery {
        if (center == null) {
            throw new InvalidValueException("center", "is required");
        }
        if (!(radiusKm > 0) || Double.isInfinite(radiusKm)) {
            throw new InvalidValueException("radiusKm", "must be a positive finite number of km, was " + radiusKm);
        }
        tools = tools == null ? Set.of() : Set.copyOf(tools);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
    }
}

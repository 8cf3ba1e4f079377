package fr.sharenum;

import fr.sharenum.model.EventFormat;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a member looks for among events: a period, a place, topics, formats and statuses. Every filter left out
 * matches everything.
 *
 * <pre>{@code
 * EventSearch nearMe = EventSearch.between(now, now.plus(Duration.ofDays(60)))
 *         .aroundMe(30)                               // venues within 30 km, and online events for my territory
 *         .tools(ToolId.of("capytale")).formats(EventFormat.ON_SITE, EventFormat.ONLINE).build();
 * Page<Event> page = sharenum.events().search(lea.id(), nearMe, PageRequest.first(20));
 * }</pre>
 *
 * @param from     earliest start
 * @param to       latest start (exclusive), at most 400 days after {@code from}
 * @param near     centre of the place filter, or {@code null} (with {@code nearMe}: the actor's establishment)
 * @param radiusKm radius around it, 1 km to the host's largest radius
 * @param nearMe   whether the place is the actor's establishment, and online events announced to its territory count
 * @param tools    tools (any of)
 * @param themes   themes (any of)
 * @param formats  formats (any of)
 * @param statuses statuses (any of); members see confirmed and held events only (their own in "my events")
 */
public record EventSearch(Instant from, Instant to, GeoPoint near, double radiusKm, boolean nearMe, Set<ToolId> tools,
                          Set<Theme> themes, Set<EventFormat> formats, Set<EventStatus> statuses) {

    /**
     * Checks and normalises the components.
     *
     * @param from earliest start
     * @param to latest start (exclusive)
     * @param near centre of the place filter, or {@code null}
     * @param radiusKm radius around it
     * @param nearMe whether the place is the actor's establishment
     * @param tools tools (any of)
     * @param themes themes (any of)
     * @param formats formats (any of)
     * @param statuses statuses (any of)
     */
    public EventSearch {
        if (from == null || to == null) {
            throw new InvalidValueException(from == null ? "from" : "to", "is required");
        }
        tools = Set.copyOf(tools);
        themes = Set.copyOf(themes);
        formats = formats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(formats));
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (near != null && nearMe) {
            throw new InvalidValueException("near", "search around a point or around the actor's establishment, not both");
        }
    }

    /**
     * A search of the events starting in {@code [from, to)}.
     *
     * @param from earliest start
     * @param to latest start (exclusive)
     * @return a builder
     */
    public static Builder between(Instant from, Instant to) {
        return new Builder(from, to);
    }

    /** Builds an {@link EventSearch}; values are checked by {@link Events#search}. Not thread-safe. */
    public static final class Builder {
        private final Instant from;
        private final Instant to;
        private GeoPoint near;
        private double radiusKm = Double.NaN;
        private boolean nearMe;
        private final Set<ToolId> tools = new LinkedHashSet<>();
        private final Set<Theme> themes = new LinkedHashSet<>();
        private final Set<EventFormat> formats = EnumSet.noneOf(EventFormat.class);
        private final Set<EventStatus> statuses = EnumSet.noneOf(EventStatus.class);

        private Builder(Instant from, Instant to) {
            this.from = from;
            this.to = to;
        }

        /**
         * Venues within {@code km} of a point (a town, a coopérative).
         *
         * @param point the centre
         * @param km the radius
         * @return this builder
         */
        public Builder around(GeoPoint point, double km) {
            this.near = Objects.requireNonNull(point, "point");
            this.nearMe = false;
            this.radiusKm = km;
            return this;
        }

        /**
         * Venues within {@code km} of the actor's establishment, and the online events announced to its académie,
         * its département or the whole country.
         *
         * @param km the radius
         * @return this builder
         */
        public Builder aroundMe(double km) {
            this.near = null;
            this.nearMe = true;
            this.radiusKm = km;
            return this;
        }

        /**
         * Events about one of these tools (or of the themes given).
         *
         * @param t the tools
         * @return this builder
         */
        public Builder tools(ToolId... t) {
            for (ToolId x : t) {
                tools.add(Objects.requireNonNull(x, "tool"));
            }
            return this;
        }

        /**
         * Events about one of these themes (or of the tools given).
         *
         * @param t the themes
         * @return this builder
         */
        public Builder themes(Theme... t) {
            for (Theme x : t) {
                themes.add(Objects.requireNonNull(x, "theme"));
            }
            return this;
        }

        /**
         * Events having one of these formats.
         *
         * @param f the formats
         * @return this builder
         */
        public Builder formats(EventFormat... f) {
            for (EventFormat x : f) {
                formats.add(Objects.requireNonNull(x, "format"));
            }
            return this;
        }

        /**
         * Events in one of these statuses.
         *
         * @param s the statuses
         * @return this builder
         */
        public Builder statuses(EventStatus... s) {
            for (EventStatus x : s) {
                statuses.add(Objects.requireNonNull(x, "status"));
            }
            return this;
        }

        /**
         * The search.
         *
         * @return the {@link EventSearch}
         */
        public EventSearch build() {
            return new EventSearch(from, to, near, radiusKm, nearMe, tools, themes, formats, statuses);
        }
    }
}

package fr.sharenum.spi;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventFormat;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Participation;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * "Events starting in {@code [from, to)} that match every filter given, in (start, id) order, after the key
 * {@code (afterStart, afterId)}, at most {@code limit}": what {@link EventStore#search} answers, with indexes.
 *
 * <p>Filters, each ignored when empty or {@code null}:
 * <ul>
 *   <li><b>place</b>: with {@code near}, events whose venue lies at most {@code radiusKm} from it by
 *       {@link GeoPoint#distanceKm} (boundary included); with {@code academie}, online events announced to a
 *       territory that includes that académie (and {@code departement} when given) — an online event announced to
 *       the whole country reaches every académie. With both, either suffices; with neither, there is no place
 *       filter;</li>
 *   <li><b>topics</b>: events about one of {@code tools} or one of {@code themes};</li>
 *   <li><b>formats</b>: events having one of {@code formats} ({@link Event#formats()});</li>
 *   <li><b>statuses</b>: events in one of {@code statuses};</li>
 *   <li><b>participant</b>: events {@code participant} organises, holds a seat at or waits for — those of
 *       {@code participation}, or any of the three when it is empty.</li>
 * </ul>
 *
 * @param from          earliest start (inclusive)
 * @param to            latest start (exclusive), after {@code from}, at most 400 days later
 * @param near          centre of the place filter, or {@code null}
 * @param radiusKm      its radius, positive and at most 2,000 km when {@code near} is given
 * @param academie      the académie online events must reach, or {@code null}
 * @param departement   the département within it, or {@code null}
 * @param tools         tools (any of)
 * @param themes        themes (any of)
 * @param formats       formats (any of)
 * @param statuses      statuses (any of)
 * @param participant   the member whose events are wanted, or {@code null}
 * @param participation how they stand to them (any of; empty for any)
 * @param afterStart    start of the last event of the previous page, or {@code null} for the first page
 * @param afterId       id of that event ({@code null} exactly when {@code afterStart} is)
 * @param limit         at most this many, 1 to 1,000
 */
public record EventQuery(Instant from, Instant to, GeoPoint near, double radiusKm, Academie academie,
                         String departement, Set<ToolId> tools, Set<Theme> themes, Set<EventFormat> formats,
                         Set<EventStatus> statuses, MemberId participant, Set<Participation> participation,
                         Instant afterStart, EventId afterId, int limit) {
    /** Longest period one query covers. */
    public static final Duration MAX_PERIOD = Duration.ofDays(400);
    /** Largest radius. */
    public static final double MAX_RADIUS_KM = 2_000;
    /** Largest page. */
    public static final int MAX_LIMIT = 1_000;

    /**
     * Checks and normalises the components.
     *
     * @param from earliest start (inclusive)
     * @param to latest start (exclusive), after {@code from}, at most 400 days later
     * @param near centre of the place filter, or {@code null}
     * @param radiusKm its radius, positive and at most 2,000 km when {@code near} is given
     * @param academie the académie online events must reach, or {@code null}
     * @param departement the département within it, or {@code null}
     * @param tools tools (any of)
     * @param themes themes (any of)
     * @param formats formats (any of)
     * @param statuses statuses (any of)
     * @param participant the member whose events are wanted, or {@code null}
     * @param participation how they stand to them (any of; empty for any)
     * @param afterStart start of the last event of the previous page, or {@code null} for the first page
     * @param afterId id of that event
     * @param limit at most this many, 1 to 1,000
     */
    public EventQuery {
        if (from == null || to == null) {
            throw new InvalidValueException(from == null ? "from" : "to", "is required");
        }
        if (!to.isAfter(from)) {
            throw new InvalidValueException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidValueException("to", "a period is at most 400 days long");
        }
        if (near != null && (!(radiusKm > 0) || radiusKm > MAX_RADIUS_KM)) {
            throw new InvalidValueException("radiusKm", "must be between 0 and " + MAX_RADIUS_KM + " km, was " + radiusKm);
        }
        if (departement != null && academie == null) {
            throw new InvalidValueException("departement", "a département is given with its académie");
        }
        tools = tools == null ? Set.of() : Set.copyOf(tools);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        formats = formats == null || formats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(formats));
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        participation = participation == null || participation.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(participation));
        if ((afterStart == null) != (afterId == null)) {
            throw new InvalidValueException("afterId", "a page key has both a start and an id");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /**
     * Every event starting in {@code [from, to)}, the first {@code limit}.
     *
     * @param from earliest start
     * @param to   latest start (exclusive)
     * @param limit at most this many
     * @return the query, without filters
     */
    public static EventQuery starting(Instant from, Instant to, int limit) {
        return new EventQuery(from, to, null, 0, null, null, Set.of(), Set.of(), Set.of(), Set.of(), null, Set.of(), null,
                null, limit);
    }

    /**
     * This query restricted to venues within {@code km} of {@code center} (and online events reaching {@code academie}).
     *
     * @param center the centre
     * @param km the radius
     * @return the query
     */
    public EventQuery near(GeoPoint center, double km) {
        return new EventQuery(from, to, center, km, academie, departement, tools, themes, formats, statuses, participant,
                participation, afterStart, afterId, limit);
    }

    /**
     * This query with online events reaching {@code a} (and {@code d}) in the place filter.
     *
     * @param a the académie
     * @param d the département, or {@code null}
     * @return the query
     */
    public EventQuery reaching(Academie a, String d) {
        return new EventQuery(from, to, near, radiusKm, a, d, tools, themes, formats, statuses, participant, participation,
                afterStart, afterId, limit);
    }

    /**
     * This query restricted to events about one of {@code t} or {@code th}.
     *
     * @param t tools
     * @param th themes
     * @return the query
     */
    public EventQuery about(Set<ToolId> t, Set<Theme> th) {
        return new EventQuery(from, to, near, radiusKm, academie, departement, t, th, formats, statuses, participant,
                participation, afterStart, afterId, limit);
    }

    /**
     * This query restricted to formats and statuses.
     *
     * @param f formats (any of), empty for any
     * @param s statuses (any of), empty for any
     * @return the query
     */
    public EventQuery in(Set<EventFormat> f, Set<EventStatus> s) {
        return new EventQuery(from, to, near, radiusKm, academie, departement, tools, themes, f, s, participant,
                participation, afterStart, afterId, limit);
    }

    /**
     * This query restricted to the events of one member.
     *
     * @param member the member
     * @param as how they stand to them, empty for any
     * @return the query
     */
    public EventQuery of(MemberId member, Set<Participation> as) {
        return new EventQuery(from, to, near, radiusKm, academie, departement, tools, themes, formats, statuses, member, as,
                afterStart, afterId, limit);
    }

    /**
     * This query for the page after {@code last}.
     *
     * @param start the last event's start
     * @param id the last event's id
     * @return the query
     */
    public EventQuery after(Instant start, EventId id) {
        return new EventQuery(from, to, near, radiusKm, academie, departement, tools, themes, formats, statuses, participant,
                participation, start, id, limit);
    }

    /**
     * This query with another limit.
     *
     * @param n at most this many
     * @return the query
     */
    public EventQuery limit(int n) {
        return new EventQuery(from, to, near, radiusKm, academie, departement, tools, themes, formats, statuses, participant,
                participation, afterStart, afterId, n);
    }

    /**
     * Whether a place filter applies.
     *
     * @return whether {@code near} or {@code academie} is given
     */
    public boolean placed() {
        return near != null || academie != null;
    }

    /**
     * Whether {@code e} passes every filter of this query, the page key included: the reference every store's answer
     * must agree with (the TCK checks them against it).
     *
     * @param e an event
     * @return whether it belongs to the answer
     */
    public boolean matches(Event e) {
        if (e.start().isBefore(from) || !e.start().isBefore(to)) {
            return false;
        }
        if (afterStart != null) {
            int c = e.start().compareTo(afterStart);
            if (c < 0 || c == 0 && e.id().value().compareTo(afterId.value()) <= 0) {
                return false;
            }
        }
        if (placed()) {
            boolean close = near != null && e.venue() != null && e.venue().location().distanceKm(near) <= radiusKm;
            boolean reached = academie != null && e.online() != null && e.online().reaches(academie, departement);
            if (!close && !reached) {
                return false;
            }
        }
        if ((!tools.isEmpty() || !themes.isEmpty())
                && e.tools().stream().noneMatch(tools::contains) && e.themes().stream().noneMatch(themes::contains)) {
            return false;
        }
        if (!formats.isEmpty() && e.formats().stream().noneMatch(formats::contains)) {
            return false;
        }
        if (!statuses.isEmpty() && !statuses.contains(e.status())) {
            return false;
        }
        if (participant != null) {
            boolean any = participation.isEmpty();
            boolean organising = e.isOrganiser(participant);
            boolean registered = e.isRegistered(participant);
            boolean waiting = e.waitlistPosition(participant).isPresent();
            if (!((organising && (any || participation.contains(Participation.ORGANISING)))
                    || (registered && (any || participation.contains(Participation.REGISTERED)))
                    || (waiting && (any || participation.contains(Participation.WAITLISTED))))) {
                return false;
            }
        }
        return true;
    }

    /** The order of answers: start, then id. */
    public static final java.util.Comparator<Event> ORDER = java.util.Comparator.comparing(Event::start)
            .thenComparing(e -> e.id().value());
}

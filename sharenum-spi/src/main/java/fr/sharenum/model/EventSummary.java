package fr.sharenum.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * What a notification about an event shows: enough to render a message, without the list of
 * registrants.
 *
 * @param id     event
 * @param kind   workshop or meeting
 * @param title  title
 * @param tools  tools it is about
 * @param themes themes it is about
 * @param start  start
 * @param end    end
 * @param zone   time zone of the venue, to print local times
 * @param place  the venue's label
 * @param onBus  whether it takes place in a BusNum
 * @param status its state when the notification was made
 * @param visio  the virtual class's link, for those who may join online (organisers, members holding a seat), else
 *               {@code null}
 */
public record EventSummary(EventId id, EventKind kind, String title, Set<ToolId> tools, Set<Theme> themes,
                           Instant start, Instant end, ZoneId zone, String place, boolean onBus, EventStatus status,
                           java.net.URI visio) {
    /**
     * Checks and normalises the components.
     *
     * @param id event
     * @param kind workshop or meeting
     * @param title title
     * @param tools tools it is about
     * @param themes themes it is about
     * @param start start
     * @param end end
     * @param zone time zone of the venue, to print local times
     * @param place the venue's label
     * @param onBus whether it takes place in a BusNum
     * @param status its state when the notification was made
     * @param visio the virtual class's link, or {@code null}
     */
    public EventSummary {
        tools = Set.copyOf(tools);
        themes = Set.copyOf(themes);
    }

    /**
     * A summary without a visio link (the form before online events).
     *
     * @param id event
     * @param kind workshop or meeting
     * @param title title
     * @param tools tools it is about
     * @param themes themes it is about
     * @param start start
     * @param end end
     * @param zone time zone of the venue, to print local times
     * @param place the venue's label
     * @param onBus whether it takes place in a BusNum
     * @param status its state when the notification was made
     */
    public EventSummary(EventId id, EventKind kind, String title, Set<ToolId> tools, Set<Theme> themes, Instant start,
                        Instant end, ZoneId zone, String place, boolean onBus, EventStatus status) {
        this(id, kind, title, tools, themes, start, end, zone, place, onBus, status, null);
    }
}

package fr.sharenum.spi;

import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Events. Part of a {@link StoreTransaction}. */
public interface EventStore {

    /**
     * @param id an event id
     * @return the event, if stored
     */
    Optional<Event> get(EventId id);

    /**
     * @param event a new event, at version 1
     * @throws fr.sharenum.model.DuplicateException when the id is taken
     */
    void insert(Event event);

    /**
     * Replaces an event whose stored version is {@code expectedVersion}; {@code event.version()} is
     * {@code expectedVersion + 1}.
     *
     * @param event           the new version
     * @param expectedVersion the version read
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such event
     */
    void update(Event event, long expectedVersion);

    /**
     * Events in any state whose time {@code [start, start + duration)} overlaps {@code [from, to)}, earliest start
     * first (then by id). Events last at most {@link Event#MAX_DURATION}.
     *
     * @param from start of the period
     * @param to   end of the period
     * @return the events
     */
    List<Event> overlapping(Instant from, Instant to);

    /**
     * The events a query asks for ({@link EventQuery#matches}), in {@link EventQuery#ORDER}, at most its limit. A
     * store answers from indexes — the start, the venue's place ({@link GeoGrid}), the topics, the participants —
     * rather than by reading every event: the default reads the query's whole period through {@link #overlapping}
     * and filters, which is right but slow; {@code JdbcStore}, the in-memory store and the kernel's events
     * override it.
     *
     * @param query the query
     * @return the events
     */
    default List<Event> search(EventQuery query) {
        java.util.List<Event> out = new java.util.ArrayList<>();
        for (Event e : overlapping(query.from(), query.to().plus(Event.MAX_DURATION))) {
            if (query.matches(e)) {
                out.add(e);
            }
        }
        out.sort(EventQuery.ORDER);
        return out.size() > query.limit() ? List.copyOf(out.subList(0, query.limit())) : out;
    }
}

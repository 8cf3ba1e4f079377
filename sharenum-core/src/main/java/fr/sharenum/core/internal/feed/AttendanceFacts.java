package fr.sharenum.core.internal.feed;

import fr.sharenum.model.EventId;

import java.time.Instant;
import java.util.Objects;

/**
 * How many of an event's registrants came, as its organisers marked it. Counted in the event's place and month, next
 * to the event's own facts (a separate kind, {@code attendance}, so that how attendance is taken can change without
 * touching {@link EventFacts}). No participant.
 *
 * @param event      the event
 * @param place      its venue's place
 * @param start      when it started
 * @param minutes    how long it lasted
 * @param registered how many were registered
 * @param attended   how many of them came
 */
public record AttendanceFacts(EventId event, Place place, Instant start, long minutes, int registered, int attended) {

    public AttendanceFacts {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(start, "start");
        if (attended < 0 || attended > registered) {
            throw new IllegalArgumentException("attended " + attended + " of " + registered);
        }
    }
}

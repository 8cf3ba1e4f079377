package fr.sharenum.core.internal.feed;

import fr.sharenum.model.Bus;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.MemberId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the indicators know of an event: where and when, its status, how full it is, who organises it and the
 * BusNum day and kilometres it takes. No title, description or participant.
 *
 * @param id          the event
 * @param place       its venue's place
 * @param start       when it starts
 * @param status      its status
 * @param registered  how many are registered
 * @param capacity    how many it takes
 * @param organisers  its organisers
 * @param busDay      {@code bus@local date} when a BusNum comes, else {@code null}
 * @param busKm       the BusNum's round trip from its home, in km (0 without a bus)
 * @param attended    how many were marked as having come
 * @param attendanceTaken whether attendance was taken (someone was marked): then the others who held a seat are
 *                    no-shows
 */
public record EventFacts(EventId id, Place place, Instant start, EventStatus status, int registered, int capacity,
                         List<MemberId> organisers, String busDay, double busKm, int attended, boolean attendanceTaken) {

    public EventFacts {
        organisers = List.copyOf(organisers);
    }

    /**
     * @param e   an event as stored
     * @param bus its BusNum as stored, if it has one (a bus's home never changes)
     * @return the event's facts
     */
    public static EventFacts of(Event e, Optional<Bus> bus) {
        String busDay = e.bus() == null ? null : e.bus() + "@" + LocalDate.ofInstant(e.start(), e.venue().zone());
        double km = bus.map(b -> 2 * b.home().distanceKm(e.venue().location())).orElse(0.0);
        return new EventFacts(e.id(), Place.of(e), e.start(), e.status(), e.registered().size(),
                e.capacity(), e.organisers(), busDay, km, e.attended().size(), e.attendanceTaken());
    }
}

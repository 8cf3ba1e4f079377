package fr.sharenum.core.internal.rules;

import fr.sharenum.core.internal.BusRules;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusBookingException;
import fr.sharenum.model.BusBookingException.Reason;
import fr.sharenum.model.Event;
import fr.sharenum.model.TimeWindow;
import fr.sharenum.model.Venue;
import fr.sharenum.spi.ClosedDays;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a BusNum may be booked for an event, its rules in the order a caller meets their refusals: the venue
 * within the bus's operating radius ({@link Reason#OUT_OF_RANGE}), enough seats ({@link Reason#NOT_ENOUGH_SEATS}),
 * an open day at the venue ({@link Reason#CLOSED_DAY}), set-up to tear-down within the operating hours
 * ({@link Reason#OUTSIDE_HOURS}), and time to tear down, drive and set up between it and every other booking of the
 * bus ({@link Reason#CONFLICT}).
 */
public final class BusBookingRules {
    private final BusRules rules;
    private final ClosedDays closedDays;

    /**
     * @param rules      the host's bus logistics
     * @param closedDays the days establishments are closed
     */
    public BusBookingRules(BusRules rules, ClosedDays closedDays) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.closedDays = Objects.requireNonNull(closedDays, "closedDays");
    }

    /**
     * Longest reach of a booking's influence on others of the same bus: both set-up times, tear-down and the longest
     * drive within its range, plus an hour.
     *
     * @param bus the bus
     * @return how far around an event other bookings must be read to {@link #check} it
     */
    public Duration padding(Bus bus) {
        return rules.setUp().plus(rules.tearDown()).plus(rules.travel(2 * bus.operatingRadiusKm())).plusHours(1);
    }

    /**
     * Refuses with the first rule {@code event} breaks.
     *
     * @param bus    the bus
     * @param event  the event to book it for, at its venue
     * @param others the bus's bookings within {@link #padding} of the event (its own, if any, is ignored)
     * @throws BusBookingException naming the rule broken
     */
    public void check(Bus bus, Event event, List<BusBooking> others) {
        inRange(bus, event.venue());
        enoughSeats(bus, event);
        LocalDate day = LocalDate.ofInstant(event.start(), event.venue().zone());
        openDay(bus, event.venue(), day);
        withinOperatingHours(bus, event, day);
        noConflict(bus, event, others);
    }

    void inRange(Bus bus, Venue venue) {
        if (!bus.serves(venue.location())) {
            throw new BusBookingException(bus.id(), Reason.OUT_OF_RANGE, String.format(Locale.ROOT,
                    "%s is %.1f km from its home base, beyond its operating radius of %.0f km", venue.label(),
                    bus.home().distanceKm(venue.location()), bus.operatingRadiusKm()), null);
        }
    }

    void enoughSeats(Bus bus, Event event) {
        if (event.capacity() > bus.seats()) {
            throw new BusBookingException(bus.id(), Reason.NOT_ENOUGH_SEATS, "the event has " + event.capacity()
                    + " seats, the bus hosts " + bus.seats(), null);
        }
    }

    void openDay(Bus bus, Venue venue, LocalDate day) {
        Optional<String> closed = closedDays.closure(venue.academie(), venue.departement(), day);
        if (closed.isPresent()) {
            throw new BusBookingException(bus.id(), Reason.CLOSED_DAY, venue.label() + " is closed on " + day + " ("
                    + closed.get() + ")", null);
        }
    }

    void withinOperatingHours(Bus bus, Event event, LocalDate day) {
        ZoneId zone = event.venue().zone();
        Instant open = day.atTime(rules.dayStart()).atZone(zone).toInstant();
        Instant close = day.atTime(rules.dayEnd()).atZone(zone).toInstant();
        if (event.start().minus(rules.setUp()).isBefore(open) || event.end().plus(rules.tearDown()).isAfter(close)) {
            throw new BusBookingException(bus.id(), Reason.OUTSIDE_HOURS, "with " + rules.setUp().toMinutes()
                    + " min of set-up and " + rules.tearDown().toMinutes() + " min of tear-down the event must fit in "
                    + rules.dayStart() + "–" + rules.dayEnd() + " local time on " + day, null);
        }
    }

    void noConflict(Bus bus, Event event, List<BusBooking> others) {
        Venue venue = event.venue();
        for (BusBooking b : others) {
            if (b.event().equals(event.id())) {
                continue;
            }
            TimeWindow blocked = rules.blockedBy(b, venue.location());
            if (blocked.overlaps(event.window())) {
                throw new BusBookingException(bus.id(), Reason.CONFLICT, "it is booked for event " + b.event() + " at "
                        + b.venue().label() + " " + b.onSite() + "; with set-up, tear-down and "
                        + rules.travel(b.venue().location(), venue.location()).toMinutes() + " min of driving it cannot"
                        + " also be at " + venue.label() + " " + event.window(), b.event());
            }
        }
    }
}

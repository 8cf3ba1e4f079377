package fr.sharenum.core.internal;

import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.core.internal.rules.BusBookingRules;
import fr.sharenum.model.Actor;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import fr.sharenum.BusNum;
import fr.sharenum.BusOption;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.TimeWindow;
import fr.sharenum.model.Venue;
import fr.sharenum.spi.ClosedDays;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The BusNum fleet and its booking rules. */
final class BusNumImpl implements BusNum {

    private final Transactions transactions;
    private final BusRules rules;
    private final ClosedDays closedDays;
    private final BusBookingRules booking;

    /**
     * @param transactions the unit of work
     * @param rules        the host's bus logistics
     * @param closedDays   the days establishments are closed
     */
    BusNumImpl(Transactions transactions, BusRules rules, ClosedDays closedDays) {
        this.transactions = transactions;
        this.rules = rules;
        this.closedDays = closedDays;
        this.booking = new BusBookingRules(rules, closedDays);
    }

    @Override
    public Bus add(Actor actor, Bus bus) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(bus, "bus");
        Bus fresh = new Bus(bus.id(), bus.name(), bus.home(), bus.operatingRadiusKm(), bus.equipment(), bus.seats(), 1);
        transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            // staff add buses for their own académie's roads
            Access.require(Operation.BUSES_ADD, Access.relations(p, p.academie()));
            t.insertBus(fresh);
            return null;
        });
        return fresh;
    }

    @Override
    public Bus get(Actor actor, BusId id) {
        Objects.requireNonNull(id, "bus");
        return transactions.tx(t -> {
            requireReader(t, actor);
            return t.bus(id);
        }).orElseThrow(() -> new NotFoundException("bus", id));
    }

    @Override
    public List<Bus> all(Actor actor) {
        return transactions.tx(t -> {
            requireReader(t, actor);
            return t.buses();
        });
    }

    private static void requireReader(Tx t, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        Access.require(Operation.BUSES_READ, Access.relations(Access.principal(t, actor), null));
    }

    @Override
    public List<BusBooking> bookings(Actor actor, BusId bus, LocalDate from, int limit) {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(from, "from");
        if (limit < 1 || limit > 1_000) {
            throw new InvalidValueException("limit", "must be between 1 and 1000, was " + limit);
        }
        Instant start = from.atStartOfDay(ZoneId.of("UTC")).toInstant().minus(Duration.ofDays(1));
        return transactions.tx(t -> {
            requireReader(t, actor);
            t.bus(bus).orElseThrow(() -> new NotFoundException("bus", bus));
            return t.bookings(bus, start, Instant.MAX).stream()
                    .filter(b -> !b.onSite().end().isBefore(from.atStartOfDay(b.venue().zone()).toInstant()))
                    .limit(limit).toList();
        });
    }

    @Override
    public List<BusOption> suggest(Actor actor, Venue venue, LocalDate date, Duration duration) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(date, "date");
        if (duration == null || duration.compareTo(Event.MIN_DURATION) < 0 || duration.compareTo(Event.MAX_DURATION) > 0) {
            throw new InvalidValueException("duration", "must be between 15 minutes and 12 hours, was " + duration);
        }
        ZoneId zone = venue.zone();
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<BusOption> options = new ArrayList<>();
        transactions.tx(t -> {
            requireReader(t, actor);
            for (Bus bus : t.buses()) {
                if (!bus.serves(venue.location())) {
                    continue;
                }
                List<TimeWindow> free = new ArrayList<>();
                for (Range<Instant> r : freeTimes(t, bus, venue, from, to, null).asRanges()) {
                    TimeWindow w = new TimeWindow(r.lowerEndpoint(), r.upperEndpoint());
                    if (w.duration().compareTo(duration) >= 0) {
                        free.add(w);
                    }
                }
                if (!free.isEmpty()) {
                    options.add(new BusOption(bus, bus.home().distanceKm(venue.location()), free));
                }
            }
            return null;
        });
        options.sort(Comparator.comparingDouble(BusOption::distanceKm).thenComparing(o -> o.bus().id()));
        return options;
    }

    /**
     * When an event at {@code venue} may take place in {@code [from, to)} with {@code bus}: each open
     * day's operating hours (less set-up and tear-down), minus the times other bookings forbid.
     * {@code ignoring} is an event whose own booking does not count (a reschedule).
     */
    RangeSet<Instant> freeTimes(Tx t, Bus bus, Venue venue, Instant from, Instant to, EventId ignoring) {
        ZoneId zone = venue.zone();
        RangeSet<Instant> free = TreeRangeSet.create();
        for (LocalDate d = LocalDate.ofInstant(from, zone); !d.isAfter(LocalDate.ofInstant(to, zone)); d = d.plusDays(1)) {
            if (closedDays.closure(venue.academie(), venue.departement(), d).isPresent()) {
                continue;
            }
            Instant open = d.atTime(rules.dayStart()).atZone(zone).toInstant().plus(rules.setUp());
            Instant close = d.atTime(rules.dayEnd()).atZone(zone).toInstant().minus(rules.tearDown());
            if (close.isAfter(open)) {
                free.add(Range.closedOpen(open, close));
            }
        }
        Duration pad = booking.padding(bus);
        for (BusBooking b : t.bookings(bus.id(), from.minus(pad), to.plus(pad))) {
            if (!b.event().equals(ignoring)) {
                TimeWindow blocked = rules.blockedBy(b, venue.location());
                free.remove(Range.closedOpen(blocked.start(), blocked.end()));
            }
        }
        return free.subRangeSet(Range.closedOpen(from, to));
    }

    /**
     * Books {@code bus} for {@code event} inside the caller's transaction, or refuses with the first rule broken
     * ({@link BusBookingRules}). Bumps the bus's version so a concurrent booking of the same bus conflicts.
     */
    void book(Tx t, BusId busId, Event event) {
        Bus bus = t.bus(busId).orElseThrow(() -> new NotFoundException("bus", busId));
        Duration pad = booking.padding(bus);
        booking.check(bus, event, t.bookings(busId, event.start().minus(pad), event.end().plus(pad)));
        t.deleteBooking(busId, event.id());
        t.insertBooking(new BusBooking(busId, event.id(), event.venue(), event.window()));
        t.updateBus(bus.nextVersion(), bus.version());
    }

    /** Frees the bus booked for {@code event}, inside the caller's transaction. */
    void release(Tx t, BusId busId, Event event) {
        t.bus(busId).ifPresent(bus -> {
            t.deleteBooking(busId, event.id());
            t.updateBus(bus.nextVersion(), bus.version());
        });
    }
}

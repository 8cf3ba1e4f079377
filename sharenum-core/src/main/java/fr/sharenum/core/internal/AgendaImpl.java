package fr.sharenum.core.internal;

import fr.sharenum.spi.ClosedDays;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.model.Actor;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import fr.sharenum.Agenda;
import fr.sharenum.CommonSlot;
import fr.sharenum.SlotQuery;
import fr.sharenum.model.Availability;
import fr.sharenum.model.Bus;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.TimeRange;
import fr.sharenum.model.TimeWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Availability and common slots. */
final class AgendaImpl implements Agenda {

    private final Transactions transactions;
    private final ClosedDays closedDays;
    private final BusNumImpl buses;

    /**
     * @param transactions the unit of work
     * @param closedDays   the days establishments are closed
     * @param buses        the BusNum fleet, for slots on a bus
     */
    AgendaImpl(Transactions transactions, ClosedDays closedDays, BusNumImpl buses) {
        this.transactions = transactions;
        this.closedDays = closedDays;
        this.buses = buses;
    }

    @Override
    public void publish(Actor actor, MemberId member, Availability availability) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(availability, "availability");
        transactions.tx(t -> {
            Member m = t.member(member).orElseThrow(() -> new NotFoundException("member", member));
            Access.require(Operation.AGENDA_PUBLISH, MembersImpl.relations(t, Access.principal(t, actor), m));
            t.putAvailability(member, availability);
            return null;
        });
    }

    @Override
    public Availability availability(Actor actor, MemberId member) {
        Objects.requireNonNull(member, "member");
        return transactions.tx(t -> {
            Member m = t.member(member).orElseThrow(() -> new NotFoundException("member", member));
            Access.require(Operation.AGENDA_READ, MembersImpl.relations(t, Access.principal(t, actor), m));
            return t.availability(member).orElse(Availability.NONE);
        });
    }

    @Override
    public List<CommonSlot> findCommonSlots(Actor actor, SlotQuery q) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(q, "query");
        RangeSet<Instant> common = transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.Relations r = Access.relations(p, null);
            if (p.memberId() != null && q.members().contains(p.memberId())) {
                r.self(p.memberId());
            }
            Access.require(Operation.AGENDA_COMMON_SLOTS, r);
            if (p.memberId() != null) {
                for (MemberId other : q.members()) {
                    Access.requireNotBlocked(t, Operation.AGENDA_COMMON_SLOTS, p.memberId(), other);
                }
            }
            return commonFreeTime(t, q);
        });
        List<CommonSlot> slots = new ArrayList<>();
        long step = q.step().getSeconds();
        for (Range<Instant> free : common.asRanges()) {
            Instant lower = free.lowerEndpoint();
            long s = Math.floorDiv(lower.getEpochSecond() + step - 1 + (lower.getNano() > 0 ? 1 : 0), step) * step;
            Instant start = Instant.ofEpochSecond(s);
            Instant end = start.plus(q.duration());
            if (!end.isAfter(free.upperEndpoint())) {
                slots.add(new CommonSlot(new TimeWindow(start, end), new TimeWindow(lower, free.upperEndpoint())));
                if (slots.size() == q.maxResults()) {
                    break;
                }
            }
        }
        return slots;
    }

    private RangeSet<Instant> commonFreeTime(Tx t, SlotQuery q) {
        Range<Instant> window = Range.closedOpen(q.from(), q.to());
        Map<MemberId, RangeSet<Instant>> free = new LinkedHashMap<>();
        for (MemberId id : q.members()) {
            Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            Establishment e = t.establishment(m.establishment())
                    .orElseThrow(() -> new NotFoundException("establishment", m.establishment()));
            free.put(id, freeTime(t.availability(id).orElse(Availability.NONE), e, q.from(), q.to()));
        }
        for (Event ev : t.eventsOverlapping(q.from(), q.to())) {
            if (ev.status().isActive()) {
                free.forEach((id, set) -> {
                    if (ev.occupies(id)) {
                        set.remove(Range.closedOpen(ev.start(), ev.end()));
                    }
                });
            }
        }
        RangeSet<Instant> common = TreeRangeSet.create();
        common.add(window);
        for (RangeSet<Instant> f : free.values()) {
            common.removeAll(f.complement());
        }
        if (q.bus() != null) {
            Bus bus = t.bus(q.bus()).orElseThrow(() -> new NotFoundException("bus", q.bus()));
            if (!bus.serves(q.busVenue().location())) {
                return TreeRangeSet.create();
            }
            common.removeAll(buses.freeTimes(t, bus, q.busVenue(), q.from(), q.to(), null).complement());
        }
        return common;
    }

    /**
     * A member's published time in {@code [from, to)} on the global time line: each local date's
     * ranges at their establishment's zone, closed days left out.
     */
    private RangeSet<Instant> freeTime(Availability a, Establishment e, Instant from, Instant to) {
        ZoneId zone = e.academie().zone();
        RangeSet<Instant> free = TreeRangeSet.create();
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate d = LocalDate.ofInstant(from, zone); !d.isAfter(last); d = d.plusDays(1)) {
            List<TimeRange> ranges = a.on(d);
            if (ranges.isEmpty() || closedDays.closure(e.academie(), e.departement(), d).isPresent()) {
                continue;
            }
            for (TimeRange r : ranges) {
                Instant start = d.atTime(r.start()).atZone(zone).toInstant();
                Instant end = r.endsAtMidnight() ? d.plusDays(1).atStartOfDay(zone).toInstant()
                        : d.atTime(r.end()).atZone(zone).toInstant();
                if (end.isAfter(start)) {
                    free.add(Range.closedOpen(start, end));
                }
            }
        }
        return TreeRangeSet.create(free.subRangeSet(Range.closedOpen(from, to)));
    }

}

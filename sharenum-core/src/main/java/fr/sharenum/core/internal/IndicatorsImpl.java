package fr.sharenum.core.internal;

import fr.sharenum.IndicatorReport;
import fr.sharenum.Indicators;
import fr.sharenum.Territory;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Offer;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Indicators kept as aggregates per (territory, month), updated by retraction and insertion: when a
 * ticket, an event or a member changes, its old contribution is taken out and its new one put in. A
 * report merges the months of its period. One lock; updates and reports are short.
 */
final class IndicatorsImpl {

    /** What a period bucket of one territory holds. */
    private static final class Bucket {
        int opened;
        int shownTraining;
        int declined;
        int withOffer;
        int withHelper;
        int withEvent;
        final TreeMap<Long, Integer> toOffer = new TreeMap<>();
        final TreeMap<Long, Integer> toHelper = new TreeMap<>();
        final TreeMap<Long, Integer> toEvent = new TreeMap<>();
        final Map<ToolId, Integer> unmet = new HashMap<>();
        final Map<MemberId, Integer> alertsByHelper = new HashMap<>();
        int held;
        int participants;
        int registrations;
        int capacity;
        final Map<String, Integer> busDays = new HashMap<>();
        double busKm;
        final Map<MemberId, Integer> eventsByOrganiser = new HashMap<>();
        int feedbacks;
        long usefulness;
    }

    private record Key(Territory territory, YearMonth month) {
    }

    private final Map<Key, Bucket> buckets = new HashMap<>();
    private final Map<Territory, Map<ToolId, int[]>> members = new HashMap<>();
    private final Map<Uai, Establishment> establishments = new HashMap<>();
    /** Home bases of the buses, kept here so that no update ever reads the store. */
    private final Map<BusId, fr.sharenum.model.GeoPoint> busHomes = new HashMap<>();

    synchronized void bus(Bus bus) {
        busHomes.put(bus.id(), bus.home());
    }

    synchronized void establishment(Establishment e) {
        establishments.put(e.uai(), e);
    }

    private List<Territory> territories(Uai uai) {
        List<Territory> out = new ArrayList<>(List.of(Territory.country()));
        Establishment e = establishments.get(uai);
        if (e != null) {
            out.add(Territory.of(e.academie()));
            out.add(Territory.departement(e.departement()));
            if (e.communeCode() != null) {
                out.add(Territory.commune(e.communeCode()));
            }
        } else {
            out.add(Territory.departement(uai.departement()));
        }
        out.add(Territory.of(uai));
        return out;
    }

    private List<Territory> territories(Event e) {
        if (e.venue().establishment() != null) {
            return territories(e.venue().establishment());
        }
        return List.of(Territory.country(), Territory.of(e.venue().academie()), Territory.departement(e.venue().departement()));
    }

    private static YearMonth month(Instant t) {
        return YearMonth.from(t.atOffset(ZoneOffset.UTC));
    }

    private Bucket bucket(Territory t, YearMonth m) {
        return buckets.computeIfAbsent(new Key(t, m), k -> new Bucket());
    }

    private static <K> void add(Map<K, Integer> map, K key, int sign) {
        map.merge(key, sign, Integer::sum);
        if (map.get(key) == 0) {
            map.remove(key);
        }
    }

    private static void add(TreeMap<Long, Integer> multiset, Optional<Instant> to, Instant from, int sign) {
        to.ifPresent(t -> add(multiset, Duration.between(from, t).toMinutes(), sign));
    }

    // --- updates

    synchronized void ticket(TicketNum old, TicketNum now) {
        if (old != null) {
            ticket(old, -1);
        }
        if (now != null) {
            ticket(now, +1);
        }
    }

    private void ticket(TicketNum t, int sign) {
        Optional<Instant> firstOffer = t.offers().stream().map(Offer::at).min(Instant::compareTo);
        for (Territory territory : territories(t.establishment())) {
            Bucket b = bucket(territory, month(t.openedAt()));
            b.opened += sign;
            if (!t.shownTrainings().isEmpty()) {
                b.shownTraining += sign;
            }
            if (t.trainingsDeclined()) {
                b.declined += sign;
            }
            if (firstOffer.isPresent()) {
                b.withOffer += sign;
            }
            if (t.enteredAt(TicketStatus.HELPER_ACCEPTED).isPresent()) {
                b.withHelper += sign;
            }
            if (t.enteredAt(TicketStatus.SCHEDULED).isPresent()) {
                b.withEvent += sign;
            }
            add(b.toOffer, firstOffer, t.openedAt(), sign);
            add(b.toHelper, t.enteredAt(TicketStatus.HELPER_ACCEPTED), t.openedAt(), sign);
            add(b.toEvent, t.enteredAt(TicketStatus.SCHEDULED), t.openedAt(), sign);
            if (t.status() == TicketStatus.EXPIRED && t.offers().isEmpty()) {
                t.tools().forEach(tool -> add(b.unmet, tool, sign));
            }
            t.alerts().forEach(a -> add(b.alertsByHelper, a.helper(), sign));
        }
    }

    synchronized void event(Event old, Event now) {
        if (old != null) {
            event(old, -1);
        }
        if (now != null) {
            event(now, +1);
        }
    }

    private void event(Event e, int sign) {
        boolean cancelled = e.status() == EventStatus.CANCELLED;
        double km = 0;
        if (e.bus() != null && !cancelled) {
            fr.sharenum.model.GeoPoint home = busHomes.get(e.bus());
            km = home == null ? 0 : 2 * home.distanceKm(e.venue().location());
        }
        String busDay = e.bus() == null ? null : e.bus() + "@" + LocalDate.ofInstant(e.start(), e.venue().zone());
        for (Territory territory : territories(e)) {
            Bucket b = bucket(territory, month(e.start()));
            if (e.status() == EventStatus.HELD) {
                b.held += sign;
                b.participants += sign * e.registered().size();
                e.organisers().forEach(o -> add(b.eventsByOrganiser, o, sign));
            }
            if (!cancelled) {
                b.registrations += sign * e.registered().size();
                b.capacity += sign * e.capacity();
                if (busDay != null) {
                    add(b.busDays, busDay, sign);
                    b.busKm += sign * km;
                }
            }
        }
    }

    /** A participant's feedback on an event (counted in the event's territories and month). */
    synchronized void feedback(Event event, int usefulness) {
        for (Territory territory : territories(event)) {
            Bucket b = bucket(territory, month(event.start()));
            b.feedbacks++;
            b.usefulness += usefulness;
        }
    }

    synchronized void member(Member old, Member now) {
        if (old != null) {
            member(old, -1);
        }
        if (now != null) {
            member(now, +1);
        }
    }

    private void member(Member m, int sign) {
        if (!m.isActive()) {
            return;
        }
        for (Territory territory : territories(m.establishment())) {
            Map<ToolId, int[]> byTool = members.computeIfAbsent(territory, k -> new HashMap<>());
            m.skills().values().forEach(s -> byTool.computeIfAbsent(s.tool(), k -> new int[3])[s.level().ordinal()] += sign);
        }
    }

    // --- reports

    /** The indicators of {@code territory} for the months {@code from} to {@code to} (access checked by the facade). */
    synchronized IndicatorReport report(Territory territory, YearMonth from, YearMonth to) {
        Objects.requireNonNull(territory, "territory");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new fr.sharenum.model.InvalidValueException("to", "the last month " + to + " is before the first " + from);
        }
        if (from.plusYears(20).isBefore(to)) {
            throw new fr.sharenum.model.InvalidValueException("to", "a report spans at most 20 years");
        }
        Bucket sum = new Bucket();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Bucket b = buckets.get(new Key(territory, m));
            if (b == null) {
                continue;
            }
            sum.opened += b.opened;
            sum.shownTraining += b.shownTraining;
            sum.declined += b.declined;
            sum.withOffer += b.withOffer;
            sum.withHelper += b.withHelper;
            sum.withEvent += b.withEvent;
            b.toOffer.forEach((k, v) -> sum.toOffer.merge(k, v, Integer::sum));
            b.toHelper.forEach((k, v) -> sum.toHelper.merge(k, v, Integer::sum));
            b.toEvent.forEach((k, v) -> sum.toEvent.merge(k, v, Integer::sum));
            b.unmet.forEach((k, v) -> sum.unmet.merge(k, v, Integer::sum));
            b.alertsByHelper.forEach((k, v) -> sum.alertsByHelper.merge(k, v, Integer::sum));
            sum.held += b.held;
            sum.participants += b.participants;
            sum.registrations += b.registrations;
            sum.capacity += b.capacity;
            b.busDays.forEach((k, v) -> sum.busDays.merge(k, v, Integer::sum));
            sum.busKm += b.busKm;
            b.eventsByOrganiser.forEach((k, v) -> sum.eventsByOrganiser.merge(k, v, Integer::sum));
            sum.feedbacks += b.feedbacks;
            sum.usefulness += b.usefulness;
        }
        return new IndicatorReport(territory, from, to, members.getOrDefault(territory, Map.of()), sum.opened,
                share(sum.shownTraining, sum.opened), share(sum.declined, sum.opened), share(sum.withOffer, sum.opened),
                share(sum.withHelper, sum.opened), share(sum.withEvent, sum.opened), median(sum.toOffer),
                median(sum.toHelper), median(sum.toEvent), sum.held, sum.participants, sum.registrations, sum.capacity,
                sum.busDays.size(), sum.busKm, busiestTenth(sum.alertsByHelper), busiestTenth(sum.eventsByOrganiser),
                sum.unmet, sum.feedbacks, sum.feedbacks == 0 ? 0 : (double) sum.usefulness / sum.feedbacks);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** The lower median of a multiset of minutes, or null when empty. */
    private static Long median(TreeMap<Long, Integer> multiset) {
        int n = multiset.values().stream().mapToInt(Integer::intValue).sum();
        if (n == 0) {
            return null;
        }
        int rank = (n - 1) / 2;
        for (Map.Entry<Long, Integer> e : multiset.entrySet()) {
            rank -= e.getValue();
            if (rank < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Share of the total carried by the busiest 10 % (at least one) of those counted. */
    private static double busiestTenth(Map<MemberId, Integer> counts) {
        if (counts.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = new ArrayList<>(counts.values());
        sorted.sort(java.util.Comparator.reverseOrder());
        int top = Math.max(1, (int) Math.ceil(sorted.size() * 0.1));
        long total = sorted.stream().mapToLong(Integer::longValue).sum();
        long busiest = sorted.subList(0, top).stream().mapToLong(Integer::longValue).sum();
        return total == 0 ? 0 : (double) busiest / total;
    }
}

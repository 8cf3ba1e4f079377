package fr.sharenum.core.internal;

import fr.sharenum.IndicatorReport;
import fr.sharenum.Indicators;
import fr.sharenum.Territory;
import fr.sharenum.core.internal.feed.EventFacts;
import fr.sharenum.core.internal.feed.FeedbackFacts;
import fr.sharenum.core.internal.feed.MemberFacts;
import fr.sharenum.core.internal.feed.Place;
import fr.sharenum.core.internal.feed.TicketFacts;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Uai;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;

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
import java.util.function.Function;

/**
 * Indicators kept as aggregates per (month, place) — a place being an establishment, or the académie and
 * département of a venue outside any — and members per (establishment, tool, level), all updated by retraction and
 * insertion from the change feed: when a ticket, an event or a member changes, the facts before are taken out and
 * the facts after put in. A report sums the places of its territory over the months of its period, reading which
 * académie, département and commune each establishment lies in from the establishments the feed brought, so a
 * re-attached establishment moves its whole history and nothing drifts. Only integers are summed (kilometres as
 * metres), so any order of the same changes gives the same figures. One lock; updates are short.
 */
final class IndicatorsImpl {

    /** What a month of one place holds. */
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
        int attended;
        int noShows;
        int registrations;
        int capacity;
        final Map<String, Integer> busDays = new HashMap<>();
        long busMetres;
        final Map<MemberId, Integer> eventsByOrganiser = new HashMap<>();
        int feedbacks;
        long usefulness;
    }

    private final TreeMap<YearMonth, Map<Place, Bucket>> buckets = new TreeMap<>();
    private final Map<Uai, Map<ToolId, int[]>> members = new HashMap<>();
    private final Function<Uai, Establishment> establishments;

    /**
     * @param establishments where each establishment lies, as the feed brought them ({@code null} when unknown)
     */
    IndicatorsImpl(Function<Uai, Establishment> establishments) {
        this.establishments = establishments;
    }

    private static YearMonth month(Instant t) {
        return YearMonth.from(t.atOffset(ZoneOffset.UTC));
    }

    private Bucket bucket(Place place, Instant at) {
        return buckets.computeIfAbsent(month(at), k -> new HashMap<>()).computeIfAbsent(place, k -> new Bucket());
    }

    private static <K> void add(Map<K, Integer> map, K key, int sign) {
        map.merge(key, sign, Integer::sum);
        if (map.get(key) == 0) {
            map.remove(key);
        }
    }

    private static void add(TreeMap<Long, Integer> multiset, Instant to, Instant from, int sign) {
        if (to != null) {
            add(multiset, Duration.between(from, to).toMinutes(), sign);
        }
    }

    /** Whether {@code place} lies in {@code territory}, given where its establishment lies now. */
    private boolean contains(Territory territory, Place place) {
        Establishment e = place.uai() == null ? null : establishments.apply(place.uai());
        return switch (territory.level()) {
            case COUNTRY -> true;
            case ACADEMIE -> place.uai() != null ? e != null && e.academie().code().equals(territory.code())
                    : place.academie() != null && place.academie().code().equals(territory.code());
            case DEPARTEMENT -> territory.code().equals(place.uai() != null ? place.uai().departement() : place.departement());
            case COMMUNE -> e != null && territory.code().equals(e.communeCode());
            case ESTABLISHMENT -> place.uai() != null && place.uai().value().equals(territory.code());
        };
    }

    /** Forgets everything, before a reload. */
    synchronized void clear() {
        buckets.clear();
        members.clear();
    }

    // --- updates: each takes the facts before and after a change (null for none) out and in

    synchronized void ticket(TicketFacts old, TicketFacts now) {
        if (old != null) {
            ticket(old, -1);
        }
        if (now != null) {
            ticket(now, +1);
        }
    }

    private void ticket(TicketFacts t, int sign) {
        Bucket b = bucket(t.place(), t.openedAt());
        b.opened += sign;
        if (t.shownTraining()) {
            b.shownTraining += sign;
        }
        if (t.declined()) {
            b.declined += sign;
        }
        if (t.firstOfferAt() != null) {
            b.withOffer += sign;
        }
        if (t.helperAcceptedAt() != null) {
            b.withHelper += sign;
        }
        if (t.scheduledAt() != null) {
            b.withEvent += sign;
        }
        add(b.toOffer, t.firstOfferAt(), t.openedAt(), sign);
        add(b.toHelper, t.helperAcceptedAt(), t.openedAt(), sign);
        add(b.toEvent, t.scheduledAt(), t.openedAt(), sign);
        if (t.expiredUnmet()) {
            t.tools().forEach(tool -> add(b.unmet, tool, sign));
        }
        t.alerted().forEach(helper -> add(b.alertsByHelper, helper, sign));
    }

    synchronized void event(EventFacts old, EventFacts now) {
        if (old != null) {
            event(old, -1);
        }
        if (now != null) {
            event(now, +1);
        }
    }

    private void event(EventFacts e, int sign) {
        boolean cancelled = e.status() == EventStatus.CANCELLED;
        Bucket b = bucket(e.place(), e.start());
        if (e.status() == EventStatus.HELD) {
            b.held += sign;
            b.participants += sign * e.registered();
            if (e.attendanceTaken()) {
                b.attended += sign * e.attended();
                b.noShows += sign * (e.registered() - e.attended());
            } else {
                b.attended += sign * e.registered();   // attendance not taken: every seat counts as having come
            }
            e.organisers().forEach(o -> add(b.eventsByOrganiser, o, sign));
        }
        if (!cancelled) {
            b.registrations += sign * e.registered();
            b.capacity += sign * e.capacity();
            if (e.busDay() != null) {
                add(b.busDays, e.busDay(), sign);
                b.busMetres += sign * Math.round(e.busKm() * 1000);
            }
        }
    }

    /** A participant's rating (counted in the event's place and month). */
    synchronized void feedback(FeedbackFacts old, FeedbackFacts now) {
        if (old != null) {
            feedback(old, -1);
        }
        if (now != null) {
            feedback(now, +1);
        }
    }

    private void feedback(FeedbackFacts f, int sign) {
        Bucket b = bucket(f.place(), f.start());
        b.feedbacks += sign;
        b.usefulness += (long) sign * f.usefulness();
    }

    synchronized void member(MemberFacts old, MemberFacts now) {
        if (old != null) {
            member(old, -1);
        }
        if (now != null) {
            member(now, +1);
        }
    }

    private void member(MemberFacts m, int sign) {
        if (!m.active()) {
            return;
        }
        Map<ToolId, int[]> byTool = members.computeIfAbsent(m.establishment(), k -> new HashMap<>());
        m.levels().forEach((tool, level) -> {
            int[] counts = byTool.computeIfAbsent(tool, k -> new int[3]);
            counts[level.ordinal()] += sign;
            if (counts[0] == 0 && counts[1] == 0 && counts[2] == 0) {
                byTool.remove(tool);
            }
        });
        if (byTool.isEmpty()) {
            members.remove(m.establishment());
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
        for (Map<Place, Bucket> month : buckets.subMap(from, true, to, true).values()) {
            for (Map.Entry<Place, Bucket> entry : month.entrySet()) {
                if (!contains(territory, entry.getKey())) {
                    continue;
                }
                Bucket b = entry.getValue();
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
                sum.attended += b.attended;
                sum.noShows += b.noShows;
                sum.registrations += b.registrations;
                sum.capacity += b.capacity;
                b.busDays.forEach((k, v) -> sum.busDays.merge(k, v, Integer::sum));
                sum.busMetres += b.busMetres;
                b.eventsByOrganiser.forEach((k, v) -> sum.eventsByOrganiser.merge(k, v, Integer::sum));
                sum.feedbacks += b.feedbacks;
                sum.usefulness += b.usefulness;
            }
        }
        Map<ToolId, int[]> counted = new TreeMap<>();
        members.forEach((uai, byTool) -> {
            if (contains(territory, Place.of(uai))) {
                byTool.forEach((tool, c) -> {
                    int[] into = counted.computeIfAbsent(tool, k -> new int[3]);
                    for (int i = 0; i < 3; i++) {
                        into[i] += c[i];
                    }
                });
            }
        });
        return new IndicatorReport(territory, from, to, counted, sum.opened,
                share(sum.shownTraining, sum.opened), share(sum.declined, sum.opened), share(sum.withOffer, sum.opened),
                share(sum.withHelper, sum.opened), share(sum.withEvent, sum.opened), median(sum.toOffer),
                median(sum.toHelper), median(sum.toEvent), sum.held, sum.participants, sum.registrations, sum.capacity,
                sum.busDays.size(), sum.busMetres / 1000.0, busiestTenth(sum.alertsByHelper), busiestTenth(sum.eventsByOrganiser),
                sum.unmet, sum.feedbacks, sum.feedbacks == 0 ? 0 : (double) sum.usefulness / sum.feedbacks, sum.attended,
                sum.noShows);
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

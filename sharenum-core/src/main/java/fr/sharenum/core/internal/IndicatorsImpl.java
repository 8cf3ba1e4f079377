package fr.sharenum.core.internal;

import fr.sharenum.IndicatorReport;
import fr.sharenum.Indicators;
import fr.sharenum.Territory;
import fr.sharenum.Distribution;
import fr.sharenum.ImpactReport;
import fr.sharenum.TerritoryDefinition;
import fr.sharenum.core.internal.feed.AttendanceFacts;
import fr.sharenum.core.internal.feed.BadgeFacts;
import fr.sharenum.core.internal.feed.EventFacts;
import fr.sharenum.core.internal.feed.LevelChangeFacts;
import fr.sharenum.core.internal.feed.TrainingFacts;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.core.internal.feed.FeedbackFacts;
import fr.sharenum.core.internal.feed.MemberFacts;
import fr.sharenum.core.internal.feed.Place;
import fr.sharenum.core.internal.feed.TicketFacts;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Uai;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.ToolId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(IndicatorsImpl.class);

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
        // the UTC day by arithmetic: converting through an offset builds zone rules at every call (ten million
        // level changes at a national start)
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(t.getEpochSecond(), 86_400L));
        return YearMonth.of(day.getYear(), day.getMonth());
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
            case CUSTOM -> false; // through its definition: see scope
        };
    }

    /** Forgets everything, before a reload. */
    synchronized void clear() {
        buckets.clear();
        members.clear();
        impact.clear();
    }

    // --- loading in the background: while a loader counts a snapshot, updates wait in line and reports wait

    /** The loader counting a snapshot, or {@code null}. */
    private Loader loading;
    /** Updates that arrived while loading, in order. */
    private final List<Runnable> waiting = new ArrayList<>();
    /** Why the last load failed, or {@code null}. */
    private RuntimeException failure;

    /** While a load runs, keeps {@code update} for after it (in order) and says so. Holds the lock. */
    private boolean deferred(Runnable update) {
        if (loading == null) {
            return false;
        }
        waiting.add(update);
        return true;
    }

    /** Waits, lock released, until no load runs. Holds the lock. */
    private void awaitLoaded() {
        while (loading != null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the indicators are being rebuilt", e);
            }
        }
        if (failure != null) {
            throw new IllegalStateException("the indicators could not be rebuilt from the store; they will be at the next rebuild",
                    failure);
        }
    }

    // --- updates: each takes the facts before and after a change (null for none) out and in

    synchronized void ticket(TicketFacts old, TicketFacts now) {
        if (deferred(() -> ticket(old, now))) {
            return;
        }
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
        impactOfTicket(t, sign);
    }

    synchronized void event(EventFacts old, EventFacts now) {
        if (deferred(() -> event(old, now))) {
            return;
        }
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
        if (deferred(() -> feedback(old, now))) {
            return;
        }
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
        if (deferred(() -> member(old, now))) {
            return;
        }
        if (old != null) {
            member(old, -1);
        }
        if (now != null) {
            member(now, +1);
        }
    }

    private void member(MemberFacts m, int sign) {
        member(members, impact, m, sign);
    }

    /** A member's counts (and PIX certification) in or out of the given maps. */
    private static void member(Map<Uai, Map<ToolId, int[]>> members, TreeMap<YearMonth, Map<Place, ImpactBucket>> impact,
                               MemberFacts m, int sign) {
        pix(impact, m, sign);
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
        return report(territory, null, from, to);
    }

    /**
     * The indicators of {@code territory} — a custom one described by {@code definition} — for the months {@code from}
     * to {@code to} (access checked by the facade).
     */
    synchronized IndicatorReport report(Territory territory, TerritoryDefinition definition, YearMonth from, YearMonth to) {
        awaitLoaded();
        Predicate<Place> inside = scope(territory, definition);
        checkPeriod(from, to);
        Bucket sum = new Bucket();
        for (Map<Place, Bucket> month : buckets.subMap(from, true, to, true).values()) {
            for (Map.Entry<Place, Bucket> entry : month.entrySet()) {
                if (!inside.test(entry.getKey())) {
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
            if (inside.test(Place.of(uai))) {
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
        sorted.sort(Comparator.reverseOrder());
        int top = Math.max(1, (int) Math.ceil(sorted.size() * 0.1));
        long total = sorted.stream().mapToLong(Integer::longValue).sum();
        long busiest = sorted.subList(0, top).stream().mapToLong(Integer::longValue).sum();
        return total == 0 ? 0 : (double) busiest / total;
    }

    // --- second round (issue 17): attendance, progression, trainings first, RETEX, custom territories.
    // Kept apart from the buckets above, in buckets of their own per (month, place), fed by facts of their own kinds.

    /** What a month of one place holds for the impact report. */
    private static final class ImpactBucket {
        int eventsWithAttendance;
        int registeredAtMarked;
        int attended;
        long attendedMinutes;
        /** Per tool, changes from level {@code a} to level {@code z} (0 none, 1 + ordinal) at {@code 4 * a + z}. */
        final Map<ToolId, int[]> flows = new HashMap<>();
        final Map<ToolId, int[]> needs = new HashMap<>();
        int pix;
        long pixScore;
        final Map<String, Integer> badges = new HashMap<>();
        final Map<String, Integer> attendeesByTraining = new HashMap<>();
        int trainingAttendances;
        long trainingMinutes;
        final Map<MemberId, Integer> offersByHelper = new HashMap<>();
    }

    private static final int OPENED = 0;
    private static final int CHOSEN = 1;
    private static final int BY_TRAINING = 2;
    private static final int BY_PEER = 3;

    private final TreeMap<YearMonth, Map<Place, ImpactBucket>> impact = new TreeMap<>();

    private ImpactBucket impactBucket(Place place, Instant at) {
        return impactBucket(impact, place, at);
    }

    private static ImpactBucket impactBucket(TreeMap<YearMonth, Map<Place, ImpactBucket>> impact, Place place, Instant at) {
        return impact.computeIfAbsent(month(at), k -> new HashMap<>()).computeIfAbsent(place, k -> new ImpactBucket());
    }

    private static void need(ImpactBucket b, ToolId tool, int which, int sign) {
        int[] n = b.needs.computeIfAbsent(tool, k -> new int[4]);
        n[which] += sign;
        if (n[0] == 0 && n[1] == 0 && n[2] == 0 && n[3] == 0) {
            b.needs.remove(tool);
        }
    }

    private void impactOfTicket(TicketFacts t, int sign) {
        ImpactBucket b = impactBucket(t.place(), t.openedAt());
        for (ToolId tool : t.tools()) {
            need(b, tool, OPENED, sign);
            if (t.helperAcceptedAt() != null) {
                need(b, tool, BY_PEER, sign);
            }
        }
        t.offerers().forEach(helper -> add(b.offersByHelper, helper, sign));
    }

    private static void pix(TreeMap<YearMonth, Map<Place, ImpactBucket>> impact, MemberFacts m, int sign) {
        if (m.pixOn() == null) {
            return;
        }
        ImpactBucket b = impactBucket(impact, Place.of(m.establishment()), m.pixOn().atStartOfDay(ZoneOffset.UTC).toInstant());
        b.pix += sign;
        b.pixScore += (long) sign * (m.pixScore() == null ? 0 : m.pixScore());
    }

    /**
     * Clears these indicators and starts loading a snapshot into them: counts of members are made by shards of
     * establishments on every core (a member counts only where they work, and members without a kept history have
     * their levels arrive there the day they registered), kept histories — which may span two establishments — and
     * the snapshot's other facts are set aside, and {@link Loader#finish} hands everything over in one hold of the
     * lock. Until then, or {@link Loader#fail}, updates from the change feed wait in line (applied after the
     * snapshot, in order) and reports wait: the load may run in the background once the instance is ready to match.
     *
     * @return a loader; used by one thread at a time
     * @throws IllegalStateException when a load is already running
     */
    synchronized Loader loader() {
        Loader loader = newLoader();
        loader.begin();
        return loader;
    }

    /**
     * A loader that has not begun: pages may be given to it and facts kept, but these indicators keep answering as
     * they are until {@link Loader#begin}.
     *
     * @return the loader
     */
    Loader newLoader() {
        return new Loader(Math.max(1, Math.min(16, 2 * Runtime.getRuntime().availableProcessors())));
    }

    /** Members counted by shards of establishments, then handed to the indicators. */
    final class Loader {
        /** Replaced by a newer load before finishing (guarded by the indicators' lock). */
        private boolean superseded;
        private final Map<Uai, Map<ToolId, int[]>>[] members;
        private final TreeMap<YearMonth, Map<Place, ImpactBucket>>[] impact;
        private final List<LevelChangeFacts> kept = new ArrayList<>();
        /** The snapshot's other facts, applied after the members in this order. */
        private final List<Runnable> snapshot = new ArrayList<>();

        @SuppressWarnings("unchecked")
        private Loader(int shards) {
            members = new Map[shards];
            impact = new TreeMap[shards];
            for (int i = 0; i < shards; i++) {
                members[i] = new HashMap<>();
                impact[i] = new TreeMap<>();
            }
        }

        /**
         * Counts a page of members.
         *
         * @param facts      the members' facts
         * @param registered when each registered
         * @param changes    for each member, its level changes in order, or {@code null} when no history is kept for
         *                   them: then every level they count as arrives at their establishment on the day they
         *                   registered
         */
        void add(List<MemberFacts> facts, List<Instant> registered, List<List<LevelChangeFacts>> changes) {
            int shards = members.length;
            int[][] byShard = new int[shards][];
            int[] counts = new int[shards];
            for (int i = 0; i < facts.size(); i++) {
                int shard = Math.floorMod(facts.get(i).establishment().hashCode(), shards);
                if (byShard[shard] == null) {
                    byShard[shard] = new int[Math.max(16, 2 * facts.size() / shards)];
                } else if (counts[shard] == byShard[shard].length) {
                    byShard[shard] = Arrays.copyOf(byShard[shard], counts[shard] * 2);
                }
                byShard[shard][counts[shard]++] = i;
                if (changes.get(i) != null) {
                    kept.addAll(changes.get(i));
                }
            }
            IntStream.range(0, shards).parallel().forEach(shard -> {
                for (int k = 0; k < counts[shard]; k++) {
                    int i = byShard[shard][k];
                    MemberFacts m = facts.get(i);
                    member(members[shard], impact[shard], m, +1);
                    if (changes.get(i) == null && m.active() && !m.levels().isEmpty()) {
                        ImpactBucket b = impactBucket(impact[shard], Place.of(m.establishment()), registered.get(i));
                        m.levels().forEach((tool, level) -> flow(b, tool, null, level));
                    }
                }
            });
        }

        /**
         * Clears the indicators and starts deferring updates and holding reports until {@link #finish} or
         * {@link #fail}.
         *
         * @throws IllegalStateException when a load is already running
         */
        void begin() {
            synchronized (IndicatorsImpl.this) {
                if (loading != null && !loading.superseded) {
                    throw new IllegalStateException("a load of the indicators is already running");
                }
                clear();
                failure = null;
                waiting.clear();
                loading = this;
            }
        }

        /**
         * Keeps one of the snapshot's other facts (a ticket, an event, a rating, a training, an attendance, a badge)
         * for {@link #finish}, which applies it after the members, in the order kept.
         *
         * @param fact applies the fact (one of the indicators' update methods)
         */
        void then(Runnable fact) {
            snapshot.add(fact);
        }

        /**
         * Hands the counts over to the indicators, applies the kept histories and the snapshot's other facts, then the
         * updates that waited in line; reports may run again.
         *
         * @throws IllegalStateException when this loader is not the one running
         */
        void finish() {
            synchronized (IndicatorsImpl.this) {
                if (loading != this || superseded) {
                    throw new IllegalStateException("this load is not the one running");
                }
                loading = null;
                try {
                    for (int shard = 0; shard < members.length; shard++) {
                        IndicatorsImpl.this.members.putAll(members[shard]);
                        impact[shard].forEach((month, places) ->
                                IndicatorsImpl.this.impact.computeIfAbsent(month, k -> new HashMap<>()).putAll(places));
                    }
                    kept.forEach(IndicatorsImpl.this::level);
                    snapshot.forEach(Runnable::run);
                    for (Runnable update : waiting) {
                        try {
                            update.run();
                        } catch (RuntimeException e) {
                            // as the follower does: a change that cannot be applied is logged, the others go on
                            LOG.error("indicators: an update that waited for the load could not be applied", e);
                        }
                    }
                } catch (RuntimeException | Error e) {
                    failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    throw e;
                } finally {
                    waiting.clear();
                    IndicatorsImpl.this.notifyAll();
                }
            }
        }

        /**
         * A newer load replaces this one: while it runs, updates keep waiting and reports keep waiting, for it (its
         * {@link #begin} drops the updates that waited: its snapshot holds them).
         */
        void supersede() {
            synchronized (IndicatorsImpl.this) {
                superseded = true;
            }
        }

        /**
         * Gives the load up: reports fail with {@code why} as their cause until the next load.
         *
         * @param why what stopped it
         */
        void fail(Throwable why) {
            synchronized (IndicatorsImpl.this) {
                // a failing load also frees the slot of the one it superseded, or reports would wait for ever
                if (!superseded && (loading == this || (loading != null && loading.superseded))) {
                    loading = null;
                    failure = why instanceof RuntimeException r ? r : new IllegalStateException(why);
                    waiting.clear();
                    clear();
                    IndicatorsImpl.this.notifyAll();
                }
            }
        }
    }

    /** A dated level change (kept for ever: applied once, never retracted). */
    synchronized void level(LevelChangeFacts c) {
        if (deferred(() -> level(c))) {
            return;
        }
        if (c.inPlace()) {
            flow(impactBucket(Place.of(c.toPlace()), c.at()), c.tool(), c.from(), c.to());
            return;
        }
        if (c.from() != null) {
            flow(impactBucket(Place.of(c.fromPlace()), c.at()), c.tool(), c.from(), null);
        }
        if (c.to() != null) {
            flow(impactBucket(Place.of(c.toPlace()), c.at()), c.tool(), null, c.to());
        }
    }

    private static int index(CompetenceLevel level) {
        return level == null ? 0 : 1 + level.ordinal();
    }

    private static void flow(ImpactBucket b, ToolId tool, CompetenceLevel from, CompetenceLevel to) {
        b.flows.computeIfAbsent(tool, k -> new int[16])[4 * index(from) + index(to)]++;
    }

    /** A training chosen or attended: before and after. */
    synchronized void training(TrainingFacts old, TrainingFacts now) {
        if (deferred(() -> training(old, now))) {
            return;
        }
        if (old != null) {
            training(old, -1);
        }
        if (now != null) {
            training(now, +1);
        }
    }

    private void training(TrainingFacts f, int sign) {
        Place place = Place.of(f.place());
        if (f.chosenAt() != null) {
            ImpactBucket b = impactBucket(place, f.chosenAt());
            f.tools().forEach(tool -> need(b, tool, CHOSEN, sign));
        }
        if (f.attended()) {
            ImpactBucket b = impactBucket(place, f.start());
            f.tools().forEach(tool -> need(b, tool, BY_TRAINING, sign));
            add(b.attendeesByTraining, f.training(), sign);
            b.trainingAttendances += sign;
            b.trainingMinutes += sign * f.minutes();
        }
    }

    /** Attendance marked at an event: before and after. */
    synchronized void attendance(AttendanceFacts old, AttendanceFacts now) {
        if (deferred(() -> attendance(old, now))) {
            return;
        }
        if (old != null) {
            attendance(old, -1);
        }
        if (now != null) {
            attendance(now, +1);
        }
    }

    private void attendance(AttendanceFacts a, int sign) {
        ImpactBucket b = impactBucket(a.place(), a.start());
        b.eventsWithAttendance += sign;
        b.registeredAtMarked += sign * a.registered();
        b.attended += sign * a.attended();
        b.attendedMinutes += sign * a.attended() * a.minutes();
    }

    /** A badge awarded: before and after. */
    synchronized void badge(BadgeFacts old, BadgeFacts now) {
        if (deferred(() -> badge(old, now))) {
            return;
        }
        if (old != null) {
            add(impactBucket(old.place(), old.issuedOn()).badges, old.badge(), -1);
        }
        if (now != null) {
            add(impactBucket(now.place(), now.issuedOn()).badges, now.badge(), +1);
        }
    }

    private static void checkPeriod(YearMonth from, YearMonth to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidValueException("to", "the last month " + to + " is before the first " + from);
        }
        if (from.plusYears(20).isBefore(to)) {
            throw new InvalidValueException("to", "a report spans at most 20 years");
        }
    }

    /** Which places lie in {@code territory}; a custom one is the union of its definition's parts. */
    private Predicate<Place> scope(Territory territory, TerritoryDefinition definition) {
        Objects.requireNonNull(territory, "territory");
        if (territory.level() != Territory.Level.CUSTOM) {
            return place -> contains(territory, place);
        }
        if (definition == null || !definition.code().equals(territory.code())) {
            throw new NotFoundException("territory", territory.code());
        }
        Set<String> academies = new HashSet<>();
        Set<String> departements = new HashSet<>();
        Set<String> communes = new HashSet<>();
        Set<String> uais = new HashSet<>();
        for (Territory part : definition.parts()) {
            switch (part.level()) {
                case ACADEMIE -> academies.add(part.code());
                case DEPARTEMENT -> departements.add(part.code());
                case COMMUNE -> communes.add(part.code());
                case ESTABLISHMENT -> uais.add(part.code());
                default -> throw new IllegalStateException("a part of a custom territory is " + part.level());
            }
        }
        return place -> {
            if (place.uai() == null) {
                return academies.contains(place.academie().code()) || departements.contains(place.departement());
            }
            if (uais.contains(place.uai().value()) || departements.contains(place.uai().departement())) {
                return true;
            }
            Establishment e = establishments.apply(place.uai());
            return e != null && (academies.contains(e.academie().code())
                    || e.communeCode() != null && communes.contains(e.communeCode()));
        };
    }

    /**
     * The impact report of {@code territory} — a custom one described by {@code definition} — for the months
     * {@code from} to {@code to} (access checked by the facade).
     */
    synchronized ImpactReport impact(Territory territory, TerritoryDefinition definition, YearMonth from, YearMonth to) {
        awaitLoaded();
        Predicate<Place> inside = scope(territory, definition);
        checkPeriod(from, to);
        Map<Place, Boolean> memo = new HashMap<>();
        Predicate<Place> in = p -> memo.computeIfAbsent(p, inside::test);
        // levels at the start and the end: every change up to the month before, then those of the period
        Map<ToolId, int[]> atStart = new TreeMap<>();
        Map<ToolId, int[][]> flows = new TreeMap<>();
        for (Map.Entry<YearMonth, Map<Place, ImpactBucket>> month : impact.headMap(to, true).entrySet()) {
            boolean before = month.getKey().isBefore(from);
            for (Map.Entry<Place, ImpactBucket> e : month.getValue().entrySet()) {
                if (!in.test(e.getKey())) {
                    continue;
                }
                e.getValue().flows.forEach((tool, f) -> {
                    if (before) {
                        int[] c = atStart.computeIfAbsent(tool, k -> new int[3]);
                        for (int a = 0; a < 4; a++) {
                            for (int z = 0; z < 4; z++) {
                                if (z > 0) {
                                    c[z - 1] += f[4 * a + z];
                                }
                                if (a > 0) {
                                    c[a - 1] -= f[4 * a + z];
                                }
                            }
                        }
                    } else {
                        int[][] into = flows.computeIfAbsent(tool, k -> new int[4][4]);
                        for (int a = 0; a < 4; a++) {
                            for (int z = 0; z < 4; z++) {
                                into[a][z] += f[4 * a + z];
                            }
                        }
                    }
                });
            }
        }
        Map<ToolId, int[]> atEnd = new TreeMap<>();
        atStart.forEach((tool, c) -> atEnd.put(tool, c.clone()));
        List<ImpactReport.LevelFlow> flowList = new ArrayList<>();
        flows.forEach((tool, f) -> {
            int[] c = atEnd.computeIfAbsent(tool, k -> new int[3]);
            for (int a = 0; a < 4; a++) {
                for (int z = 0; z < 4; z++) {
                    if (f[a][z] == 0) {
                        continue;
                    }
                    if (z > 0) {
                        c[z - 1] += f[a][z];
                    }
                    if (a > 0) {
                        c[a - 1] -= f[a][z];
                    }
                    if (a != z) {
                        flowList.add(new ImpactReport.LevelFlow(tool, a == 0 ? null : CompetenceLevel.values()[a - 1],
                                z == 0 ? null : CompetenceLevel.values()[z - 1], f[a][z]));
                    }
                }
            }
        });
        atStart.values().removeIf(c -> c[0] == 0 && c[1] == 0 && c[2] == 0);
        atEnd.values().removeIf(c -> c[0] == 0 && c[1] == 0 && c[2] == 0);

        ImpactBucket sum = new ImpactBucket();
        Map<ToolId, int[]> needs = new TreeMap<>();
        for (Map<Place, ImpactBucket> month : impact.subMap(from, true, to, true).values()) {
            for (Map.Entry<Place, ImpactBucket> e : month.entrySet()) {
                if (!in.test(e.getKey())) {
                    continue;
                }
                ImpactBucket b = e.getValue();
                sum.eventsWithAttendance += b.eventsWithAttendance;
                sum.registeredAtMarked += b.registeredAtMarked;
                sum.attended += b.attended;
                sum.attendedMinutes += b.attendedMinutes;
                b.needs.forEach((tool, n) -> {
                    int[] into = needs.computeIfAbsent(tool, k -> new int[4]);
                    for (int i = 0; i < 4; i++) {
                        into[i] += n[i];
                    }
                });
                sum.pix += b.pix;
                sum.pixScore += b.pixScore;
                b.badges.forEach((k, v) -> sum.badges.merge(k, v, Integer::sum));
                b.attendeesByTraining.forEach((k, v) -> sum.attendeesByTraining.merge(k, v, Integer::sum));
                sum.trainingAttendances += b.trainingAttendances;
                sum.trainingMinutes += b.trainingMinutes;
                b.offersByHelper.forEach((k, v) -> sum.offersByHelper.merge(k, v, Integer::sum));
            }
        }
        // from the first round's buckets: delays, alerts, organisers of events held
        TreeMap<Long, Integer> toOffer = new TreeMap<>();
        TreeMap<Long, Integer> toHelper = new TreeMap<>();
        TreeMap<Long, Integer> toEvent = new TreeMap<>();
        Set<MemberId> helpers = new HashSet<>(sum.offersByHelper.keySet());
        long alerts = 0;
        for (Map<Place, Bucket> month : buckets.subMap(from, true, to, true).values()) {
            for (Map.Entry<Place, Bucket> e : month.entrySet()) {
                if (!in.test(e.getKey())) {
                    continue;
                }
                Bucket b = e.getValue();
                b.toOffer.forEach((k, v) -> toOffer.merge(k, v, Integer::sum));
                b.toHelper.forEach((k, v) -> toHelper.merge(k, v, Integer::sum));
                b.toEvent.forEach((k, v) -> toEvent.merge(k, v, Integer::sum));
                for (int n : b.alertsByHelper.values()) {
                    alerts += n;
                }
                helpers.addAll(b.eventsByOrganiser.keySet());
            }
        }
        Map<ToolId, ImpactReport.Needs> needsByTool = new TreeMap<>();
        needs.forEach((tool, n) -> needsByTool.put(tool, new ImpactReport.Needs(n[OPENED], n[CHOSEN], n[BY_TRAINING], n[BY_PEER])));
        int offers = sum.offersByHelper.values().stream().mapToInt(Integer::intValue).sum();
        return new ImpactReport(territory, from, to, sum.eventsWithAttendance, sum.registeredAtMarked, sum.attended,
                sum.registeredAtMarked - sum.attended, sum.attendedMinutes / 60.0, atStart, atEnd, flowList, needsByTool,
                sum.pix, sum.pix == 0 ? null : (double) sum.pixScore / sum.pix, sum.badges,
                sum.attendeesByTraining.size(), sum.trainingAttendances, sum.trainingMinutes / 60.0, helpers.size(), offers,
                (int) alerts, Distribution.of(toOffer), Distribution.of(toHelper), Distribution.of(toEvent));
    }
}

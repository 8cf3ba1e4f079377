package fr.sharenum.core.internal;

import fr.sharenum.core.internal.feed.AttendanceFacts;
import fr.sharenum.core.internal.feed.BadgeFacts;
import fr.sharenum.core.internal.feed.ChangeFollower;
import fr.sharenum.core.internal.feed.LevelChangeFacts;
import fr.sharenum.core.internal.feed.TrainingFacts;
import fr.sharenum.core.internal.store.ResearchStore;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;
import fr.sharenum.core.internal.feed.EventFacts;
import fr.sharenum.core.internal.feed.FeedbackFacts;
import fr.sharenum.core.internal.feed.MemberFacts;
import fr.sharenum.core.internal.feed.TicketFacts;
import fr.sharenum.core.internal.store.Codec;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.Change;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.MemberProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * What one instance derives from the store — where establishments stand, its matching engine and its indicator
 * aggregates — rebuilt from a snapshot and kept in step by the change feed, in commit order: an establishment's
 * change updates where it stands (and moves its members in the engine), a member's facts go to the engine (placed
 * where their establishment stands now) and to the indicators, tickets', events' and ratings' facts to the
 * indicators.
 */
final class Derived implements ChangeFollower.Target {
    private static final Logger LOG = LoggerFactory.getLogger(Derived.class);

    private final MatchingEngine engine;
    private final IndicatorsImpl indicators;
    private final Map<Uai, Establishment> establishments;
    private final Set<MemberId> listed;
    private volatile boolean rebuildNeeded;

    /**
     * @param engine         the instance's matching engine
     * @param indicators     the instance's indicator aggregates
     * @param establishments where establishments stand, shared with the indicators (thread-safe map)
     */
    Derived(MatchingEngine engine, IndicatorsImpl indicators, Map<Uai, Establishment> establishments) {
        this(engine, indicators, establishments, ConcurrentHashMap.newKeySet());
    }

    /**
     * @param engine         the instance's matching engine
     * @param indicators     the instance's indicator aggregates
     * @param establishments where establishments stand, shared with the indicators (thread-safe map)
     * @param listed         the members listed in the directory of ex-pairs (thread-safe set)
     */
    Derived(MatchingEngine engine, IndicatorsImpl indicators, Map<Uai, Establishment> establishments,
            Set<MemberId> listed) {
        this.engine = engine;
        this.indicators = indicators;
        this.establishments = establishments;
        this.listed = listed;
    }

    private GeoPoint location(Uai uai) {
        Establishment e = establishments.get(uai);
        return e == null ? null : e.location();
    }

    @Override
    public void reload(Tx t) {
        Counting previous = counting;
        if (previous != null) {
            // a load still counting an older snapshot is thrown away: this one reads everything it would have given
            previous.supersede();
        }
        rebuildNeeded = false;
        long t0 = System.nanoTime();
        establishments.clear();
        t.forEachEstablishment(e -> establishments.put(e.uai(), e));
        Map<BusId, Optional<Bus>> buses = new HashMap<>();
        t.buses().forEach(b -> buses.put(b.id(), Optional.of(b)));
        listed.clear();
        t.forEachListed(listed::add);
        List<MatchCandidate> candidates = new ArrayList<>();
        Map<MemberId, List<LevelChangeFacts>> history = new HashMap<>();
        ResearchStore.forEachLevelChange(t, c -> history.computeIfAbsent(c.facts().member(), k -> new ArrayList<>()).add(c.facts()));
        // members arrive one by one from the store (their JSON read on the common pool); they are turned into facts
        // and candidates by pages, on every core (a million at start); the engine is built as soon as the last page
        // is in — the instance is then ready to match — and only then does the indicators' loader count the pages,
        // on a thread of its own (by shards of establishments, on every core), then the snapshot's tickets, events and
        // the rest; meanwhile the feed's updates to the indicators wait in line and reports wait
        long t1 = System.nanoTime();
        IndicatorsImpl.Loader loader = indicators.newLoader();
        Counting counting;
        try {
            counting = new Counting(loader);
        } catch (RuntimeException | Error e) {
            rebuildNeeded = true;
            throw e;
        }
        this.counting = counting;
        long[] t2 = new long[1];
        try {
            List<MemberProjection> page = new ArrayList<>(PAGE);
            t.forEachMemberProjection(m -> {
                page.add(m);
                if (page.size() == PAGE) {
                    counting.submit(convert(page, candidates, history, loader));
                    page.clear();
                }
            });
            counting.submit(convert(page, candidates, history, loader));
            t2[0] = System.nanoTime();
            ResearchStore.forEachTraining(t, f -> loader.then(() -> indicators.training(null, f)));
            ResearchStore.forEachAttendance(t, a -> loader.then(() -> indicators.attendance(null, a.facts())));
            ResearchStore.forEachBadge(t, b -> loader.then(() -> indicators.badge(null, b)));
            t.forEachTicket(ticket -> {
                TicketFacts facts = TicketFacts.of(ticket);
                loader.then(() -> indicators.ticket(null, facts));
            });
            for (Event e : Engine.allEvents(t)) {
                EventFacts facts = EventFacts.of(e, e.bus() == null ? Optional.empty() : buses.getOrDefault(e.bus(), Optional.empty()));
                loader.then(() -> indicators.event(null, facts));
                t.feedbackOn(e.id()).forEach(f -> {
                    FeedbackFacts rating = FeedbackFacts.of(facts, f.usefulness());
                    loader.then(() -> indicators.feedback(null, rating));
                });
            }
            long t3 = System.nanoTime();
            engine.replaceAll(candidates);
            LOG.info("derived state read from the store: {} establishments and level histories in {} ms, {} members in {} ms,"
                    + " tickets and events in {} ms, engine built in {} ms; indicators counting in the background",
                    establishments.size(), (t1 - t0) / 1_000_000, candidates.size(), (t2[0] - t1) / 1_000_000,
                    (t3 - t2[0]) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
            // from here until the load finishes, the feed's updates to the indicators wait in line and reports wait
            loader.begin();
        } catch (RuntimeException | Error e) {
            counting.abandon(e);
            rebuildNeeded = true;
            throw e;
        }
        counting.start();
        counting.finish();
    }

    private static final ThreadFactory RELOAD_THREADS = r -> {
        Thread thread = new Thread(r, "sharenum-reload");
        thread.setDaemon(true);
        return thread;
    };

    /** The indicators' side of the last reload ({@code null} before the first). */
    private volatile Counting counting;

    /** Whether the instance was closed. */
    private volatile boolean closed;

    /** The instance closes: a load of the indicators still running in the background stops. */
    void close() {
        closed = true;
        Counting running = counting;
        if (running != null) {
            running.abandon(new IllegalStateException("the instance was closed"));
        }
    }

    /**
     * The indicators' side of a reload, on a thread of its own: pages of members counted in order, then the loader
     * finished. A failure (any throwable) gives the load up — reports then fail with it as their cause — and asks
     * the follower for a rebuild, which it makes at its next catch-up even when the feed is quiet.
     */
    private final class Counting {
        private final IndicatorsImpl.Loader loader;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(RELOAD_THREADS);
        private final CountDownLatch engineBuilt = new CountDownLatch(1);
        private volatile boolean failed;
        private volatile Future<?> done;

        /** Counting starts once the engine is built: until then the cores read and convert members. */
        Counting(IndicatorsImpl.Loader loader) {
            this.loader = loader;
            thread.execute(() -> {
                try {
                    engineBuilt.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed = true;
                }
            });
        }

        /** The instance is ready to match: counting may take the cores. */
        void start() {
            engineBuilt.countDown();
        }

        void submit(Runnable step) {
            thread.execute(() -> {
                if (failed) {
                    return;
                }
                try {
                    step.run();
                } catch (Throwable e) {
                    give(e);
                }
            });
        }

        private void give(Throwable e) {
            if (failed || closed) {
                return;
            }
            failed = true;
            LOG.error("the indicators could not be rebuilt from the store; rebuilding at the next catch-up", e);
            loader.fail(e);
            rebuildNeeded = true;
        }

        void finish() {
            done = thread.submit(() -> {
                if (!failed) {
                    try {
                        loader.finish();
                    } catch (Throwable e) {
                        give(e);
                    }
                }
            });
            thread.shutdown();
        }

        private void stop() {
            failed = true;
            engineBuilt.countDown();
            Future<?> last = done;
            if (last != null) {
                last.cancel(true);
            }
            thread.shutdownNow();
        }

        /** Gives the load up: reports fail with {@code why} until the next load. */
        void abandon(Throwable why) {
            stop();
            loader.fail(why);
        }

        /** A newer reload replaces this load: reports keep waiting, for the newer one. */
        void supersede() {
            stop();
            loader.supersede();
        }
    }

    private static final int PAGE = 20_000;

    /** A member's facts, the level changes that explain them and, when the engine holds them, their candidate. */
    private record Converted(MemberFacts facts, Instant registeredAt, List<LevelChangeFacts> levels, MatchCandidate candidate) {
    }

    /**
     * Turns a page of members into facts, level changes and candidates on every core; the candidates join the list at
     * once, and what is returned gives the facts to the indicators in one hold of their lock, in the store's order.
     */
    private Runnable convert(List<MemberProjection> page, List<MatchCandidate> candidates,
                             Map<MemberId, List<LevelChangeFacts>> history, IndicatorsImpl.Loader loader) {
        List<Converted> converted = page.parallelStream().map(m -> {
            MemberFacts facts = MemberFacts.of(m);
            return new Converted(facts, m.registeredAt(), levels(m, facts, history.getOrDefault(m.id(), List.of())),
                    candidate(m));
        }).toList();
        List<MemberFacts> facts = new ArrayList<>(converted.size());
        List<List<LevelChangeFacts>> levels = new ArrayList<>(converted.size());
        List<Instant> registered = new ArrayList<>(converted.size());
        for (Converted c : converted) {
            facts.add(c.facts());
            levels.add(c.levels());
            registered.add(c.registeredAt());
            if (c.candidate() != null) {
                candidates.add(c.candidate());
            }
        }
        return () -> loader.add(facts, registered, levels);
    }

    @Override
    public void apply(Change c) {
        switch (c.kind()) {
            case Tx.KIND_ESTABLISHMENT -> establishment(read(c.before(), Establishment.class), read(c.after(), Establishment.class));
            case Tx.KIND_MEMBER -> {
                MemberFacts before = read(c.before(), MemberFacts.class);
                MemberFacts after = read(c.after(), MemberFacts.class);
                Optional<MatchCandidate> candidate = after == null ? Optional.empty() : after.candidate(location(after.establishment()));
                if (candidate.isPresent()) {
                    engine.upsert(candidate.get());
                } else {
                    engine.remove((after != null ? after : before).id());
                }
                indicators.member(before, after);
            }
            case Tx.KIND_TICKET -> indicators.ticket(read(c.before(), TicketFacts.class), read(c.after(), TicketFacts.class));
            case Tx.KIND_EVENT -> indicators.event(read(c.before(), EventFacts.class), read(c.after(), EventFacts.class));
            case Tx.KIND_FEEDBACK -> indicators.feedback(read(c.before(), FeedbackFacts.class), read(c.after(), FeedbackFacts.class));
            case Tx.KIND_LEVEL -> indicators.level(read(c.after(), LevelChangeFacts.class));
            case Tx.KIND_TRAINING -> indicators.training(read(c.before(), TrainingFacts.class), read(c.after(), TrainingFacts.class));
            case Tx.KIND_ATTENDANCE -> indicators.attendance(read(c.before(), AttendanceFacts.class), read(c.after(), AttendanceFacts.class));
            case Tx.KIND_BADGE -> indicators.badge(read(c.before(), BadgeFacts.class), read(c.after(), BadgeFacts.class));
            case Tx.KIND_LISTING -> {
                if (c.after() != null) {
                    listed.add(MemberId.of(read(c.after(), String.class)));
                } else if (c.before() != null) {
                    listed.remove(MemberId.of(read(c.before(), String.class)));
                }
            }
            default -> {
                // kinds of later versions: nothing derived here
            }
        }
    }

    /** What the engine holds of a member — as {@link MemberFacts#candidate} gives it, its levels taken as read. */
    private MatchCandidate candidate(MemberProjection m) {
        GeoPoint location = location(m.establishment());
        if (!m.isActive() || location == null) {
            return null;
        }
        return new MatchCandidate(m.id(), m.establishment(), location, m.levels(), m.followedTools(), m.followedThemes());
    }

    /**
     * A member's level history for the indicators, made whole where it does not explain the member as stored: what
     * they counted as before their first kept change (members from before history was kept) arrives on the day they
     * registered, and a difference between the last change and the record (a write the history missed) is closed on
     * the day of the last change. Computed from the snapshot alone, so every instance adds the same changes.
     */
    private static List<LevelChangeFacts> levels(MemberProjection m, MemberFacts facts, List<LevelChangeFacts> kept) {
        if (kept.isEmpty()) {
            // no history kept: every level they count as arrives on the day they registered — left to the indicators
            // to count without a change object per tool (ten million of them at a national start)
            return null;
        }
        List<LevelChangeFacts> out = new ArrayList<>(kept.size() + facts.levels().size());
        Map<ToolId, CompetenceLevel> now = LevelChangeFacts.counted(facts);
        Map<ToolId, LevelChangeFacts> first = new HashMap<>();
        Map<ToolId, LevelChangeFacts> last = new HashMap<>();
        for (LevelChangeFacts c : kept) {
            first.putIfAbsent(c.tool(), c);
            last.put(c.tool(), c);
        }
        for (LevelChangeFacts c : first.values()) {
            if (c.from() != null) {
                out.add(new LevelChangeFacts(m.id(), c.tool(), null, null, c.fromPlace(), c.from(), m.registeredAt()));
            }
        }
        out.addAll(kept);
        Set<ToolId> tools = new HashSet<>(now.keySet());
        tools.addAll(last.keySet());
        for (ToolId tool : tools) {
            LevelChangeFacts end = last.get(tool);
            Uai endPlace = end == null ? null : end.toPlace();
            CompetenceLevel endLevel = end == null ? null : end.to();
            CompetenceLevel level = now.get(tool);
            Uai place = level == null ? null : m.establishment();
            if (!Objects.equals(endLevel, level) || !Objects.equals(endPlace, place)) {
                out.add(new LevelChangeFacts(m.id(), tool, endPlace, endLevel, place, level,
                        end == null ? m.registeredAt() : end.at()));
            }
        }
        return out;
    }

    private void establishment(Establishment before, Establishment after) {
        if (after == null) {
            if (before != null) {
                establishments.remove(before.uai());
            }
            return;
        }
        Establishment known = establishments.put(after.uai(), after);
        if (known != null && !known.location().equals(after.location())) {
            try {
                engine.relocate(after.uai(), after.location());
            } catch (UnsupportedOperationException e) {
                LOG.info("{} cannot move an establishment's members; rebuilding it", engine.getClass().getSimpleName());
                rebuildNeeded = true;
            }
        }
        // a new establishment has no members yet: members register only at known establishments
    }

    @Override
    public boolean rebuildNeeded() {
        return rebuildNeeded;
    }

    private static <T> T read(String json, Class<T> type) {
        return json == null ? null : Codec.read(json, type);
    }
}

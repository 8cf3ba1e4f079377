package fr.sharenum.benchmarks;

import fr.sharenum.ShareNum;
import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.model.Academie;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.EventStatusChange;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.OnlineAccess;
import fr.sharenum.model.Registration;
import fr.sharenum.model.StatusChange;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Venue;
import fr.sharenum.spi.EventQuery;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.TicketQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Issue 16, point 7: "events near me" and "requests near me" at national scale — 1,000,000 members (synthetic France:
 * 60,000 establishments placed like the real ones, members dealt by staff), 100,000 events and 100,000 tickets over a
 * school year — on the in-memory store and on PostgreSQL ({@code JdbcStore}, V10 search indexes, a throw-away
 * cluster), each invocation a fresh query of a member drawn at random (so dense areas weigh as real demand does).
 *
 * <ul>
 *   <li>{@code events}: what {@code events().search(me, aroundMe(30 km), next 60 days)} asks the store — venues within
 *       30 km of the member's establishment and online events announced to their académie, département or the
 *       country, CONFIRMED or HELD, one time in three about one of the member's tools, the first page of 20 (21 read).</li>
 *   <li>{@code requests}: what {@code tickets().board(me)} asks the store — requests accepting offers within the host's
 *       largest radius (200 km) about the tools the member masters, read in batches of 41 until 20 are within their
 *       own radius of the member (the board's rule) or none is left.</li>
 * </ul>
 *
 * Sample mode: the JSON has the percentiles (p50 is the figure the issue sets: 10 ms in memory, 50 ms on PostgreSQL).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class SearchBenchmark {

    @Param({"memory", "postgresql"})
    public String store;

    @Param({"1000000"})
    public int members;

    @Param({"100000"})
    public int events;

    @Param({"100000"})
    public int tickets;

    /** The moment queries are made: the middle of the school year. */
    static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");
    static final Instant YEAR = Instant.parse("2026-09-01T06:00:00Z");

    private SyntheticFrance d;
    private ShareNumStore s;
    private PostgisDatabase database;
    private final SplittableRandom random = new SplittableRandom(16);
    /** Members with at least one tool at INTERMEDIATE or above: the helpers who read a board. */
    private int[] helpers;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        d = Datasets.get("france", members);
        if (store.equals("memory")) {
            s = ShareNum.inMemoryStore();
        } else {
            database = PostgisDatabase.start();
            s = JdbcStore.builder(database.pool).schema("search").build();
        }
        long t0 = System.nanoTime();
        load();
        if (database != null) {
            try (Connection c = database.pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE search.sn_establishment, search.sn_alert_preferences, search.sn_event, search.sn_event_topic, search.sn_event_member, search.sn_ticket,"
                        + " search.sn_ticket_topic, search.sn_ticket_helper");
            }
        }
        System.out.printf("%nloaded %,d establishments, %,d events and %,d tickets into %s in %d s%n", d.establishmentCount,
                events, tickets, store,
                (System.nanoTime() - t0) / 1_000_000_000L);
        List<Integer> h = new ArrayList<>();
        for (int m = 0; m < d.memberCount; m++) {
            if (!mastered(m).isEmpty()) {
                h.add(m);
            }
        }
        helpers = h.stream().mapToInt(Integer::intValue).toArray();
        check();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private Academie academie(int est) {
        return Academie.of(d.estUai[est]).orElse(Academie.PARIS);
    }

    private Set<ToolId> mastered(int member) {
        Set<ToolId> out = new HashSet<>();
        for (int k = d.skillStart[member]; k < d.skillStart[member + 1]; k++) {
            if (d.skillLevel[k] >= 1) {
                out.add(d.tools[d.skillTool[k]]);
            }
        }
        return out;
    }

    private ToolId anyTool(int member) {
        int k = d.skillStart[member] + random.nextInt(d.skillStart[member + 1] - d.skillStart[member]);
        return d.tools[d.skillTool[k]];
    }

    /**
     * The establishments, one member in twenty with alert preferences (a block of a random member: the board reads
     * them both ways), a year of events and tickets, written through the store SPI in transactions of 1,000.
     */
    private void load() {
        SplittableRandom r = new SplittableRandom(2026);
        for (int from = 0; from < d.establishmentCount; from += 1_000) {
            int base = from;
            s.inTransaction(t -> {
                for (int e = base; e < Math.min(d.establishmentCount, base + 1_000); e++) {
                    t.establishments().orElseThrow().put(new Establishment(d.estUai[e], "Établissement " + e,
                            EstablishmentType.COLLEGE, academie(e), d.location(e)));
                }
                return null;
            });
        }
        for (int from = 0; from < d.memberCount; from += 20_000) {
            int base = from;
            s.inTransaction(t -> {
                for (int m = base; m < Math.min(d.memberCount, base + 20_000); m += 20) {
                    t.alerts().orElseThrow().putPreferences(d.memberIds[m],
                            AlertPreferences.NONE.blocking(d.memberIds[r.nextInt(d.memberCount)], true));
                }
                return null;
            });
        }
        long yearMinutes = Duration.between(YEAR, YEAR.plus(Duration.ofDays(365))).toMinutes();
        for (int from = 0; from < events; from += 1_000) {
            int base = from;
            s.inTransaction(t -> {
                for (int i = base; i < Math.min(events, base + 1_000); i++) {
                    t.events().orElseThrow().insert(event(i, r, yearMinutes));
                }
                return null;
            });
        }
        for (int from = 0; from < tickets; from += 1_000) {
            int base = from;
            s.inTransaction(t -> {
                for (int i = base; i < Math.min(tickets, base + 1_000); i++) {
                    t.tickets().orElseThrow().insert(ticket(i, r, yearMinutes));
                }
                return null;
            });
        }
    }

    private Event event(int i, SplittableRandom r, long yearMinutes) {
        int organiser = r.nextInt(d.memberCount);
        int est = d.memberEst[organiser];
        Instant start = YEAR.plus(Duration.ofMinutes(r.nextLong(yearMinutes))).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        boolean online = r.nextInt(10) == 0;
        boolean hybrid = online && r.nextInt(3) == 0;
        Venue venue = online && !hybrid ? null : Venue.address("Lieu " + i, d.location(est), academie(est), d.estDept[est]);
        OnlineAccess access = null;
        if (online) {
            access = OnlineAccess.of(URI.create("https://visio.education.fr/salle-" + i));
            if (r.nextInt(5) < 3) {
                access = access.forAcademie(academie(est));
            }
        }
        Set<ToolId> tools = Set.of(d.tools[d.skillTool[d.skillStart[organiser]]]);
        Set<Theme> themes = r.nextInt(3) == 0 ? Set.of(d.themes[r.nextInt(d.themes.length)]) : Set.of();
        Event e = new Event(EventId.of(String.format("e%07d", i)), r.nextInt(4) == 0 ? EventKind.MEETING : EventKind.WORKSHOP,
                "Atelier " + i, "", tools, themes, start, Duration.ofHours(2), 12, List.of(d.memberIds[organiser]), venue,
                venue != null && r.nextInt(10) == 0 ? BusId.of("bus-" + r.nextInt(40)) : null, null, 30, EventStatus.PLANNED,
                List.of(), List.of(), 0, List.of(new EventStatusChange(EventStatus.PLANNED, start.minus(Duration.ofDays(20)))), 1,
                List.of(), access, List.of(), null, null);
        boolean past = start.isBefore(NOW);
        int roll = r.nextInt(20);
        if (roll == 0) {
            return e.moveTo(EventStatus.CANCELLED, start.minus(Duration.ofDays(2)));
        }
        if (!past && roll == 1) {
            return e;
        }
        e = e.moveTo(EventStatus.CONFIRMED, start.minus(Duration.ofDays(15)));
        int seats = r.nextInt(9);
        for (int k = 0; k < seats; k++) {
            MemberId m = d.memberIds[r.nextInt(d.memberCount)];
            if (!e.occupies(m)) {
                e = e.withRegistration(new Registration(m, start.minus(Duration.ofDays(10))));
            }
        }
        return past ? e.moveTo(EventStatus.HELD, start.plus(Duration.ofHours(2))) : e;
    }

    private TicketNum ticket(int i, SplittableRandom r, long yearMinutes) {
        int requester = r.nextInt(d.memberCount);
        int est = d.memberEst[requester];
        Instant opened = YEAR.plus(Duration.ofMinutes(r.nextLong(yearMinutes)));
        Instant expires = opened.plus(Duration.ofDays(14));
        TicketStatus status;
        List<StatusChange> history = new ArrayList<>(List.of(new StatusChange(TicketStatus.OPEN, opened)));
        if (opened.isAfter(NOW)) {
            status = TicketStatus.EXPIRED;        // the rest of the year: closed by the time of the queries' own year
        } else if (expires.isAfter(NOW)) {
            status = r.nextInt(3) == 0 ? TicketStatus.HELPER_ACCEPTED : TicketStatus.OPEN;
        } else {
            status = r.nextBoolean() ? TicketStatus.EXPIRED : TicketStatus.DONE;
        }
        if (status != TicketStatus.OPEN) {
            history.add(new StatusChange(status, opened.plus(Duration.ofDays(1))));
        }
        ToolId tool = d.tools[d.skillTool[d.skillStart[requester] + r.nextInt(d.skillStart[requester + 1] - d.skillStart[requester])]];
        return new TicketNum(TicketId.of(String.format("t%07d", i)), d.memberIds[requester], d.estUai[est], d.location(est),
                Set.of(tool), TicketKind.ACCOMPANIMENT, "Aide sur " + tool.value(), 10 + r.nextInt(41), opened, expires, status,
                List.of(), false, List.of(), List.of(), null, history, 1, Set.of(), null);
    }

    // --- the queries

    /** "Events near me" for a member drawn at random. */
    EventQuery eventsQuery() {
        int m = random.nextInt(d.memberCount);
        int est = d.memberEst[m];
        EventQuery q = EventQuery.starting(NOW, NOW.plus(Duration.ofDays(60)), 21).near(d.location(est), 30)
                .reaching(academie(est), d.estDept[est]).in(Set.of(), EnumSet.of(EventStatus.CONFIRMED, EventStatus.HELD));
        return random.nextInt(3) == 0 ? q.about(Set.of(anyTool(m)), Set.of()) : q;
    }

    @Benchmark
    public int eventsNearMe() {
        EventQuery q = eventsQuery();
        return s.inTransaction(t -> t.events().orElseThrow().search(q)).size();
    }

    /**
     * "Requests near me": the board of a helper drawn at random, read as {@code tickets().board} reads it — the
     * helper's own preferences, then for each request within its radius the requester's preferences (blocks both
     * ways) and the request's establishment (its académie decides whether the text is shown).
     */
    @Benchmark
    public int requestsNearMe() {
        int m = helpers[random.nextInt(helpers.length)];
        MemberId me = d.memberIds[m];
        GeoPoint here = d.location(d.memberEst[m]);
        Set<ToolId> tools = mastered(m);
        return s.inTransaction(t -> board(t, me, here, tools).size());
    }

    static List<TicketNum> board(fr.sharenum.spi.StoreTransaction t, MemberId me, GeoPoint here, Set<ToolId> tools) {
        List<TicketNum> shown = new ArrayList<>();
        fr.sharenum.spi.AlertStore alerts = t.alerts().orElseThrow();
        fr.sharenum.model.AlertPreferences mine = alerts.preferences(me).orElse(fr.sharenum.model.AlertPreferences.NONE);
        TicketQuery q = TicketQuery.awaitingNear(here, 200, tools, 41);
        while (true) {
            List<TicketNum> batch = t.tickets().orElseThrow().search(q);
            for (TicketNum x : batch) {
                if (shown.size() < 21 && !x.requester().equals(me) && here.distanceKm(x.origin()) <= x.radiusKm()
                        && !mine.blocks(x.requester())
                        && !alerts.preferences(x.requester()).map(p -> p.blocks(me)).orElse(false)
                        && t.establishments().orElseThrow().get(x.establishment()).isPresent()) {
                    shown.add(x);
                }
            }
            if (shown.size() >= 21 || batch.size() < q.limit()) {
                return shown;
            }
            TicketNum last = batch.get(batch.size() - 1);
            q = q.after(last.openedAt(), last.id());
        }
    }

    /** Every answer of 50 queries equals a scan of everything stored (the TCK checks more; this checks this data). */
    private void check() {
        List<Event> all = new ArrayList<>();
        s.inTransaction(t -> {
            all.addAll(t.events().orElseThrow().overlapping(YEAR.minus(Duration.ofDays(1)), YEAR.plus(Duration.ofDays(400))));
            return null;
        });
        int hits = 0;
        for (int i = 0; i < 50; i++) {
            EventQuery q = eventsQuery();
            List<EventId> expected = all.stream().filter(q::matches).sorted(EventQuery.ORDER).limit(q.limit()).map(Event::id).toList();
            List<EventId> got = s.inTransaction(t -> t.events().orElseThrow().search(q)).stream().map(Event::id).toList();
            if (!expected.equals(got)) {
                throw new IllegalStateException("the store's answer to " + q + " differs from the reference");
            }
            hits += got.size();
        }
        System.out.printf("checked 50 'events near me' answers against a scan (%.1f events per page)%n", hits / 50.0);
        int shown = 0;
        for (int i = 0; i < 50; i++) {
            shown += requestsNearMe();
        }
        System.out.printf("50 boards of helpers drawn at random: %.1f requests per board%n", shown / 50.0);
    }
}

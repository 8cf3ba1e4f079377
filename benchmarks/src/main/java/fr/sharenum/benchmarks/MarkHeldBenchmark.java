package fr.sharenum.benchmarks;

import fr.sharenum.BadgeRule;
import fr.sharenum.EventRequest;
import fr.sharenum.MatchingEngines;
import fr.sharenum.ShareNum;
import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.model.Academie;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.EventStatusChange;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Registration;
import fr.sharenum.model.Role;
import fr.sharenum.model.ShareNumException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.model.Venue;
import fr.sharenum.spi.ShareNumStore;
import org.h2.jdbcx.JdbcConnectionPool;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Marking one event held ({@code events().markHeld}, badge rules for organisers and participants on) in a store that
 * already holds {@code heldEvents} events held over the past year: 500 organisers and 5,000 participants, each event
 * with an organiser and 2 to 6 registrants drawn at random, workshops and meetings. The events of the past are written
 * through the store SPI; the first event held through the library in the set-up (outside the time) computes whatever
 * the library keeps of them. Each invocation's event is created, confirmed and given 3 registrants in its set-up; what
 * is timed is {@code markHeld} alone: its ticket, attendance facts, badges, feedback requests, the write (events take place
 * at a training centre 1 km from nobody and are announced within 1 km, so that no announcement waits in the outbox to
 * be delivered after it).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MarkHeldBenchmark -p store=memory,h2
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MarkHeldBenchmark {

    /** Events held already in the store. */
    @Param({"20000"})
    public int heldEvents;

    /** {@code memory} (the in-memory store) or {@code h2} (JdbcStore on an in-memory H2). */
    @Param({"memory", "h2"})
    public String store;

    private static final ToolId TOOL = ToolId.of("capytale");
    private static final Instant REGISTERED = Instant.parse("2025-06-15T08:00:00Z");
    private static final int ORGANISERS = 500;
    private static final int PARTICIPANTS = 5_000;

    private final AnnounceBenchmark.StepClock clock = new AnnounceBenchmark.StepClock();
    private final SplittableRandom random = new SplittableRandom(23);
    private JdbcConnectionPool pool;
    private ShareNum sn;
    private List<Establishment> places;
    /** Where the events timed take place: ~30 km from every member. */
    private final Establishment venue = new Establishment(Uai.of("0219999" + Uai.checkLetter("0219999")), "Centre de formation",
            EstablishmentType.COLLEGE, Academie.DIJON, GeoPoint.of(47.55, 5.40), null);
    private Event next;

    @Setup(Level.Trial)
    public void setUp() {
        clock.now = Instant.parse("2026-09-01T08:00:00Z");
        ShareNumStore s;
        if (store.equals("h2")) {
            pool = JdbcConnectionPool.create("jdbc:h2:mem:mark-held-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
            s = JdbcStore.builder(pool).build();
        } else {
            s = ShareNum.inMemoryStore();
        }
        places = Datasets.collegesAroundDijon(random, 100);      // every venue's 30 km radius covers them all
        List<Member> members = new ArrayList<>();
        for (int m = 0; m < ORGANISERS + PARTICIPANTS; m++) {
            Establishment at = places.get(m % places.size());
            CompetenceLevel level = m < ORGANISERS ? CompetenceLevel.EXPERIENCED : CompetenceLevel.NOVICE;
            members.add(new Member(MemberId.of("m" + m), "Membre " + m, Email.of("m" + m + "@ac-dijon.fr"), at.uai(),
                    Role.TEACHER_SECONDARY, Set.of(), Map.of(TOOL, new Skill(TOOL, level)), Set.of(), Set.of(),
                    MemberStatus.ACTIVE, REGISTERED, 1));
        }
        // the past year: heldEvents events, one every (365 days / heldEvents), each held
        List<Event> past = new ArrayList<>();
        Instant first = clock.now.minus(Duration.ofDays(365));
        long step = Duration.ofDays(365).toSeconds() / heldEvents;
        for (int i = 0; i < heldEvents; i++) {
            Instant start = first.plusSeconds(i * step);
            Set<MemberId> seats = new LinkedHashSet<>();
            int n = 2 + random.nextInt(5);
            while (seats.size() < n) {
                seats.add(MemberId.of("m" + (ORGANISERS + random.nextInt(PARTICIPANTS))));
            }
            List<Registration> registered = seats.stream().map(m -> new Registration(m, start.minus(Duration.ofDays(3)))).toList();
            Duration length = Duration.ofHours(2);
            past.add(new Event(EventId.of("past-" + i), random.nextInt(3) == 0 ? EventKind.MEETING : EventKind.WORKSHOP,
                    "Atelier " + i, "", Set.of(TOOL), Set.of(), start, length, 12,
                    List.of(MemberId.of("m" + random.nextInt(ORGANISERS))), Venue.of(places.get(random.nextInt(places.size()))),
                    null, null, 30, EventStatus.HELD, registered, List.of(), 0,
                    List.of(new EventStatusChange(EventStatus.PLANNED, start.minus(Duration.ofDays(10))),
                            new EventStatusChange(EventStatus.CONFIRMED, start.minus(Duration.ofDays(9))),
                            new EventStatusChange(EventStatus.HELD, start.plus(length))), 1));
        }
        s.inTransaction(t -> {
            places.forEach(t.establishments().orElseThrow()::put);
            t.establishments().orElseThrow().put(venue);
            members.forEach(t.members().orElseThrow()::insert);
            past.forEach(t.events().orElseThrow()::insert);
            return null;
        });
        List<BadgeRule> rules = new ArrayList<>(BadgeRule.defaults());
        rules.addAll(BadgeRule.participantDefaults());
        sn = ShareNum.builder().store(s).clock(clock).notifier(n -> { }).badgeRules(rules)
                .notificationDelivery(Runnable::run, Duration.ZERO).reminderPoll(Duration.ZERO)
                .matchingEngine(MatchingEngines.reference()).build();
        nextEvent();
        held();
    }

    /** A new event by an organiser drawn at random, 3 participants drawn at random, the clock past its end. */
    @Setup(Level.Invocation)
    public void nextEvent() {
        clock.now = clock.now.plus(Duration.ofDays(1));
        MemberId organiser = MemberId.of("m" + random.nextInt(ORGANISERS));
        Event created = null;
        for (int day = 1; created == null; day++) {
            try {
                created = sn.events().create(organiser, EventRequest.direct().title("Atelier Capytale").tools(TOOL)
                        .start(clock.now.plus(Duration.ofDays(day))).duration(Duration.ofHours(2)).capacity(12).broadcastRadiusKm(1)
                        .atEstablishment(venue.uai()).build());
            } catch (ShareNumException closed) {
                if (day > 40) {
                    throw closed;
                }
                // a closed day (week-end, holidays): the next day
            }
        }
        sn.events().confirm(organiser, created.id());
        for (int i = 0; i < 3; i++) {
            try {
                sn.events().register(MemberId.of("m" + (ORGANISERS + random.nextInt(PARTICIPANTS))), created.id());
            } catch (ShareNumException drawnTwice) {
                // already registered: one seat fewer
            }
        }
        next = sn.events().get(organiser, created.id());
        clock.now = next.end();
    }

    @Benchmark
    public Event held() {
        return sn.events().markHeld(next.organisers().get(0), next.id());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sn.close();
        if (pool != null) {
            pool.dispose();
        }
    }
}

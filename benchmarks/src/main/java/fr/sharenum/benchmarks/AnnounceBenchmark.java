package fr.sharenum.benchmarks;

import fr.sharenum.EventRequest;
import fr.sharenum.MatchingEngines;
import fr.sharenum.ShareNum;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.ShareNumStore;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Announcing one confirmed event to the members near it, through the library ({@code events().confirm} on the
 * in-memory store, notifications delivered to a notifier that drops them): {@code audience} members, all within the
 * broadcast radius of every venue and all with the event's tool, spread over 100 establishments within ~15 km. Each
 * invocation confirms a new event at one of the 100 establishments drawn at random, a week and a day after the last
 * (so each member's weekly counter holds one slot, the last event's, as at national density); the event is created in
 * the invocation's set-up, outside the time. What is timed: preferences, blocks, the members told before, the weekly
 * counters of every member, one notification each, queued and delivered.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar AnnounceBenchmark -p audience=1000,5000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class AnnounceBenchmark {

    /** Members told of each event (the library tells at most 5,000 per event). */
    @Param({"1000", "5000"})
    public int audience;

    private static final ToolId TOOL = ToolId.of("capytale");
    private static final Instant REGISTERED = Instant.parse("2026-06-15T08:00:00Z");

    /** The simulated time, moved by the benchmark only. */
    static final class StepClock extends Clock {
        volatile Instant now = Instant.parse("2026-09-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final StepClock clock = new StepClock();
    private final SplittableRandom random = new SplittableRandom(17);
    private ShareNum sn;
    private List<Establishment> places;
    private MemberId organiser;
    private Event created;

    @Setup(Level.Trial)
    public void setUp() {
        ShareNumStore store = ShareNum.inMemoryStore();
        places = Datasets.collegesAroundDijon(random, 100);      // every venue's 30 km radius covers them all
        List<Member> members = new ArrayList<>();
        for (int m = 0; m <= audience; m++) {
            Establishment at = places.get(m % places.size());
            CompetenceLevel level = m == 0 ? CompetenceLevel.EXPERIENCED : CompetenceLevel.values()[m % 3];
            Map<ToolId, Skill> skills = new HashMap<>(Map.of(TOOL, new Skill(TOOL, level)));
            members.add(new Member(MemberId.of("m" + m), "Membre " + m, Email.of("m" + m + "@ac-dijon.fr"), at.uai(),
                    Role.TEACHER_SECONDARY, Set.of(), skills, Set.of(), Set.of(), MemberStatus.ACTIVE, REGISTERED, 1));
        }
        organiser = members.get(0).id();
        store.inTransaction(t -> {
            places.forEach(t.establishments().orElseThrow()::put);
            members.forEach(t.members().orElseThrow()::insert);
            return null;
        });
        sn = ShareNum.builder().store(store).clock(clock).notifier(n -> { })
                .notificationDelivery(Runnable::run, Duration.ZERO).reminderPoll(Duration.ZERO)
                .matchingEngine(MatchingEngines.discover()).build();
    }

    /** A new event, a week and a day after the last, at an establishment drawn at random. */
    @Setup(Level.Invocation)
    public void nextEvent() {
        clock.now = clock.now.plus(Duration.ofDays(8));
        Establishment venue = places.get(random.nextInt(places.size()));
        created = null;
        for (int day = 10; created == null; day++) {
            try {
                created = sn.events().create(organiser, EventRequest.direct().title("Atelier Capytale").tools(TOOL)
                        .start(clock.now.plus(Duration.ofDays(day))).duration(Duration.ofHours(2)).capacity(12)
                        .atEstablishment(venue.uai()).build());
            } catch (fr.sharenum.model.ShareNumException closed) {
                if (day > 40) {
                    throw closed;
                }
                // a closed day (week-end, holidays): the next day
            }
        }
    }

    @Benchmark
    public Event confirm() {
        return sn.events().confirm(organiser, created.id());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sn.close();
    }
}

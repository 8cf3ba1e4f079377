package fr.sharenum.benchmarks;

import fr.sharenum.MatchingEngines;
import fr.sharenum.NewMember;
import fr.sharenum.ShareNum;
import fr.sharenum.TicketRequest;
import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The cost of the storage kernel against the native JDBC aggregates on the main workflows: the same
 * {@link JdbcStore} on H2 (embedded, in memory, so the database's own cost is small and the difference shows), once
 * with its native tables ({@code native}) and once through the kernel alone ({@code kernel}: ShareNum's aggregates on
 * versioned JSON documents and an index table). 2,000 members around 40 Burgundy establishments, a third experienced
 * on the tool; each invocation acts for a fresh member or ticket (nothing repeats).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar KernelPathBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KernelPathBenchmark {
    private static final ToolId TOOL = ToolId.of("capytale");
    private static final Actor HOST = Actor.host("bench");

    @Param({"native", "kernel"})
    public String path;

    private ShareNum sharenum;
    private JdbcConnectionPool pool;
    private final Map<MemberId, String> tokens = new ConcurrentHashMap<>();
    private final List<Uai> schools = new ArrayList<>();
    private final List<MemberId> requesters = new ArrayList<>();
    private final List<MemberId> helpers = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(2026);
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:kernel-bench-" + path + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcStore store = JdbcStore.builder(pool).kernelOnly(path.equals("kernel")).build();
        sharenum = ShareNum.builder().store(store).matchingEngine(MatchingEngines.reference())
                .notifier(n -> {
                    if (n instanceof Notification.VerificationRequested v) {
                        tokens.put(v.recipient(), v.token());
                    }
                })
                // the default fairness (20 alerts a week per helper, 7 days of cool-down), no daily cap on requesters
                .alertLimits(20, 3, Duration.ofDays(7), 1_000_000).maxAlertsPerTicket(20)
                .notificationDelivery(Runnable::run, Duration.ZERO).build();
        for (int i = 0; i < 40; i++) {
            String seven = String.format("021%04d", 5000 + i);
            Uai uai = Uai.of(seven + Uai.checkLetter(seven));
            schools.add(uai);
            sharenum.establishments().put(HOST, new Establishment(uai, "Établissement " + i, EstablishmentType.COLLEGE,
                    Academie.DIJON, GeoPoint.of(47.0 + random.nextDouble() * 0.6, 4.7 + random.nextDouble() * 0.8)));
        }
        for (int i = 0; i < 2_000; i++) {
            Member m = join(i % 3 == 0 ? CompetenceLevel.EXPERIENCED : CompetenceLevel.NOVICE);
            (i % 3 == 0 ? helpers : requesters).add(m.id());
        }
    }

    private Member join(CompetenceLevel level) {
        int n = next++;
        Member m = sharenum.members().register(Actor.anonymous(), NewMember.builder().displayName("Membre " + n)
                .email("membre." + n + "@ac-dijon.fr").establishment(schools.get(random.nextInt(schools.size())))
                .role(Role.TEACHER_SECONDARY).skill(new Skill(TOOL, level)).build());
        return sharenum.members().verify(Actor.anonymous(), m.id(), tokens.get(m.id()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sharenum.close();
        pool.dispose();
    }

    /** A colleague registers and confirms their address: two transactions, a member, a verification, the feed. */
    @Benchmark
    public Member registerAndVerify() {
        return join(CompetenceLevel.INTERMEDIATE);
    }

    /** A requester opens a ticket: matching, up to 20 alerts recorded and enqueued, the daily counter. */
    @Benchmark
    public TicketNum openTicket() {
        MemberId requester = requesters.get(random.nextInt(requesters.size()));
        return sharenum.tickets().open(requester, TicketRequest.builder(TOOL).text("Besoin d'aide").radiusKm(30).build());
    }

    /** A member's profile read by themself. */
    @Benchmark
    public Member readMember() {
        MemberId m = helpers.get(random.nextInt(helpers.size()));
        return sharenum.members().get(m, m);
    }
}

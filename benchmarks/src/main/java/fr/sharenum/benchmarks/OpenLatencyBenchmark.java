package fr.sharenum.benchmarks;

import fr.sharenum.MatchingEngines;
import fr.sharenum.NewMember;
import fr.sharenum.ShareNum;
import fr.sharenum.TicketRequest;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
 * What a requester waits for when opening a ticket while the mail server is slow: a notifier taking one second per
 * send, the instance's default delivery worker, the in-memory store. The open commits the ticket and its alerts
 * (matching, fairness rules, up to 20 alerts written to the outbox) and returns; the sends happen on the worker.
 * Sample mode, so the table gives p50/p99. 3,000 members around 60 Burgundy establishments, a third experienced;
 * each invocation a requester drawn afresh.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar OpenLatencyBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OpenLatencyBenchmark {
    private static final ToolId TOOL = ToolId.of("capytale");

    private ShareNum sharenum;
    private final Map<MemberId, String> tokens = new ConcurrentHashMap<>();
    private final List<MemberId> requesters = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup(Level.Trial)
    public void setUp() {
        sharenum = ShareNum.builder().matchingEngine(MatchingEngines.reference())
                .notifier(n -> {
                    if (n instanceof Notification.VerificationRequested v) {
                        tokens.put(v.recipient(), v.token());
                        return;
                    }
                    try {
                        Thread.sleep(1_000);     // a slow SMTP server: one second per mail
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .alertLimits(20, 3, Duration.ofDays(7), 1_000_000).maxAlertsPerTicket(20)
                .quietHours(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT).build();
        Actor host = Actor.host("bench");
        List<Uai> schools = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String seven = String.format("021%04d", 6000 + i);
            Uai uai = Uai.of(seven + Uai.checkLetter(seven));
            schools.add(uai);
            sharenum.establishments().put(host, new Establishment(uai, "Établissement " + i, EstablishmentType.COLLEGE,
                    Academie.DIJON, GeoPoint.of(47.0 + random.nextDouble() * 0.6, 4.7 + random.nextDouble() * 0.8)));
        }
        for (int i = 0; i < 3_000; i++) {
            CompetenceLevel level = i % 3 == 0 ? CompetenceLevel.EXPERIENCED : CompetenceLevel.NOVICE;
            Member m = sharenum.members().register(Actor.anonymous(), NewMember.builder().displayName("Membre " + i)
                    .email("membre." + i + "@ac-dijon.fr").establishment(schools.get(random.nextInt(schools.size())))
                    .role(Role.TEACHER_SECONDARY).skill(new Skill(TOOL, level)).build());
            sharenum.members().verify(Actor.anonymous(), m.id(), token(m.id()));
            if (level == CompetenceLevel.NOVICE) {
                requesters.add(m.id());
            }
        }
    }

    /** The verification token of {@code member}, once the delivery worker has sent its mail (minted at delivery). */
    private String token(MemberId member) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String token;
        while ((token = tokens.get(member)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no verification mail for " + member + " within 30 s");
            }
            Thread.onSpinWait();
        }
        return token;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sharenum.close();
    }

    /** Opening a ticket that alerts up to 20 helpers, with one second per mail on the delivery side. */
    @Benchmark
    public TicketNum openTicket() {
        MemberId requester = requesters.get(random.nextInt(requesters.size()));
        return sharenum.tickets().open(requester, TicketRequest.builder(TOOL).text("Besoin d'aide").radiusKm(30).build());
    }
}

package fr.sharenum.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.sharenum.MatchingEngines;
import fr.sharenum.NewMember;
import fr.sharenum.ShareNum;
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
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.QualifiedQuery;
import fr.sharenum.testing.PostgresCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a change made through one instance takes to reach the others' matching engines, with three instances
 * on one PostgreSQL, each under write load. A standalone measurement (not JMH: what is measured is a delay between
 * processes' threads, not a method): three instances, each with its own {@link JdbcStore} and pool over one
 * throw-away cluster (test-support's {@link PostgresCluster}), three writer threads — one per instance — registering
 * and verifying members back to back at a paced rate; each instance's engine records when it first holds each
 * member. The delay of a member at an instance is that moment minus the moment the writer's {@code verify} returned
 * (its commit); the writer's own instance is not counted (it applies before returning).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar fr.sharenum.benchmarks.FeedPropagationBenchmark [members per writer] [writes/s per writer]
 * }</pre>
 */
public final class FeedPropagationBenchmark {
    private static final ToolId CAPYTALE = ToolId.of("capytale");

    /** The reference engine, noting when each member first arrives. */
    static final class Timed implements MatchingEngine {
        final MatchingEngine engine = MatchingEngines.reference();
        final Map<MemberId, Long> arrived = new ConcurrentHashMap<>();

        @Override
        public void upsert(MatchCandidate candidate) {
            arrived.putIfAbsent(candidate.member(), System.nanoTime());
            engine.upsert(candidate);
        }

        @Override
        public void replaceAll(Collection<MatchCandidate> candidates) {
            engine.replaceAll(candidates);
        }

        @Override
        public void relocate(Uai establishment, GeoPoint location) {
            engine.relocate(establishment, location);
        }

        @Override
        public void remove(MemberId member) {
            engine.remove(member);
        }

        @Override
        public List<Match> qualified(QualifiedQuery query) {
            return engine.qualified(query);
        }

        @Override
        public List<Nearby> followers(FollowersQuery query) {
            return engine.followers(query);
        }

        @Override
        public int size() {
            return engine.size();
        }
    }

    /** Collects verification tokens (the only notification the writers need). */
    static final class Tokens implements fr.sharenum.spi.Notifier {
        final Map<MemberId, String> tokens = new ConcurrentHashMap<>();

        /** The member's token, once a delivery worker has sent it (the mail leaves through the outbox). */
        String await(MemberId member) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            String token;
            while ((token = tokens.get(member)) == null && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            return token;
        }

        @Override
        public void send(Notification n) {
            if (n instanceof Notification.VerificationRequested v) {
                tokens.put(v.recipient(), v.token());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int perWriter = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int ratePerWriter = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        java.nio.file.Path bin = PostgresCluster.binaries().orElseThrow(() -> new IllegalStateException(
                "needs PostgreSQL: apt-get install postgresql"));
        try (PostgresCluster cluster = PostgresCluster.start(bin)) {
            List<HikariDataSource> pools = new ArrayList<>();
            List<ShareNum> instances = new ArrayList<>();
            List<Timed> engines = new ArrayList<>();
            List<Tokens> notifiers = new ArrayList<>();
            Tokens shared = new Tokens();
            Establishment school = new Establishment(Uai.of("0210015C"), "Lycée Carnot", EstablishmentType.LYCEE,
                    Academie.DIJON, GeoPoint.of(47.3226, 5.0466), "21231");
            for (int i = 0; i < 3; i++) {
                HikariConfig config = new HikariConfig();
                config.setDataSource(cluster.dataSource());
                config.setMaximumPoolSize(6);
                config.setPoolName("instance-" + i);
                HikariDataSource pool = new HikariDataSource(config);
                pools.add(pool);
                Timed engine = new Timed();
                Tokens tokens = shared;   // a verification mail may be sent by any instance's delivery worker
                engines.add(engine);
                notifiers.add(tokens);
                instances.add(ShareNum.builder().store(JdbcStore.builder(pool).schema("feed").build()).notifier(tokens)
                        .matchingEngine(engine).alertLimits(10_000, 3, Duration.ZERO, 10_000).build());
            }
            instances.get(0).establishments().put(Actor.host("bench"), school);

            long[][] committed = new long[3][perWriter];
            long[][] began = new long[3][perWriter];
            MemberId[][] ids = new MemberId[3][perWriter];
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger failures = new AtomicInteger();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int me = w;
                Thread t = new Thread(() -> {
                    ShareNum sn = instances.get(me);
                    Random r = new Random(me);
                    long period = 1_000_000_000L / ratePerWriter;
                    try {
                        start.await();
                        long next = System.nanoTime();
                        for (int i = 0; i < perWriter; i++) {
                            next += period;
                            Member m = sn.members().register(Actor.anonymous(), NewMember.builder().displayName("Membre " + me + "-" + i)
                                    .email("membre." + me + "." + i + "@ac-dijon.fr").establishment(school.uai())
                                    .role(Role.TEACHER_SECONDARY)
                                    .skill(new Skill(CAPYTALE, CompetenceLevel.values()[r.nextInt(3)])).build());
                            began[me][i] = System.nanoTime();
                            sn.members().verify(Actor.anonymous(), m.id(), notifiers.get(me).await(m.id()));
                            committed[me][i] = System.nanoTime();
                            ids[me][i] = m.id();
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        e.printStackTrace();
                    }
                }, "writer-" + w);
                writers.add(t);
                t.start();
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Thread t : writers) {
                t.join();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(2_000); // the last changes arrive
            List<Double> delays = new ArrayList<>();
            List<Double> fromStart = new ArrayList<>();
            int missing = 0;
            for (int w = 0; w < 3; w++) {
                for (int i = 0; i < perWriter; i++) {
                    for (int at = 0; at < 3; at++) {
                        if (at == w || ids[w][i] == null) {
                            continue;
                        }
                        Long seen = engines.get(at).arrived.get(ids[w][i]);
                        if (seen == null) {
                            missing++;
                        } else {
                            delays.add(Math.max(0, seen - committed[w][i]) / 1e6);
                            fromStart.add((seen - began[w][i]) / 1e6);
                        }
                    }
                }
            }
            double[] sorted = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("three instances, %d writes/s each (%.0f member changes/s in all, %.1f s): %d delays measured,"
                            + " %d missing, %d writer failures%n", ratePerWriter, 3.0 * perWriter / seconds, seconds, sorted.length,
                    missing, failures.get());
            System.out.printf("from the return of the writing call (0 when another instance applied it first) (ms): p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n", pct(sorted, 0.50),
                    pct(sorted, 0.90), pct(sorted, 0.99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
            double[] upper = fromStart.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("from the start of the writing call (an upper bound: includes the writer's transaction)"
                            + " (ms): p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n", pct(upper, 0.50), pct(upper, 0.90), pct(upper, 0.99),
                    upper.length == 0 ? Double.NaN : upper[upper.length - 1]);
            for (ShareNum sn : instances) {
                sn.close();
            }
            pools.forEach(HikariDataSource::close);
            if (missing > 0 || failures.get() > 0) {
                System.exit(1);
            }
        }
    }

    private static double pct(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private FeedPropagationBenchmark() {
    }
}

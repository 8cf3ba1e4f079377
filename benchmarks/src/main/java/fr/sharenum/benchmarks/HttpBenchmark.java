package fr.sharenum.benchmarks;

import fr.sharenum.IdentityAssertion;
import fr.sharenum.ShareNum;
import fr.sharenum.http.DevSignIn;
import fr.sharenum.http.InboxNotifier;
import fr.sharenum.http.ShareNumHttp;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.OnlineAccess;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.ShareNumStore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests per second and p99 latency of the HTTP API on loopback, for opening a ticket ({@code POST
 * /api/v1/tickets}: the matching, the alerts, the inbox writes) and for listing the events nearby ({@code GET
 * /api/v1/events}: the library's {@code events().search}, around the member's establishment or around a point, over
 * a period, on tools or themes, by format, a page of 20 — the filters vary from one request to the next), with 1 and
 * 16 concurrent clients (the JDK's HTTP client, keep-alive), in-memory store, the geo engine. Around Dijon: 300
 * establishments, 3,000 members (a third experienced on Capytale), 200 confirmed events (one in ten online, announced
 * to the académie; one in four on the theme "evaluation"). Each measure runs for a fixed time after a warm-up; every
 * answer must be 201 or 200.
 *
 * <p>{@code ./mvnw -q -pl benchmarks -am package -DskipTests && java -cp benchmarks/target/benchmarks.jar
 * fr.sharenum.benchmarks.HttpBenchmark [seconds per measure, default 10]}
 */
public final class HttpBenchmark {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final Theme EVALUATION = Theme.of("evaluation");
    private static final Actor HOST = Actor.host("bench");

    private HttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        ShareNumStore store = ShareNum.inMemoryStore();
        InboxNotifier inbox = new InboxNotifier(store, n -> { });
        ShareNum sharenum = ShareNum.builder().store(store).notifier(inbox).quietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                .alertLimits(1_000_000, 3, Duration.ZERO, 1_000_000).maxAlertsPerTicket(20).build();
        Random random = new Random(42);
        List<Establishment> schools = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            schools.add(new Establishment(Uai.of(uai(210_000 + i)), "Collège " + i, EstablishmentType.COLLEGE, Academie.DIJON,
                    GeoPoint.of(47.32 + random.nextGaussian() * 0.25, 5.04 + random.nextGaussian() * 0.35), "21231"));
        }
        sharenum.establishments().putAll(HOST, schools);
        List<IdentityAssertion> requesters = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Establishment at = schools.get(random.nextInt(schools.size()));
            IdentityAssertion who = IdentityAssertion.builder(DevSignIn.ISSUER, "m" + i).memberId(MemberId.of("m" + i))
                    .email("membre.n" + i + "@ac-dijon.fr").displayName("Membre " + i).establishment(at.uai()).build();
            Member m = sharenum.members().signIn(HOST, who);
            CompetenceLevel level = i % 3 == 0 ? CompetenceLevel.EXPERIENCED : CompetenceLevel.NOVICE;
            sharenum.members().setSkill(HOST, m.id(), m.version(), new Skill(CAPYTALE, level));
            if (level == CompetenceLevel.NOVICE && requesters.size() < 64) {
                requesters.add(who);
            }
        }
        for (int i = 0; i < 200; i++) {
            MemberId organiser = MemberId.of("m" + (3 * i));
            Establishment at = schools.get(random.nextInt(schools.size()));
            boolean online = i % 10 == 0;
            var e = sharenum.events().create(organiser, new fr.sharenum.EventRequest(null, fr.sharenum.model.EventKind.WORKSHOP,
                    "Atelier " + i, "", java.util.Set.of(CAPYTALE), i % 4 == 0 ? java.util.Set.of(EVALUATION) : java.util.Set.of(),
                    Instant.now().plus(Duration.ofDays(2 + i % 60)).plus(Duration.ofHours(i % 7)), Duration.ofHours(2), 20,
                    java.util.Set.of(), online ? null : at.uai(), null, null, Double.NaN,
                    online ? new OnlineAccess(URI.create("https://visio.example.fr/atelier-" + i), Academie.DIJON, null) : null));
            sharenum.events().confirm(organiser, e.id());
        }
        List<GeoPoint> points = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            points.add(GeoPoint.of(47.32 + random.nextGaussian() * 0.25, 5.04 + random.nextGaussian() * 0.35));
        }
        DevSignIn dev = new DevSignIn(sharenum, requesters);
        ShareNumHttp http = ShareNumHttp.builder(sharenum, store).inbox(inbox).devSignIn(dev).webFrontEnd(false)
                .rateLimits(100_000_000, 100_000_000).build().start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + http.port() + "/api/v1";
        List<String> tokens = requesters.stream().map(a -> dev.signIn(a.email()).token()).toList();
        System.out.printf("HTTP API on loopback: 300 establishments, 3,000 members, 200 events; %d s per measure (after %d s of warm-up)%n",
                seconds, Math.max(2, seconds / 2));
        System.out.println("| operation | clients | requests/s | p50 ms | p99 ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int clients : new int[] {1, 16}) {
            run("POST /api/v1/tickets", clients, seconds, base, tokens, (c, t, n) -> HttpRequest.newBuilder(URI.create(base + "/tickets"))
                    .header("Authorization", "Bearer " + t).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"tools\":[\"capytale\"],\"text\":\"Besoin d'aide n°" + n
                            + "\",\"radiusKm\":30}")).build(), 201);
            run("GET /api/v1/events (search)", clients, seconds, base, tokens,
                    (c, t, n) -> HttpRequest.newBuilder(URI.create(base + "/events?" + search(n, points)))
                            .header("Authorization", "Bearer " + t).GET().build(), 200);
        }
        http.stop();
    }

    /**
     * The query of the n-th events search: around the member's establishment (with the online events announced to
     * the académie) or around one of 1,024 points, 20 to 50 km, a period of 2 to 8 weeks starting within 30 days, on
     * Capytale or on the theme "evaluation", every format or on site only.
     */
    static String search(long n, List<GeoPoint> points) {
        Instant from = Instant.now().plus(Duration.ofDays(n % 30)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        StringBuilder q = new StringBuilder("limit=20&radiusKm=").append(20 + (n % 4) * 10)
                .append("&from=").append(from).append("&to=").append(from.plus(Duration.ofDays(14 * (1 + n % 4))));
        if (n % 2 == 1) {
            GeoPoint p = points.get((int) ((n / 2) % points.size()));
            q.append("&latitude=").append(p.latitude()).append("&longitude=").append(p.longitude());
        }
        q.append(n % 3 == 2 ? "&themes=evaluation" : "&tools=capytale");
        if (n % 5 == 4) {
            q.append("&formats=ON_SITE,BUSNUM");
        }
        return q.toString();
    }

    interface Request {
        HttpRequest make(int client, String token, long n);
    }

    private static void run(String name, int clients, int seconds, String base, List<String> tokens, Request request, int expected)
            throws Exception {
        measure(clients, Math.max(2, seconds / 2), tokens, request, expected);   // warm-up
        long[][] latencies = new long[clients][];
        long start = System.nanoTime();
        long[] counts = measure(clients, seconds, tokens, request, expected, latencies);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long total = Arrays.stream(counts).sum();
        long[] all = Arrays.stream(latencies).flatMapToLong(l -> Arrays.stream(l)).sorted().toArray();
        System.out.printf("| `%s` | %d | %,.0f | %.2f | %.2f |%n", name, clients, total / elapsed,
                all[(int) (all.length * 0.50)] / 1e6, all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6);
    }

    private static long[] measure(int clients, int seconds, List<String> tokens, Request request, int expected) throws Exception {
        return measure(clients, seconds, tokens, request, expected, new long[clients][]);
    }

    private static long[] measure(int clients, int seconds, List<String> tokens, Request request, int expected, long[][] latencies)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong sequence = new AtomicLong();
        List<Future<Long>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] lat = new long[1 << 16];
                int k = 0;
                long n = 0;
                while (System.nanoTime() < end) {
                    String token = tokens.get((int) (sequence.incrementAndGet() % tokens.size()));
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(request.make(client, token, n), HttpResponse.BodyHandlers.ofString());
                    long dt = System.nanoTime() - t0;
                    if (r.statusCode() != expected) {
                        throw new IllegalStateException("answered " + r.statusCode() + ": " + r.body());
                    }
                    if (k == lat.length) {
                        lat = Arrays.copyOf(lat, lat.length * 2);
                    }
                    lat[k++] = dt;
                    n++;
                }
                latencies[client] = Arrays.copyOf(lat, k);
                return n;
            }));
        }
        long[] counts = new long[clients];
        for (int c = 0; c < clients; c++) {
            counts[c] = done.get(c).get();
        }
        pool.shutdown();
        return counts;
    }

    /** A valid UAI (the check letter of the seven digits). */
    private static String uai(int number) {
        String digits = String.format("%07d", number);
        String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        return digits + letters.charAt((int) (Long.parseLong(digits) % 23));
    }
}

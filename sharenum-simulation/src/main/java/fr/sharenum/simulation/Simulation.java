package fr.sharenum.simulation;

import fr.sharenum.EventRequest;
import fr.sharenum.ImpactReport;
import fr.sharenum.IndicatorReport;
import fr.sharenum.MatchingEngines;
import fr.sharenum.ShareNum;
import fr.sharenum.Territory;
import fr.sharenum.TicketRequest;
import fr.sharenum.ToolCatalog;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Alert;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Notification;
import fr.sharenum.model.PixCertification;
import fr.sharenum.model.Role;
import fr.sharenum.model.ShareNumException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.ShareNumStore;

import java.io.PrintStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One scenario over one school year, through the library: the members of the start of the year are in the store (as
 * a deployment that ran the year before has them), then every need, offer, acceptance, workshop, registration,
 * attendance, feedback, training, level change and PIX certification of the year is a call of ShareNum's public API
 * at its simulated time, in time order, and the académie's indicators are read from ShareNum at the end. The model's
 * assumptions are in {@code docs/simulation.md}. Not thread-safe: one scenario at a time.
 */
final class Simulation {
    static final Instant YEAR_START = Instant.parse("2026-09-01T06:00:00Z");
    static final Instant YEAR_END = Instant.parse("2027-07-04T00:00:00Z");
    static final YearMonth FIRST = YearMonth.of(2026, 9);
    static final YearMonth LAST = YearMonth.of(2027, 6);
    private static final Instant REGISTERED = Instant.parse("2026-06-15T08:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Actor HOST = Actor.host("simulation");
    private static final int TOOLS = 40;
    private static final int TOOLS_WITH_PAF = 8;

    /** What a scenario produced. */
    record Result(Scenario scenario, String source, int establishments, int members, IndicatorReport national,
                  ImpactReport impact, Map<YearMonth, IndicatorReport> monthly, Map<String, Long> counts,
                  double setupSeconds, double yearSeconds, double setupCpuSeconds, double yearCpuSeconds) {
    }

    /** CPU time of the whole process (every thread, the garbage collector's included), in seconds. */
    static double cpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** The simulated time, moved by the simulation only. */
    static final class SimClock extends Clock {
        volatile Instant now = YEAR_START;

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

    private record Action(Instant at, long seq, Runnable run) implements Comparable<Action> {
        @Override
        public int compareTo(Action o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final Scenario s;
    private final France.Establishments places;
    private final PrintStream log;
    private final SplittableRandom r;
    private final SimClock clock = new SimClock();
    private final PriorityQueue<Action> queue = new PriorityQueue<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private long seq;

    private ShareNum sn;
    private ToolId[] tools;
    private double[] toolCumulative;
    private MemberId[] ids;
    private int[] memberEst;
    private byte[][] skillTools;
    private byte[][] skillLevels;
    private int[][] staff;
    private final Map<Academie, List<Bus>> buses = new HashMap<>();
    private final Set<TicketId> accepted = new HashSet<>();

    Simulation(Scenario scenario, France.Establishments places, PrintStream log) {
        this.s = scenario;
        this.places = places;
        this.log = log;
        this.r = new SplittableRandom(scenario.seed());
    }

    private void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    private void at(Instant when, Runnable run) {
        if (when.isBefore(YEAR_END)) {
            queue.add(new Action(when, seq++, run));
        }
    }

    /** Runs the scenario: the population, the year, the indicators. */
    Result run() {
        long t0 = System.nanoTime();
        double c0 = cpuSeconds();
        ShareNumStore store = ShareNum.inMemoryStore();
        List<Establishment> est = places.list();
        populate(store, est);
        List<Training> catalogue = catalogue(est);
        // notifications are dropped, counted by kind (the delivery worker may send held ones from its own thread)
        java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> sent = new java.util.concurrent.ConcurrentHashMap<>();
        Notifier quiet = n -> sent.computeIfAbsent(n instanceof Notification.EventInvitation i
                ? "notifications.EventInvitation." + i.reason() : "notifications." + n.getClass().getSimpleName(),
                k -> new java.util.concurrent.atomic.LongAdder()).increment();
        sn = ShareNum.builder().store(store).clock(clock).notifier(quiet)
                .notificationDelivery(Runnable::run, Duration.ZERO).trainings(catalogue)
                .radiusKm(1, 200, s.radiusKm()).maxAlertsPerTicket(s.maxAlertsPerTicket())
                .alertLimits(s.alertsPerHelperPerWeek(), 3, Duration.ofDays(7), 5)
                .maxAnnouncementsPerEvent(s.announcementsPerEvent())
                // reminders sent at simulated times (planYear), not by a poller running on the wall clock
                .reminderPoll(Duration.ZERO)
                .matchingEngine(MatchingEngines.discover()).build();
        placeBuses(est);
        double setup = (System.nanoTime() - t0) / 1e9;
        double c1 = cpuSeconds();
        log.printf("  %s: %,d establishments (%s), %,d members, %,d trainings in the catalogue; ready in %.1f s (CPU %.1f s)%n",
                s.name(), est.size(), places.source(), ids.length, catalogue.size(), setup, c1 - c0);

        long t1 = System.nanoTime();
        planYear();
        long done = 0;
        while (!queue.isEmpty()) {
            Action a = queue.poll();
            clock.now = a.at();
            try {
                a.run().run();
            } catch (ShareNumException e) {
                count("refused." + e.code());
            }
            if (++done % 100_000 == 0) {
                log.printf("    %,d actions, simulated %s, %.0f s, CPU %.0f s%n", done, a.at(), (System.nanoTime() - t1) / 1e9,
                        cpuSeconds() - c1);
            }
        }
        counts.put("actions", done);
        double year = (System.nanoTime() - t1) / 1e9;
        double c2 = cpuSeconds();
        Territory fr = Territory.country();
        IndicatorReport national = sn.indicators().report(HOST, fr, FIRST, LAST);
        ImpactReport impact = sn.indicators().impact(HOST, fr, FIRST, LAST);
        Map<YearMonth, IndicatorReport> monthly = new LinkedHashMap<>();
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            monthly.put(m, sn.indicators().report(HOST, fr, m, m));
        }
        sn.outbox().deliverDue(HOST);       // what fell due by the end of the year, sent before counting: the same every run
        sn.close();
        sent.forEach((k, v) -> counts.put(k, v.sum()));
        log.printf("  %s: the year in %.1f s, CPU %.1f s (%,d actions, %,d events announced to %,d members)%n", s.name(), year,
                c2 - c1, done, counts.getOrDefault("workshops", 0L) + counts.getOrDefault("workshops.busnum", 0L),
                counts.getOrDefault("notifications.EventInvitation.ANNOUNCED", 0L));
        return new Result(s, places.source(), est.size(), ids.length, national, impact, monthly, counts, setup, year, c1 - c0,
                c2 - c1);
    }

    // --- the population at the start of the year, written to the store as a deployment has it

    private void populate(ShareNumStore store, List<Establishment> est) {
        List<fr.sharenum.model.Tool> catalogue = ToolCatalog.defaults().all();
        tools = new ToolId[Math.min(TOOLS, catalogue.size())];
        toolCumulative = new double[tools.length];
        double sum = 0;
        for (int i = 0; i < tools.length; i++) {
            tools[i] = catalogue.get(i).id();
            sum += 1.0 / (i + 1);                       // Zipf(1) popularity
            toolCumulative[i] = sum;
        }
        for (int i = 0; i < tools.length; i++) {
            toolCumulative[i] /= sum;
        }
        double[] estCumulative = new double[est.size()];
        double total = 0;
        for (int e = 0; e < est.size(); e++) {
            total += France.weight(est.get(e)) * (0.5 + r.nextDouble());
            estCumulative[e] = total;
        }
        int n = s.members();
        ids = new MemberId[n];
        memberEst = new int[n];
        skillTools = new byte[n][];
        skillLevels = new byte[n][];
        int[] perEst = new int[est.size()];
        for (int m = 0; m < n; m++) {
            int e = search(estCumulative, r.nextDouble() * total);
            memberEst[m] = e;
            perEst[e]++;
            ids[m] = MemberId.of("m" + m);
            int k = 3 + r.nextInt(6);
            Set<Integer> chosen = new HashSet<>();
            while (chosen.size() < k) {
                chosen.add(search(toolCumulative, r.nextDouble()));
            }
            skillTools[m] = new byte[k];
            skillLevels[m] = new byte[k];
            int i = 0;
            for (int tool : chosen) {
                double roll = r.nextDouble();
                skillTools[m][i] = (byte) tool;
                skillLevels[m][i++] = (byte) (roll < s.shareExperienced() ? 2 : roll < s.shareExperienced() + 0.4 ? 1 : 0);
            }
        }
        staff = new int[est.size()][];
        for (int e = 0; e < est.size(); e++) {
            staff[e] = new int[perEst[e]];
            perEst[e] = 0;
        }
        for (int m = 0; m < n; m++) {
            staff[memberEst[m]][perEst[memberEst[m]]++] = m;
        }
        store.inTransaction(t -> {
            est.forEach(t.establishments().orElseThrow()::put);
            return null;
        });
        for (int from = 0; from < n; from += 20_000) {
            int start = from;
            store.inTransaction(t -> {
                var members = t.members().orElseThrow();
                for (int m = start; m < Math.min(n, start + 20_000); m++) {
                    members.insert(member(m, est.get(memberEst[m])));
                }
                return null;
            });
        }
    }

    private Member member(int m, Establishment at) {
        Map<ToolId, Skill> skills = new HashMap<>();
        for (int i = 0; i < skillTools[m].length; i++) {
            ToolId tool = tools[skillTools[m][i]];
            skills.put(tool, new Skill(tool, CompetenceLevel.values()[skillLevels[m][i]]));
        }
        String domain = at.academie().mailDomains().isEmpty() ? "education.gouv.fr" : at.academie().mailDomains().get(0);
        return new Member(ids[m], "Membre " + m, Email.of("m" + m + "@" + domain), at.uai(),
                Role.TEACHER_SECONDARY, Set.of(), skills, Set.of(), Set.of(), MemberStatus.ACTIVE, REGISTERED, 1);
    }

    static int search(double[] cumulative, double x) {
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    /** PAF sessions: in every académie, each month from October to June, one on each of the most declared tools. */
    private List<Training> catalogue(List<Establishment> est) {
        Set<Academie> academies = new HashSet<>();
        est.forEach(e -> academies.add(e.academie()));
        List<Training> out = new ArrayList<>();
        for (Academie a : academies.stream().sorted().toList()) {
            for (YearMonth m = FIRST.plusMonths(1); !m.isAfter(LAST); m = m.plusMonths(1)) {
                for (int tool = 0; tool < TOOLS_WITH_PAF; tool++) {
                    LocalDate day = weekday(m.atDay(8 + tool));
                    Instant start = day.atTime(14, 0).atZone(PARIS).toInstant();
                    out.add(new Training("paf-" + a.code() + "-" + m + "-" + tools[tool].value(), "PAF : " + tools[tool].value(),
                            TrainingKind.PAF_SESSION, a, Set.of(tools[tool]), start, start.plus(Duration.ofHours(3)),
                            "Réseau Canopé", null));
                }
            }
        }
        return out;
    }

    /** BusNums based at the establishments nearest each académie's centre. */
    private void placeBuses(List<Establishment> est) {
        if (s.busesPerAcademie() == 0) {
            return;
        }
        Map<Academie, List<Establishment>> byAcademie = new TreeMap<>();
        est.forEach(e -> byAcademie.computeIfAbsent(e.academie(), k -> new ArrayList<>()).add(e));
        byAcademie.forEach((a, list) -> {
            double lat = list.stream().mapToDouble(e -> e.location().latitude()).average().orElse(0);
            double lon = list.stream().mapToDouble(e -> e.location().longitude()).average().orElse(0);
            GeoPoint centre = GeoPoint.of(lat, lon);
            List<Establishment> nearest = list.stream()
                    .sorted(java.util.Comparator.comparingDouble(e -> e.location().distanceKm(centre))).limit(s.busesPerAcademie()).toList();
            int i = 0;
            for (Establishment home : nearest) {
                Bus bus = Bus.of(BusId.of("busnum-" + a.code() + "-" + i++), "BusNum " + a.name(), home.location(), 80,
                        Set.of("tablettes", "vidéoprojecteur"), 12);
                sn.busNum().add(HOST, bus);
                buses.computeIfAbsent(a, k -> new ArrayList<>()).add(bus);
            }
        });
    }

    // --- the year

    private static LocalDate weekday(LocalDate d) {
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** A school-day instant: a weekday from September to June, outside the Christmas and summer breaks, 8:00–18:00. */
    private Instant schoolTime() {
        long days = Duration.between(YEAR_START, LAST.atEndOfMonth().atStartOfDay(ZoneOffset.UTC).toInstant()).toDays();
        while (true) {
            LocalDate d = YEAR_START.atZone(PARIS).toLocalDate().plusDays(r.nextLong(days));
            boolean christmas = d.getMonthValue() == 12 && d.getDayOfMonth() >= 19 || d.getMonthValue() == 1 && d.getDayOfMonth() < 4;
            if (d.getDayOfWeek().getValue() <= 5 && !christmas) {
                return d.atTime(8, 0).atZone(PARIS).toInstant().plus(Duration.ofMinutes(r.nextInt(600)));
            }
        }
    }

    private Duration logNormal(double medianMinutes, double sigma) {
        double z = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        return Duration.ofMinutes(Math.max(1, Math.round(medianMinutes * Math.exp(sigma * z))));
    }

    private void planYear() {
        long needs = Math.round(ids.length * s.needsPerMember());
        for (long i = 0; i < needs; i++) {
            int m = r.nextInt(ids.length);
            at(schoolTime(), () -> need(m));
        }
        long pix = Math.round(ids.length * s.pixShare());
        for (long i = 0; i < pix; i++) {
            int m = r.nextInt(ids.length);
            at(schoolTime(), () -> pix(m));
        }
        for (Instant day = YEAR_START.plus(Duration.ofHours(17)); day.isBefore(YEAR_END); day = day.plus(Duration.ofDays(1))) {
            at(day, () -> counts.merge("expired", (long) sn.tickets().expireDue(HOST), Long::sum));
        }
        // the reminders of events (the day before, an hour before): every hour at half past, as a host's poll sends them
        for (Instant hour = YEAR_START.plus(Duration.ofMinutes(30)); hour.isBefore(YEAR_END); hour = hour.plus(Duration.ofHours(1))) {
            at(hour, () -> counts.merge("reminders", (long) sn.events().sendReminders(HOST), Long::sum));
        }
    }

    /** A tool the member needs help with: one they declared below ex-pair, else a popular one they did not declare. */
    private int toolNeeded(int m) {
        List<Integer> below = new ArrayList<>();
        for (int i = 0; i < skillTools[m].length; i++) {
            if (skillLevels[m][i] < 2) {
                below.add((int) skillTools[m][i]);
            }
        }
        if (!below.isEmpty()) {
            return below.get(r.nextInt(below.size()));
        }
        return search(toolCumulative, r.nextDouble());
    }

    private void need(int m) {
        MemberId id = ids[m];
        int toolIndex = toolNeeded(m);
        ToolId tool = tools[toolIndex];
        List<Training> shown = sn.trainings().forMember(id, Set.of(tool));
        if (!shown.isEmpty() && r.nextDouble() < s.shareChooseTraining()) {
            Training chosen = shown.get(0);
            sn.trainings().follow(id, chosen);
            count("trainings.chosen");
            if (r.nextDouble() < 0.75) {
                at(chosen.end().plus(Duration.ofHours(2)), () -> {
                    sn.trainings().declareAttended(id, chosen);
                    count("trainings.attended");
                    if (r.nextDouble() < 0.3) {
                        levelUp(m, toolIndex);
                    }
                });
            }
            return;
        }
        TicketNum t = sn.tickets().open(id, TicketRequest.builder(tool).text("Besoin d'un accompagnement")
                .radiusKm(s.radiusKm()).declinedTrainings(shown.stream().map(Training::id).toList()).build());
        count("tickets");
        counts.merge("alerts", (long) t.alerts().size(), Long::sum);
        for (Alert a : t.alerts()) {
            if (r.nextDouble() < s.offerProbability()) {
                Instant when = clock.now.plus(logNormal(240, 1.2));
                if (when.isBefore(t.expiresAt())) {
                    at(when, () -> offer(m, toolIndex, t.id(), a.helper()));
                }
            }
        }
    }

    private void offer(int requester, int toolIndex, TicketId ticket, MemberId helper) {
        sn.tickets().offer(helper, ticket, "Je peux vous aider");
        count("offers");
        if (!accepted.contains(ticket) && r.nextDouble() < 0.9) {
            accepted.add(ticket);
            at(clock.now.plus(logNormal(120, 1.0)), () -> {
                sn.tickets().accept(ids[requester], ticket, helper);
                count("accepted");
                if (r.nextDouble() < 0.6) {
                    at(clock.now.plus(Duration.ofHours(1)), () -> workshop(requester, toolIndex, ticket, helper));
                }
            });
        }
    }

    private void workshop(int requester, int toolIndex, TicketId ticket, MemberId helper) {
        Establishment venue = places.list().get(memberEst[requester]);
        Bus bus = null;
        if (r.nextDouble() < s.busShare()) {
            double best = Double.MAX_VALUE;
            for (Bus b : buses.getOrDefault(venue.academie(), List.of())) {
                double d = b.home().distanceKm(venue.location());
                if (d <= b.operatingRadiusKm() && d < best) {
                    best = d;
                    bus = b;
                }
            }
        }
        LocalDate day = weekday(clock.now.atZone(PARIS).toLocalDate().plusDays(3 + r.nextInt(12)));
        Event e = null;
        for (int attempt = 0; attempt < 4 && e == null; attempt++) {
            Instant start = day.atTime(14, 0).atZone(PARIS).toInstant();
            EventRequest.Builder b = EventRequest.fromTicket(ticket).title("Atelier " + tools[toolIndex].value()).start(start)
                    .duration(Duration.ofHours(2)).capacity(12).atEstablishment(venue.uai());
            if (bus != null) {
                b.onBus(bus.id());
            }
            try {
                e = sn.events().create(helper, b.build());
            } catch (ShareNumException refused) {
                count("workshop.retried." + refused.code());
                day = weekday(day.plusDays(1));
                bus = attempt >= 1 ? null : bus;               // the bus is taken: a venue of its own next time
            }
        }
        if (e == null) {
            return;
        }
        count(e.bus() != null ? "workshops.busnum" : "workshops");
        Event event = sn.events().confirm(helper, e.id());
        int[] colleagues = staff[memberEst[requester]];
        List<MemberId> registered = new ArrayList<>();
        for (int k = 0; k < Math.min(8, colleagues.length); k++) {
            int c = colleagues[r.nextInt(colleagues.length)];
            if (c != requester && !ids[c].equals(helper) && !registered.contains(ids[c]) && r.nextDouble() < 0.4) {
                try {
                    sn.events().register(ids[c], event.id());
                    registered.add(ids[c]);
                } catch (ShareNumException refused) {
                    count("refused." + refused.code());
                }
            }
        }
        counts.merge("registrations", (long) registered.size(), Long::sum);
        at(event.end().plus(Duration.ofHours(1)), () -> held(requester, toolIndex, event.id(), helper, registered));
    }

    private void held(int requester, int toolIndex, fr.sharenum.model.EventId event, MemberId helper, List<MemberId> registered) {
        sn.events().markHeld(helper, event);
        Set<MemberId> present = new HashSet<>();
        for (MemberId m : registered) {
            if (r.nextDouble() < 0.8) {
                present.add(m);
            }
        }
        sn.events().markAttendance(helper, event, present);
        counts.merge("attended", (long) present.size(), Long::sum);
        for (MemberId m : present) {
            if (r.nextDouble() < 0.5) {
                sn.events().giveFeedback(m, event, 3 + r.nextInt(3), "");
                count("feedback");
            }
        }
        if (r.nextDouble() < 0.5) {
            levelUp(requester, toolIndex);
        }
    }

    /** The member moves up one level on the tool (declaring it as a novice first when they had not). */
    private void levelUp(int m, int toolIndex) {
        Member now = sn.members().get(HOST, ids[m]);
        CompetenceLevel level = now.levelOn(tools[toolIndex]).orElse(null);
        CompetenceLevel next = level == null ? CompetenceLevel.NOVICE : level == CompetenceLevel.NOVICE ? CompetenceLevel.INTERMEDIATE
                : level == CompetenceLevel.INTERMEDIATE && r.nextDouble() < 0.4 ? CompetenceLevel.EXPERIENCED : null;
        if (next != null) {
            sn.members().setSkill(HOST, ids[m], now.version(), new Skill(tools[toolIndex], next));
            count("levels.up");
        }
    }

    private void pix(int m) {
        Member now = sn.members().get(HOST, ids[m]);
        if (now.pix() != null) {
            return;
        }
        String code = "P-" + Long.toString(Math.abs(r.nextLong()) % 2_821_109_907_456L, 36).toUpperCase();
        code = "P-" + (code.substring(2) + "00000000").substring(0, 8);
        sn.members().recordPix(HOST, ids[m], now.version(), new PixCertification(150 + r.nextInt(600),
                clock.now.atZone(PARIS).toLocalDate(), code));
        count("pix");
    }
}

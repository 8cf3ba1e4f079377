package fr.sharenum.benchmarks;

import fr.sharenum.model.Actor;
import fr.sharenum.IndicatorReport;
import fr.sharenum.ShareNum;
import fr.sharenum.Territory;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Alert;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.EventStatusChange;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Offer;
import fr.sharenum.model.OfferStatus;
import fr.sharenum.model.Registration;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.StatusChange;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Venue;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The académie's view at national scale: every académie's indicators over a school year. A year of
 * national activity (synthetic: {@code tickets} tickets, a fifth of them leading to an event) is written
 * to the store through the SPI, ShareNum builds its aggregates from it, then each call computes the
 * reports of all 34 académies for September to August.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class IndicatorsBenchmark {

    @Param({"100000"})
    public int members;

    @Param({"60000"})
    public int tickets;

    private ShareNum sharenum;
    private static final YearMonth FROM = YearMonth.of(2026, 9);
    private static final YearMonth TO = YearMonth.of(2027, 8);

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticFrance d = Datasets.national(members);
        SplittableRandom r = new SplittableRandom(2026);
        ShareNumStore store = ShareNum.inMemoryStore();
        Instant yearStart = Instant.parse("2026-09-01T08:00:00Z");
        store.inTransaction(t -> {
            for (int e = 0; e < d.establishmentCount; e++) {
                Academie a = Academie.of(d.estUai[e]).orElse(Academie.PARIS);
                t.establishments().orElseThrow().put(new Establishment(d.estUai[e], "Établissement " + e, EstablishmentType.COLLEGE, a,
                        d.location(e)));
            }
            for (int m = 0; m < d.memberCount; m++) {
                Map<ToolId, Skill> skills = new HashMap<>();
                for (int k = d.skillStart[m]; k < d.skillStart[m + 1]; k++) {
                    ToolId tool = d.tools[d.skillTool[k]];
                    skills.put(tool, new Skill(tool, CompetenceLevel.values()[d.skillLevel[k]]));
                }
                t.members().orElseThrow().insert(new Member(d.memberIds[m], "Membre " + m, Email.of("m" + m + "@ac-paris.fr"),
                        d.estUai[d.memberEst[m]], Role.TEACHER_SECONDARY, Set.of(), skills, Set.of(), Set.of(),
                        MemberStatus.ACTIVE, yearStart, 1));
            }
            for (int i = 0; i < tickets; i++) {
                int requester = r.nextInt(d.memberCount);
                Instant opened = yearStart.plus(Duration.ofMinutes(r.nextLong(365L * 24 * 60)));
                ToolId tool = d.tools[r.nextInt(20)];
                List<Alert> alerts = new ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    alerts.add(new Alert(d.memberIds[r.nextInt(d.memberCount)], tool, CompetenceLevel.EXPERIENCED, r.nextInt(30)));
                }
                List<StatusChange> history = new ArrayList<>(List.of(new StatusChange(TicketStatus.OPEN, opened)));
                List<Offer> offers = new ArrayList<>();
                TicketStatus status = TicketStatus.OPEN;
                MemberId helper = null;
                double roll = r.nextDouble();
                if (roll < 0.7) {
                    Instant offerAt = opened.plus(Duration.ofMinutes(10 + r.nextInt(2000)));
                    helper = alerts.get(0).helper();
                    offers.add(new Offer(helper, "oui", offerAt, roll < 0.5 ? OfferStatus.ACCEPTED : OfferStatus.PENDING));
                    history.add(new StatusChange(TicketStatus.OFFERS_RECEIVED, offerAt));
                    status = TicketStatus.OFFERS_RECEIVED;
                    if (roll < 0.5) {
                        Instant accepted = offerAt.plus(Duration.ofMinutes(30 + r.nextInt(3000)));
                        history.add(new StatusChange(TicketStatus.HELPER_ACCEPTED, accepted));
                        status = TicketStatus.HELPER_ACCEPTED;
                        if (roll < 0.2) {
                            history.add(new StatusChange(TicketStatus.SCHEDULED, accepted.plus(Duration.ofDays(2))));
                            status = TicketStatus.SCHEDULED;
                        }
                    } else {
                        helper = null;
                    }
                } else if (roll < 0.85) {
                    history.add(new StatusChange(TicketStatus.EXPIRED, opened.plus(Duration.ofDays(30))));
                    status = TicketStatus.EXPIRED;
                }
                int est = d.memberEst[requester];
                TicketNum ticket = new TicketNum(TicketId.of("t" + i), d.memberIds[requester], d.estUai[est], d.location(est),
                        Set.of(tool), TicketKind.ACCOMPANIMENT, "aide", 30, opened, opened.plus(Duration.ofDays(30)), status,
                        List.of(), false, alerts, offers, helper, history, 1);
                t.tickets().orElseThrow().insert(ticket);
                if (status == TicketStatus.SCHEDULED) {
                    Instant start = opened.plus(Duration.ofDays(7));
                    List<Registration> seats = new ArrayList<>();
                    for (int k = 0; k < 1 + r.nextInt(8); k++) {
                        seats.add(new Registration(d.memberIds[r.nextInt(d.memberCount)], start.minus(Duration.ofDays(1))));
                    }
                    t.events().orElseThrow().insert(new Event(EventId.of("e" + i), EventKind.WORKSHOP, "Atelier", "", Set.of(tool), Set.of(), start,
                            Duration.ofHours(2), 10, List.of(helper, d.memberIds[requester]), Venue.of(t.establishments().orElseThrow().get(d.estUai[est])
                            .orElseThrow()), null, ticket.id(), 30, EventStatus.HELD, seats, List.of(), 0,
                            List.of(new EventStatusChange(EventStatus.PLANNED, opened), new EventStatusChange(EventStatus.CONFIRMED, opened),
                                    new EventStatusChange(EventStatus.HELD, start.plus(Duration.ofHours(2)))), 1));
                }
            }
            return null;
        });
        long t0 = System.nanoTime();
        sharenum = ShareNum.builder().store(store).build();
        System.out.printf("%nindicators: %d members, %d tickets; ShareNum built its aggregates in %.1f s%n", members, tickets,
                (System.nanoTime() - t0) / 1e9);
    }

    @Benchmark
    public void everyAcademieOverAYear(Blackhole bh) {
        for (Academie a : Academie.values()) {
            IndicatorReport report = sharenum.indicators().report(Actor.host("benchmark"), Territory.of(a), FROM, TO);
            bh.consume(report);
        }
    }
}

package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.Alert;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusBookingException;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Registration;
import fr.sharenum.model.ShareNumException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Venue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.BEAUNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads use the whole facade at once — registering, opening tickets, offering, accepting,
 * booking the BusNum, registering to events — then every invariant is checked and nothing is lost.
 */
class FacadeStressTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final List<Establishment> SCHOOLS = List.of(CARNOT, NUITS, AUXONNE, BEAUNE);
    private static final BusId BUS = BusId.of("busnum-21");

    private final Fixture f = new Fixture();
    private final ShareNum sn = f.sharenum;
    private final Map<String, AtomicInteger> actions = new ConcurrentHashMap<>();
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();

    private void count(String action) {
        actions.computeIfAbsent(action, k -> new AtomicInteger()).incrementAndGet();
    }

    @Test
    void concurrent_use_of_the_whole_facade_keeps_every_invariant() throws Exception {
        sn.busNum().add(Fixture.HOST, Bus.of(BUS, "BusNum", CARNOT.location(), 80, Set.of(), 10));
        List<Member> experts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            experts.add(f.active("Expert " + i, SCHOOLS.get(i % 4), new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED)));
        }
        List<Member> members = new CopyOnWriteArrayList<>();
        List<Event> events = new CopyOnWriteArrayList<>();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            done.add(pool.submit(() -> {
                SplittableRandom r = new SplittableRandom(worker);
                go.await();
                for (int i = 0; i < 60; i++) {
                    try {
                        step(r, worker, i, experts, members, events);
                    } catch (ShareNumException expected) {
                        count("refused " + expected.getClass().getSimpleName());
                    } catch (Throwable t) {
                        unexpected.add(t);
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> d : done) {
            d.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(unexpected).isEmpty();
        // events: capacity never exceeded, nobody twice, nobody both seated and waiting, organisers never registered
        for (Event e : events) {
            Event now = sn.events().get(Fixture.HOST, e.id());
            assertThat(now.registered().size()).isLessThanOrEqualTo(now.capacity());
            List<MemberId> all = new ArrayList<>();
            now.registered().forEach(x -> all.add(x.member()));
            now.waitlist().forEach(x -> all.add(x.member()));
            assertThat(new HashSet<>(all)).hasSameSizeAs(all);
            assertThat(all).doesNotContainAnyElementsOf(now.organisers());
            if (now.seatsLeft() > 0) {
                assertThat(now.waitlist()).isEmpty();
            }
            List<Instant> waits = now.waitlist().stream().map(Registration::at).toList();
            assertThat(waits).isSorted();
        }
        // the bus: no two bookings closer than tear-down + drive + set-up
        List<BusBooking> bookings = sn.busNum().bookings(Fixture.HOST, BUS, LocalDate.of(2026, 11, 1), 1_000);
        for (int i = 0; i + 1 < bookings.size(); i++) {
            BusBooking a = bookings.get(i);
            BusBooking b = bookings.get(i + 1);
            double km = a.venue().location().distanceKm(b.venue().location());
            Duration gap = Duration.ofMinutes(30 + 45).plusSeconds((long) Math.ceil(km / 50 * 3600));
            assertThat(a.onSite().end().plus(gap)).as("bus between %s and %s", a.event(), b.event())
                    .isBeforeOrEqualTo(b.onSite().start());
        }
        // tickets: each alerted member qualified and within the radius
        for (Member m : members) {
            for (TicketNum t : sn.tickets().openedBy(m.id(), m.id())) {
                for (Alert a : t.alerts()) {
                    Member helper = sn.members().get(Fixture.HOST, a.helper());
                    assertThat(helper.levelOn(CAPYTALE).orElseThrow()).isGreaterThanOrEqualTo(CompetenceLevel.INTERMEDIATE);
                    double km = t.origin().distanceKm(sn.establishments().get(Actor.anonymous(), helper.establishment()).location());
                    assertThat(km).isLessThanOrEqualTo(t.radiusKm());
                }
            }
        }
        // nothing lost: every notification was delivered, none waits, none died
        assertThat(sn.outbox().failed(Fixture.HOST)).isEmpty();
        assertThat(sn.outbox().deadLetters(Fixture.HOST)).isEmpty();
        assertThat(actions.get("open")).isNotNull();
        assertThat(actions.get("book")).isNotNull();
        System.err.println("facade stress: " + actions);
    }

    private void step(SplittableRandom r, int worker, int i, List<Member> experts, List<Member> members, List<Event> events) {
        switch (r.nextInt(6)) {
            case 0 -> {
                Member m = f.active("W" + worker + " M" + i, SCHOOLS.get(r.nextInt(4)),
                        new Skill(CAPYTALE, CompetenceLevel.values()[r.nextInt(3)]));
                members.add(m);
                count("register");
            }
            case 1 -> {
                if (members.isEmpty()) {
                    return;
                }
                Member m = members.get(r.nextInt(members.size()));
                TicketNum t = sn.tickets().open(m.id(), TicketRequest.builder(CAPYTALE).text("aide " + i).radiusKm(40).build());
                count("open");
                if (!t.alerts().isEmpty()) {
                    MemberId helper = t.alerts().get(r.nextInt(t.alerts().size())).helper();
                    sn.tickets().offer(helper, t.id(), "oui");
                    count("offer");
                    sn.tickets().accept(m.id(), t.id(), helper);
                    count("accept");
                }
            }
            case 2, 3 -> {
                Member organiser = experts.get(r.nextInt(experts.size()));
                Instant start = Instant.parse("2026-12-01T08:00:00Z").plus(Duration.ofDays(r.nextInt(10)))
                        .plus(Duration.ofHours(r.nextInt(8)));
                Establishment at = SCHOOLS.get(r.nextInt(4));
                try {
                    Event e = sn.events().create(organiser.id(), EventRequest.direct().title("Atelier " + worker + "-" + i)
                            .tools(CAPYTALE).start(start).duration(Duration.ofHours(2)).capacity(1 + r.nextInt(4))
                            .at(Venue.of(at)).onBus(BUS).build());
                    events.add(sn.events().confirm(organiser.id(), e.id()));
                    count("book");
                } catch (BusBookingException refused) {
                    count("bus refused " + refused.reason());
                }
            }
            default -> {
                if (events.isEmpty() || members.isEmpty()) {
                    return;
                }
                Event e = events.get(r.nextInt(events.size()));
                Member m = members.get(r.nextInt(members.size()));
                try {
                    sn.events().register(m.id(), e.id());
                    count("attend");
                    if (r.nextInt(4) == 0) {
                        sn.events().unregister(m.id(), e.id());
                        count("withdraw");
                    }
                } catch (DuplicateException | NotAllowedException | IllegalTransitionException refused) {
                    count("attend refused");
                }
            }
        }
    }
}

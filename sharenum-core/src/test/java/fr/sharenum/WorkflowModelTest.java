package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.Alert;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Registration;
import fr.sharenum.model.ShareNumException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.StatusChange;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Venue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.BEAUNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.LYON;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model-based test: random sequences of workflow actions from many members (jqwik action chains).
 * After every action: capacity never exceeded, waitlist order kept and equal to a shadow model, a bus
 * never double-booked, each ticket in exactly one state reached by legal moves, every alerted member
 * qualified and within the radius. Refusals are expected; anything else fails the property.
 */
class WorkflowModelTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final BusId BUS = BusId.of("busnum-21");
    private static final List<Establishment> SCHOOLS = List.of(CARNOT, NUITS, AUXONNE, BEAUNE, LYON);

    /** The system under test and a shadow model of event seats and waitlists. */
    static final class World {
        final Fixture f;
        final List<Member> members = new ArrayList<>();
        final List<TicketNum> tickets = new ArrayList<>();
        final List<EventId> events = new ArrayList<>();
        final Map<EventId, List<MemberId>> seats = new HashMap<>();
        final Map<EventId, List<MemberId>> waiting = new HashMap<>();
        final Map<EventId, Integer> capacity = new HashMap<>();

        World() {
            this(new Fixture());
        }

        /** A world on the storage kernel alone: ShareNum builds every aggregate on versioned documents. */
        static World onKernel() {
            return new World(new Fixture(b -> b.store(new fr.sharenum.core.internal.InMemoryDocumentStore())));
        }

        World(Fixture fixture) {
            this.f = fixture;
            f.sharenum.busNum().add(Fixture.HOST, Bus.of(BUS, "BusNum", CARNOT.location(), 60, Set.of(), 8));
            for (int i = 0; i < 10; i++) {
                members.add(f.active("Membre " + i, SCHOOLS.get(i % SCHOOLS.size()),
                        new Skill(CAPYTALE, CompetenceLevel.values()[i % 3])));
            }
        }

        Member member(int i) {
            return members.get(i % members.size());
        }

        void attempt(Runnable action) {
            try {
                action.run();
            } catch (ShareNumException refused) {
                // a documented refusal: the invariants below check that it changed nothing harmful
            }
        }

        void openTicket(int who, int radius) {
            attempt(() -> tickets.add(f.sharenum.tickets().open(member(who).id(), TicketRequest.builder(CAPYTALE)
                    .text("aide").radiusKm(radius).build())));
        }

        void offerAndAccept(int ticket, int alert, boolean accept) {
            if (tickets.isEmpty()) {
                return;
            }
            TicketNum t = f.sharenum.tickets().get(Fixture.HOST, tickets.get(ticket % tickets.size()).id());
            if (t.alerts().isEmpty()) {
                return;
            }
            MemberId helper = t.alerts().get(alert % t.alerts().size()).helper();
            attempt(() -> f.sharenum.tickets().offer(helper, t.id(), "oui"));
            if (accept) {
                attempt(() -> f.sharenum.tickets().accept(t.requester(), t.id(), helper));
            }
        }

        void cancelTicket(int ticket) {
            if (!tickets.isEmpty()) {
                TicketNum t = tickets.get(ticket % tickets.size());
                attempt(() -> f.sharenum.tickets().cancel(t.requester(), t.id()));
            }
        }

        void createEvent(int who, int day, int hour, int cap, boolean onBus, int where) {
            Establishment at = SCHOOLS.get(where % SCHOOLS.size());
            EventRequest.Builder b = EventRequest.direct().title("Atelier").tools(CAPYTALE)
                    .start(f.clock.instant().plus(Duration.ofDays(1 + day)).plus(Duration.ofHours(hour)))
                    .duration(Duration.ofHours(2)).capacity(cap).at(Venue.of(at));
            if (onBus) {
                b.onBus(BUS);
            }
            attempt(() -> {
                Event e = f.sharenum.events().create(member(who).id(), b.build());
                events.add(e.id());
                seats.put(e.id(), new ArrayList<>());
                waiting.put(e.id(), new ArrayList<>());
                capacity.put(e.id(), cap);
            });
        }

        EventId event(int i) {
            return events.get(i % events.size());
        }

        void confirm(int event) {
            if (!events.isEmpty()) {
                Event e = f.sharenum.events().get(Fixture.HOST, event(event));
                attempt(() -> f.sharenum.events().confirm(e.organisers().get(0), e.id()));
            }
        }

        void register(int event, int who) {
            if (events.isEmpty()) {
                return;
            }
            EventId id = event(event);
            MemberId m = member(who).id();
            try {
                f.sharenum.events().register(m, id);
                if (seats.get(id).size() < capacity.get(id)) {
                    seats.get(id).add(m);
                } else {
                    waiting.get(id).add(m);
                }
            } catch (ShareNumException refused) {
                // organiser, already there, not confirmed, started…
            }
        }

        void unregister(int event, int who) {
            if (events.isEmpty()) {
                return;
            }
            EventId id = event(event);
            MemberId m = member(who).id();
            try {
                f.sharenum.events().unregister(m, id);
                seats.get(id).remove(m);
                waiting.get(id).remove(m);
                while (seats.get(id).size() < capacity.get(id) && !waiting.get(id).isEmpty()) {
                    seats.get(id).add(waiting.get(id).remove(0));
                }
            } catch (ShareNumException refused) {
                // not registered, event over…
            }
        }

        void cancelEvent(int event) {
            if (!events.isEmpty()) {
                Event e = f.sharenum.events().get(Fixture.HOST, event(event));
                attempt(() -> f.sharenum.events().cancel(e.organisers().get(0), e.id()));
            }
        }

        void advance(int hours) {
            f.clock.advance(Duration.ofHours(hours));
            f.sharenum.tickets().expireDue(Fixture.HOST);
        }

        void checkInvariants() {
            for (EventId id : events) {
                Event e = f.sharenum.events().get(Fixture.HOST, id);
                assertThat(e.registered().size()).isLessThanOrEqualTo(e.capacity());
                assertThat(e.registered().stream().map(Registration::member).toList()).isEqualTo(seats.get(id));
                assertThat(e.waitlist().stream().map(Registration::member).toList()).isEqualTo(waiting.get(id));
                assertThat(e.waitlist().stream().map(Registration::at).toList()).isSorted();
            }
            List<BusBooking> bookings = f.sharenum.busNum().bookings(Fixture.HOST, BUS, LocalDate.of(2026, 1, 1), 1_000);
            for (int i = 0; i + 1 < bookings.size(); i++) {
                BusBooking a = bookings.get(i);
                BusBooking b = bookings.get(i + 1);
                double km = a.venue().location().distanceKm(b.venue().location());
                Duration gap = Duration.ofMinutes(75).plusSeconds((long) Math.ceil(km / 50 * 3600));
                assertThat(a.onSite().end().plus(gap)).isBeforeOrEqualTo(b.onSite().start());
            }
            for (BusBooking b : bookings) {
                assertThat(f.sharenum.events().get(Fixture.HOST, b.event()).status().isActive()).isTrue();
            }
            for (TicketNum known : tickets) {
                TicketNum t = f.sharenum.tickets().get(Fixture.HOST, known.id());
                List<StatusChange> h = t.history();
                assertThat(h.get(h.size() - 1).status()).isEqualTo(t.status());
                for (int i = 0; i + 1 < h.size(); i++) {
                    assertThat(h.get(i).status().canMoveTo(h.get(i + 1).status())).isTrue();
                }
                Set<MemberId> alerted = new LinkedHashSet<>();
                for (Alert a : t.alerts()) {
                    assertThat(alerted.add(a.helper())).isTrue();
                    Member helper = f.sharenum.members().get(Fixture.HOST, a.helper());
                    assertThat(helper.levelOn(CAPYTALE).orElseThrow()).isGreaterThanOrEqualTo(CompetenceLevel.INTERMEDIATE);
                    assertThat(t.origin().distanceKm(f.sharenum.establishments().get(Actor.anonymous(), helper.establishment()).location()))
                            .isLessThanOrEqualTo(t.radiusKm());
                    assertThat(a.helper()).isNotEqualTo(t.requester());
                }
                if (t.status() == TicketStatus.HELPER_ACCEPTED || t.status() == TicketStatus.SCHEDULED) {
                    assertThat(t.acceptedHelper()).isNotNull();
                }
            }
            for (EventId id : events) {
                Event e = f.sharenum.events().get(Fixture.HOST, id);
                if (e.status() == EventStatus.CANCELLED) {
                    assertThat(bookings).noneMatch(b -> b.event().equals(id));
                }
            }
        }
    }

    private static Action.Independent<World> action(Arbitrary<Transformer<World>> t) {
        return () -> t;
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return chains(World::new);
    }

    @Provide
    Arbitrary<ActionChain<World>> kernelChains() {
        return chains(World::onKernel);
    }

    private Arbitrary<ActionChain<World>> chains(java.util.function.Supplier<World> start) {
        Arbitrary<Integer> i = Arbitraries.integers().between(0, 50);
        return ActionChain.<World>startWith(start)
                .withAction(3, action(Combinators.combine(i, Arbitraries.of(10, 30, 100))
                        .as((who, r) -> Transformer.mutate("open ticket " + who + " r" + r, w -> w.openTicket(who, r)))))
                .withAction(3, action(Combinators.combine(i, i, Arbitraries.of(true, false))
                        .as((t, a, acc) -> Transformer.mutate("offer " + t + "/" + a + (acc ? " and accept" : ""),
                                w -> w.offerAndAccept(t, a, acc)))))
                .withAction(1, action(i.map(t -> Transformer.mutate("cancel ticket " + t, w -> w.cancelTicket(t)))))
                .withAction(3, action(Combinators.combine(i, Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(1, 3), Arbitraries.of(true, false), i)
                        .as((who, day, hour, cap, bus, where) -> Transformer.mutate("event by " + who + " day " + day + " h" + hour
                                + " cap " + cap + (bus ? " on bus" : "") + " at " + where,
                                w -> w.createEvent(who, day, hour, cap, bus, where)))))
                .withAction(2, action(i.map(e -> Transformer.mutate("confirm " + e, w -> w.confirm(e)))))
                .withAction(5, action(Combinators.combine(i, i).as((e, m) -> Transformer.mutate("register " + m + " to " + e,
                        w -> w.register(e, m)))))
                .withAction(2, action(Combinators.combine(i, i).as((e, m) -> Transformer.mutate("unregister " + m + " from " + e,
                        w -> w.unregister(e, m)))))
                .withAction(1, action(i.map(e -> Transformer.mutate("cancel event " + e, w -> w.cancelEvent(e)))))
                .withAction(1, action(Arbitraries.of(1, 12, 24 * 5).map(h -> Transformer.mutate("advance " + h + " h",
                        w -> w.advance(h)))))
                .withMaxTransformations(40);
    }

    @Property(tries = 200)
    void random_workflows_keep_every_invariant(@ForAll("chains") ActionChain<World> chain) {
        chain.withInvariant("capacity, waitlist, bus, ticket states, alerts", World::checkInvariants).run();
    }

    @Property(tries = 80)
    void random_workflows_keep_every_invariant_on_the_storage_kernel(@ForAll("kernelChains") ActionChain<World> chain) {
        chain.withInvariant("capacity, waitlist, bus, ticket states, alerts", World::checkInvariants).run();
    }
}

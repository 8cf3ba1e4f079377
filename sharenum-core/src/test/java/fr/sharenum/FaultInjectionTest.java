package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.Member;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.TimeRange;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.StoreTransaction;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A persistence SPI that fails at every possible step of every workflow, in turn: after each failure
 * the store holds exactly what it held before the call, and the call succeeds once the store behaves.
 */
class FaultInjectionTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");

    /** The fault the store throws, standing for a lost database connection. */
    static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(String method) {
            super("injected fault in " + method);
        }
    }

    /** Wraps a store so that the n-th call of a transaction method, counted after arming, throws. */
    static final class FaultyStore implements ShareNumStore {
        private final ShareNumStore real;
        private final AtomicInteger countdown = new AtomicInteger(-1);
        final AtomicInteger injected = new AtomicInteger();

        FaultyStore(ShareNumStore real) {
            this.real = real;
        }

        private final Thread owner = Thread.currentThread();

        void failAt(int n) {
            countdown.set(n);
        }

        @Override
        public <T> T inTransaction(Function<StoreTransaction, T> work) {
            return real.inTransaction(t -> work.apply((StoreTransaction) faulty(t, StoreTransaction.class)));
        }

        /**
         * {@code target} behind a proxy that throws at the armed call; aggregates it hands out (every interface of the
         * store SPI) are wrapped the same way, so that every read and write of a workflow can fail in turn.
         */
        private Object faulty(Object target, Class<?> type) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
                // reading the change feed (an instance catching up) is not a step of the workflow: a failure there is
                // logged and left to the next catch-up, so it is not a fault point
                boolean feedRead = target instanceof fr.sharenum.spi.ChangeFeedStore && m.getName().equals("after")
                        || target instanceof StoreTransaction && m.getName().equals("changes");
                // faults hit the workflow's own thread, not the instance's background follower of the feed
                boolean workflow = Thread.currentThread() == owner;
                if (workflow && !feedRead && countdown.get() > 0 && countdown.decrementAndGet() == 0) {
                    injected.incrementAndGet();
                    throw new InjectedFault(m.getName());
                }
                Object result;
                try {
                    result = m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (result instanceof java.util.Optional<?> o && o.isPresent() && m.getReturnType() == java.util.Optional.class) {
                    java.lang.reflect.Type g = m.getGenericReturnType();
                    if (g instanceof java.lang.reflect.ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c
                            && c.isInterface() && c.getPackageName().equals("fr.sharenum.spi")) {
                        return java.util.Optional.of(faulty(o.get(), c));
                    }
                }
                return result;
            });
        }
    }

    private final ShareNumStore memory = ShareNum.inMemoryStore();
    private final FaultyStore faulty = new FaultyStore(memory);
    private final Fixture f = new Fixture(b -> b.store(faulty));
    private final List<String> report = new ArrayList<>();

    /** Everything the store holds, as text, in a stable order. */
    private List<String> snapshot() {
        return memory.inTransaction(st -> {
            fr.sharenum.core.internal.Tx t = fr.sharenum.core.internal.Tx.of(st);
            TreeSet<String> rows = new TreeSet<>();
            Instant from = Instant.EPOCH;
            Instant to = Instant.parse("9999-01-01T00:00:00Z");
            t.forEachEstablishment(e -> rows.add("E " + e));
            t.forEachMember(m -> {
                rows.add("M " + m);
                t.verification(m.id()).ifPresent(v -> rows.add("V " + v));
                t.availability(m.id()).ifPresent(a -> rows.add("A " + m.id() + " " + a));
                for (TicketNum tk : t.ticketsOf(m.id())) {
                    rows.add("T " + tk);
                    t.messages(tk.id(), 0, Integer.MAX_VALUE).forEach(msg -> rows.add("C " + msg));
                }
            });
            t.eventsOverlapping(from, to).forEach(e -> rows.add("EV " + e));
            for (Bus b : t.buses()) {
                rows.add("B " + b);
                t.bookings(b.id(), from, to).forEach(bk -> rows.add("BK " + bk));
            }
            t.dueNotifications(to, Integer.MAX_VALUE).forEach(o -> rows.add("O " + o));
            t.deadLetters(Integer.MAX_VALUE).forEach(o -> rows.add("D " + o));
            return new ArrayList<>(rows);
        });
    }

    private <T> T underFaults(String name, Supplier<T> step) {
        for (int n = 1; ; n++) {
            List<String> before = snapshot();
            faulty.failAt(n);
            try {
                T result = step.get();
                faulty.failAt(-1);
                report.add(name + ": " + (n - 1));
                return result;
            } catch (InjectedFault expected) {
                faulty.failAt(-1);
                assertThat(snapshot()).as(name + " failing at store call " + n).isEqualTo(before);
            }
        }
    }

    @Test
    void every_workflow_leaves_the_store_unchanged_when_the_store_fails_at_any_step() {
        Member claire = underFaults("register", () -> f.pending("Claire", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE)));
        // the last fault hit the delivery after the commit: the verification waits in the outbox
        f.sharenum.outbox().retryNow(Fixture.HOST);
        String claireToken = f.tokenOf(claire);
        underFaults("verify", () -> f.sharenum.members().verify(Actor.anonymous(), claire.id(), claireToken));
        Member karim = f.active("Karim", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member paul = f.active("Paul", NUITS);
        underFaults("edit skill", () -> f.sharenum.members().setSkill(paul.id(), paul.id(), paul.version(), new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE)));
        underFaults("publish availability", () -> {
            f.sharenum.agenda().publish(claire.id(), claire.id(), fr.sharenum.model.Availability.builder()
                    .weekly(DayOfWeek.WEDNESDAY, TimeRange.of("13:00", "18:00")).build());
            return null;
        });
        Bus bus = underFaults("add bus", () -> f.sharenum.busNum().add(Fixture.HOST, Bus.of(BusId.of("busnum-21"), "BusNum",
                CARNOT.location(), 80, Set.of(), 12)));
        TicketNum ticket = underFaults("open ticket", () -> f.sharenum.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE)
                .text("Python").radiusKm(40).build()));
        underFaults("offer", () -> f.sharenum.tickets().offer(karim.id(), ticket.id(), "Je viens"));
        underFaults("accept", () -> f.sharenum.tickets().accept(claire.id(), ticket.id(), karim.id()));
        underFaults("post", () -> f.sharenum.tickets().post(karim.id(), ticket.id(), "À mercredi"));
        Event event = underFaults("book bus (create event)", () -> f.sharenum.events().create(karim.id(), EventRequest.fromTicket(ticket.id()).title("Capytale").start(Instant.parse("2026-12-02T13:00:00Z")).duration(Duration.ofHours(2))
                .capacity(1).atEstablishment(CARNOT.uai()).onBus(bus.id()).build()));
        underFaults("confirm event", () -> f.sharenum.events().confirm(claire.id(), event.id()));
        underFaults("register", () -> f.sharenum.events().register(paul.id(), event.id()));
        underFaults("reschedule", () -> f.sharenum.events().reschedule(karim.id(), event.id(), Instant.parse("2026-12-09T13:00:00Z"), null));
        underFaults("unregister", () -> f.sharenum.events().unregister(paul.id(), event.id()));
        Event cancelled = underFaults("cancel event", () -> f.sharenum.events().cancel(karim.id(), event.id()));
        underFaults("complete ticket", () -> f.sharenum.tickets().complete(claire.id(), ticket.id()));

        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(f.sharenum.tickets().get(Fixture.HOST, ticket.id()).status()).isEqualTo(TicketStatus.DONE);
        assertThat(report).allSatisfy(r -> assertThat(Integer.parseInt(r.substring(r.lastIndexOf(' ') + 1))).isPositive());
        assertThat(faulty.injected.get()).isGreaterThan(100);
        System.err.println("store fault points per workflow: " + report + "; faults injected: " + faulty.injected.get());
    }
}

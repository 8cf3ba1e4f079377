package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.Member;
import fr.sharenum.model.Skill;
import fr.sharenum.spi.EventStore;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.StoreTransaction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static fr.sharenum.BadgeTalliesCases.CAPYTALE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link BadgeTalliesCases} on each store: in memory, H2, PostgreSQL (skipped when not installed). */
class BadgeTalliesTest {
    @Nested
    class InMemory extends BadgeTalliesCases {
        InMemory() {
            super(Stores.MEMORY);
        }
    }

    @Nested
    class OnH2 extends BadgeTalliesCases {
        OnH2() {
            super(Stores.H2);
        }
    }

    @Nested
    class OnPostgresql extends BadgeTalliesCases {
        OnPostgresql() {
            super(Stores.POSTGRESQL);
        }
    }

    @Test
    void marking_an_event_held_reads_no_event_but_its_own() {
        AtomicInteger wholeHistory = new AtomicInteger();
        ShareNumStore store = counting(ShareNum.inMemoryStore(), wholeHistory);
        Fixture f = new Fixture(b -> b.store(store).badgeRules(BadgeRule.defaults()));
        try {
            Member paul = f.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Member lea = f.active("Léa Novice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            // the first event held in a store computes every tally once, from every event
            BadgeTalliesCases.hold(f, paul, BadgeTalliesCases.workshop(f, paul, 1));
            Event second = BadgeTalliesCases.workshop(f, paul, 2);
            f.sharenum.events().register(lea.id(), second.id());
            wholeHistory.set(0);

            BadgeTalliesCases.hold(f, paul, second);
            f.sharenum.events().markAttendance(paul.id(), second.id(), java.util.Set.of(lea.id()));

            assertThat(wholeHistory).hasValue(0);
            assertThat(BadgeTalliesCases.badges(f, paul)).containsExactly("premier-atelier");
            BadgeTalliesCases.assertTalliesAgree(store, List.of(paul.id(), lea.id()));
        } finally {
            f.sharenum.close();
        }
    }

    /** {@code real}, counting reads of every event since the epoch ({@code Engine.allEvents}) in {@code count}. */
    private static ShareNumStore counting(ShareNumStore real, AtomicInteger count) {
        return new ShareNumStore() {
            @Override
            public <T> T inTransaction(Function<StoreTransaction, T> work) {
                return real.inTransaction(t -> work.apply(wrap(t, count)));
            }

            @Override
            public <T> T inSnapshot(Function<StoreTransaction, T> work) {
                return real.inSnapshot(t -> work.apply(wrap(t, count)));
            }
        };
    }

    private static StoreTransaction wrap(StoreTransaction t, AtomicInteger count) {
        return (StoreTransaction) Proxy.newProxyInstance(StoreTransaction.class.getClassLoader(),
                new Class<?>[] {StoreTransaction.class}, (proxy, m, args) -> {
                    Object result = invoke(m, t, args);
                    if (m.getName().equals("events") && result instanceof Optional<?> o && o.isPresent()) {
                        EventStore events = (EventStore) o.get();
                        return Optional.of(Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                                new Class<?>[] {EventStore.class}, (p2, m2, a2) -> {
                                    if (m2.getName().equals("overlapping") && Instant.EPOCH.equals(a2[0])) {
                                        count.incrementAndGet();
                                    }
                                    return invoke(m2, events, a2);
                                }));
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

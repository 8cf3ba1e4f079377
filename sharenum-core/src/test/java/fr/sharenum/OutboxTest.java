package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Member;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.NotificationFailedException;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The transactional outbox: notifications are recorded with their state change and never lost nor duplicated. */
class OutboxTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");

    /** A notifier the test switches between working, down (transient) and refusing (permanent). */
    static final class Switchable implements Notifier {
        volatile String mode = "up";
        final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        final OutboxNotifier sink = new OutboxNotifier();

        @Override
        public void send(Notification n) {
            if (n instanceof Notification.VerificationRequested) {
                sink.send(n);
                return;
            }
            switch (mode) {
                case "down":
                    throw new NotificationFailedException("SMTP server unreachable", false);
                case "refuse":
                    throw new NotificationFailedException("mailbox does not exist", true);
                case "crash":
                    throw new OutOfMemoryError("simulated crash of the process during delivery");
                default:
                    if (n instanceof Notification.AlertDigest d) {
                        d.alerts().forEach(a -> delivered.computeIfAbsent(a.id(), k -> new AtomicInteger()).incrementAndGet());
                    } else {
                        delivered.computeIfAbsent(n.id(), k -> new AtomicInteger()).incrementAndGet();
                    }
            }
        }
    }

    private final Switchable notifier = new Switchable();
    private final ShareNumStore store = ShareNum.inMemoryStore();
    private final Fixture f = new Fixture(b -> b.store(store).notifier(notifier)
            .notificationRetries(3, Duration.ofMinutes(1), Duration.ofMinutes(10)));
    private final Member requester = f.activeVia(notifier.sink, "Rachel", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
    private final Member helper = f.activeVia(notifier.sink, "Hugo", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member other = f.activeVia(notifier.sink, "Alice", AUXONNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));

    private TicketNum open() {
        return f.sharenum.tickets().open(requester.id(), TicketRequest.builder(CAPYTALE).text("Python").radiusKm(40).build());
    }

    @Test
    void an_outage_delays_alerts_but_keeps_the_ticket_and_delivers_each_alert_once_later() {
        notifier.mode = "down";
        TicketNum t = open();

        assertThat(f.sharenum.tickets().get(Fixture.HOST, t.id()).alerts()).hasSize(2);
        assertThat(f.sharenum.outbox().failed(Fixture.HOST)).hasSize(2);
        notifier.mode = "up";
        assertThat(f.sharenum.outbox().deliverDue(Fixture.HOST)).isZero();   // backoff not over yet
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.sharenum.outbox().deliverDue(Fixture.HOST)).isEqualTo(2);
        assertThat(f.sharenum.outbox().failed(Fixture.HOST)).isEmpty();
        assertThat(notifier.delivered).containsKeys("alert:" + t.id() + ":" + helper.id(), "alert:" + t.id() + ":" + other.id());
        assertThat(notifier.delivered.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        assertThat(f.sharenum.outbox().deliverDue(Fixture.HOST)).isZero();
    }

    @Test
    void too_many_failures_or_a_permanent_one_make_an_inspectable_dead_letter_that_can_be_revived() {
        notifier.mode = "down";
        TicketNum t = open();
        for (int i = 0; i < 3; i++) {
            f.clock.advance(Duration.ofMinutes(30));
            f.sharenum.outbox().deliverDue(Fixture.HOST);
        }
        assertThat(f.sharenum.outbox().deadLetters(Fixture.HOST)).hasSize(2).allSatisfy(d -> {
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).contains("SMTP server unreachable");
        });

        notifier.mode = "refuse";
        f.sharenum.tickets().offer(helper.id(), t.id(), "Je peux aider");
        assertThat(f.sharenum.outbox().deadLetters(Fixture.HOST)).hasSize(3).anySatisfy(d -> {
            assertThat(d.notification()).isInstanceOf(Notification.OfferReceived.class);
            assertThat(d.attempts()).isEqualTo(1);
        });

        notifier.mode = "up";
        String id = f.sharenum.outbox().deadLetters(Fixture.HOST).get(0).id();
        assertThat(f.sharenum.outbox().revive(Fixture.HOST, id)).isTrue();
        assertThat(f.sharenum.outbox().revive(Fixture.HOST, "no-such-id")).isFalse();
        // a revived letter is due at once: the delivery worker (here the caller's thread) sends it
        assertThat(notifier.delivered).containsKey(id);
        assertThat(f.sharenum.outbox().deliverDue(Fixture.HOST)).isZero();
        assertThat(f.sharenum.outbox().deadLetters(Fixture.HOST)).hasSize(2);
    }

    @Test
    void a_crash_during_delivery_is_finished_by_another_instance_once_the_lease_ends() {
        notifier.mode = "crash";
        assertThatThrownBy(this::open).isInstanceOf(OutOfMemoryError.class);
        TicketNum t = f.sharenum.tickets().openedBy(requester.id(), requester.id()).get(0);   // the state change was committed

        Switchable survivor = new Switchable();
        ShareNum restarted = ShareNum.builder().store(store).notifier(survivor).clock(f.clock)
                .matchingEngine(MatchingEngines.reference()).manualNotificationDelivery().build();
        assertThat(restarted.outbox().deliverDue(Fixture.HOST)).isZero();           // still leased to the crashed delivery
        f.clock.advance(Duration.ofMinutes(3));
        assertThat(restarted.outbox().deliverDue(Fixture.HOST)).isEqualTo(2);
        assertThat(survivor.delivered).containsKey("alert:" + t.id() + ":" + helper.id());
    }

    @Test
    void concurrent_deliverers_never_send_an_entry_twice() throws Exception {
        notifier.mode = "down";
        for (int i = 0; i < 10; i++) {
            open();
        }
        notifier.mode = "up";
        f.clock.advance(Duration.ofMinutes(5));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(() -> {
                go.await();
                return f.sharenum.outbox().deliverDue(Fixture.HOST);
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> r : runs) {
            total += r.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(total).isEqualTo(20);
        assertThat(notifier.delivered.keySet().stream().filter(k -> k.startsWith("alert:"))).hasSize(20);
        assertThat(notifier.delivered.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    }

}

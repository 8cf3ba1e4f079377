package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Member;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances deliver one outbox: sends that take longer than a lease (renewed while they run), and one
 * instance killed in the middle of its batch. Every notification reaches the receiver, none twice — counted by
 * idempotency key.
 */
class OutboxAcrossInstancesTest {
    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final Duration LEASE = Duration.ofSeconds(1);

    /** What the recipients' mail server saw, by idempotency key. */
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    /** A notifier that takes {@code millis} per send, then hands the notification to the receiver. */
    private Notifier slow(long millis) {
        return n -> {
            if (n instanceof Notification.VerificationRequested) {
                return; // secrets go straight to the notifier, not through the outbox
            }
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            received.computeIfAbsent(n.id(), k -> new AtomicInteger()).incrementAndGet();
        };
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void every_notification_is_delivered_once_though_sends_outlast_the_lease_and_one_instance_dies(Stores kind) throws Exception {
        ShareNumStore store = kind.fresh().store();
        CountDownLatch killedIsSending = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ExecutorService killedWorker = Executors.newSingleThreadExecutor();
        Notifier dying = n -> {
            if (n instanceof Notification.VerificationRequested) {
                return;
            }
            killedIsSending.countDown();
            try {
                never.await(); // the process dies here, before anything reaches the mail server
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("this instance is dead");
        };
        Fixture setUp = new Fixture(b -> b.store(store));
        List<Member> helpers = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            helpers.add(setUp.active("Aide " + i, NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED)));
        }
        Member requester = setUp.active("Rachel Requérante", CARNOT);
        setUp.sharenum.close();

        ShareNum killed = ShareNum.builder().store(store).notifier(dying).clock(setUp.clock)
                .notificationDelivery(killedWorker, Duration.ZERO).notificationLease(LEASE).build();
        ShareNum[] live = new ShareNum[2];
        try {
            // opened through the instance about to die: its worker claims the first batch of alerts
            TicketNum t = killed.tickets().open(requester.id(), TicketRequest.builder(CAPYTALE).text("Aidez-moi").radiusKm(40).build());
            assertThat(t.alerts()).hasSize(14);
            assertThat(killedIsSending.await(10, TimeUnit.SECONDS)).isTrue();
            killed.close(); // its keeper stops renewing: its leases run out and the others take over
            // two live instances, each sending slower than a lease per batch: only renewals keep them from
            // taking each other's entries
            for (int i = 0; i < 2; i++) {
                live[i] = ShareNum.builder().store(store).notifier(slow(250)).clock(setUp.clock)
                        .notificationDelivery(null, Duration.ofMillis(100)).notificationLease(LEASE).build();
            }

            // the leases pass, the clocks with them — at the pace of real time: keepers renew on real time, and a
            // clock running faster would eat their margin (a third of a lease) on a loaded machine
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < 14 && System.nanoTime() < deadline) {
                setUp.clock.advance(Duration.ofMillis(100));
                Thread.sleep(100);
            }
            Thread.sleep(1_500); // time for a duplicate, if there were one, to arrive

            assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(
                    t.alerts().stream().map(a -> "alert:" + t.id() + ":" + a.helper()).toList());
            assertThat(received.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(live[0].outbox().failed(HOST)).isEmpty();
        } finally {
            never.countDown();
            killedWorker.shutdownNow();
            for (ShareNum sn : live) {
                if (sn != null) {
                    sn.close();
                }
            }
        }
    }
}

package fr.sharenum.http;

import fr.sharenum.ShareNum;
import fr.sharenum.http.internal.Demo;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Email;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.model.TicketId;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-app inbox forgets an erased member, whoever erases them and on whichever instance. */
class InboxNotifierTest {

    private static final MemberId PAUL = MemberId.of("paul-bernard");
    private static final MemberId CLAIRE = MemberId.of("claire-martin");

    /** The next notifier: records what is passed on. */
    static final class Next implements Notifier {
        final List<MemberId> forgotten = new CopyOnWriteArrayList<>();

        @Override
        public void send(Notification notification) {
        }

        @Override
        public void forget(MemberId member) {
            forgotten.add(member);
        }
    }

    private static ShareNum instance(ShareNumStore store, InboxNotifier inbox) {
        return ShareNum.builder().store(store).notifier(inbox).notificationDelivery(Runnable::run, Duration.ZERO).build();
    }

    private static Notification note(MemberId to) {
        return new Notification.OfferDeclined(UUID.randomUUID().toString(), to, Email.of(to.value().replace('-', '.') + "@ac-dijon.fr"),
                TicketId.of(UUID.randomUUID().toString()));
    }

    @Test
    void erasure_on_another_instance_empties_the_inbox_and_keeps_nothing_after() {
        ShareNumStore store = ShareNum.inMemoryStore();
        Next next = new Next();
        InboxNotifier a = new InboxNotifier(store, next);
        InboxNotifier b = new InboxNotifier(store, n -> { });
        ShareNum first = instance(store, a);
        Demo.loadOnce(first);
        ShareNum second = instance(store, b);
        for (int i = 0; i < 3; i++) {
            a.send(note(PAUL));
            a.send(note(CLAIRE));
        }
        assertThat(a.after(PAUL, 0, 500)).hasSize(3);
        int[] woken = new int[1];
        a.subscribe(PAUL, () -> woken[0]++);

        assertThat(second.members().erase(Actor.host("academie"), PAUL).status().name()).isEqualTo("ERASED");

        assertThat(a.after(PAUL, 0, 500)).isEmpty();
        assertThat(b.after(PAUL, 0, 500)).isEmpty();
        assertThat(a.after(PAUL, 2, 500)).as("a reconnection after the last id seen").isEmpty();
        a.send(note(PAUL));   // a notification already on its way when they were erased
        b.send(note(PAUL));
        assertThat(a.after(PAUL, 0, 500)).isEmpty();
        assertThat(woken[0]).as("open streams are not woken for what is not kept").isZero();
        assertThat(a.after(CLAIRE, 0, 500)).hasSize(3);
        a.send(note(CLAIRE));
        assertThat(b.after(CLAIRE, 0, 500)).extracting(InboxNotifier.InboxEntry::seq).containsExactly(1L, 2L, 3L, 4L);

        second.members().erase(Actor.host("academie"), PAUL);   // again: idempotent, passed on again
        first.members().erase(CLAIRE, CLAIRE);                  // by the member herself, on the first instance
        assertThat(a.after(CLAIRE, 0, 500)).isEmpty();
        assertThat(next.forgotten).containsExactly(CLAIRE);     // the second instance's inbox passes on to its own next
        first.close();
        second.close();
    }

    @Test
    void erasure_while_notifications_arrive_leaves_nothing() throws Exception {
        ShareNumStore store = ShareNum.inMemoryStore();
        InboxNotifier inbox = new InboxNotifier(store, n -> { });
        ShareNum sharenum = instance(store, inbox);
        Demo.loadOnce(sharenum);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> senders = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            senders.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 200; i++) {
                    try {
                        inbox.send(note(PAUL));
                    } catch (RuntimeException conflict) {
                        // a write that lost against the erasure: the outbox would retry it, and find the tombstone
                    }
                }
                return null;
            }));
        }
        go.countDown();
        Thread.sleep(5);
        sharenum.members().erase(Actor.host("academie"), PAUL);
        for (Future<?> f : senders) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(inbox.after(PAUL, 0, 500)).isEmpty();
        inbox.send(note(PAUL));
        assertThat(inbox.after(PAUL, 0, 500)).isEmpty();
        sharenum.close();
    }
}

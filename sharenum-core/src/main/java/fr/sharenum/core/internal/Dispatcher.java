package fr.sharenum.core.internal;

import fr.sharenum.model.Notification;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.NotificationFailedException;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.OutboxEntry;
import fr.sharenum.spi.ShareNumStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivery from the transactional outbox. Workflows {@link #enqueue} their notifications inside the
 * transaction of the state change, leased for an immediate delivery; once committed, {@link #deliver}
 * hands them to the notifier and settles them in one more transaction: delivered ones are removed,
 * failed ones rescheduled with exponential backoff, or kept as dead letters after a permanent failure
 * or too many attempts. {@link #deliverDue} picks up what is due (retries, and deliveries a crash
 * interrupted once their lease ends), claiming each entry by bumping its version so that two
 * deliverers never send the same entry at once. A notifier outage delays notifications; it never loses
 * them, duplicates them (each carries its idempotency key) or rolls back the state change.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 200;

    private final Notifier notifier;
    private final ShareNumStore store;
    private final Clock clock;
    private final DeliveryPolicy policy;

    /** Retry policy: attempts before a dead letter, backoff bounds, and the lease of a delivery in flight. */
    public record DeliveryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration lease) {
        Duration backoff(int attempts) {
            Duration d = initialBackoff;
            for (int i = 1; i < attempts && d.compareTo(maxBackoff) < 0; i++) {
                d = d.multipliedBy(2);
            }
            return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
        }
    }

    Dispatcher(Notifier notifier, ShareNumStore store, Clock clock, DeliveryPolicy policy) {
        this.notifier = notifier;
        this.store = store;
        this.clock = clock;
        this.policy = policy;
    }

    /** Records notifications with the state change, leased for the delivery that follows the commit. */
    void enqueue(Tx t, List<? extends Notification> notifications) {
        Instant now = clock.instant();
        for (Notification n : notifications) {
            t.enqueue(OutboxEntry.pending(n, now, now.plus(policy.lease())));
        }
    }

    /**
     * Sends a notification that carries a secret (a verification token) straight to the notifier,
     * never storing it: if that fails, the member asks for a new one ({@code resendVerification}).
     */
    void sendSecret(Notification n) {
        send(n);
    }

    /** Records a notification to deliver at {@code dueAt} (quiet hours), not right after the commit. */
    void enqueueAt(Tx t, Notification n, Instant dueAt) {
        t.enqueue(OutboxEntry.pending(n, clock.instant(), dueAt));
    }

    /** Delivers, right after their commit, notifications this process just enqueued. */
    void deliver(List<? extends Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        List<Attempt> attempts = new ArrayList<>();
        for (Notification n : notifications) {
            attempts.add(new Attempt(n.id(), send(n)));
        }
        settle(attempts, null);
    }

    /**
     * Delivers every pending entry due now (or every pending entry, with {@code ignoreBackoff}); returns
     * how many were delivered.
     */
    public int deliverDue(boolean ignoreBackoff) {
        int delivered = 0;
        while (true) {
            Instant now = clock.instant();
            Instant upTo = ignoreBackoff ? Instant.MAX : now;
            int limit = ignoreBackoff ? Integer.MAX_VALUE : BATCH;
            List<OutboxEntry> claimed = store.inTransaction(st -> {
                Tx t = new Tx(st);
                List<OutboxEntry> mine = new ArrayList<>();
                for (OutboxEntry e : t.dueNotifications(upTo, limit)) {
                    if (ignoreBackoff && e.attempts() == 0 && e.nextAttemptAt().isAfter(now)) {
                        continue;   // held on purpose (quiet hours, digest) or being delivered: not a failure to retry
                    }
                    OutboxEntry lease = e.claimedUntil(now.plus(policy.lease()));
                    t.updateOutbox(lease, e.version());
                    mine.add(lease);
                }
                return mine;
            });
            if (claimed.isEmpty()) {
                return delivered;
            }
            List<Attempt> attempts = new ArrayList<>();
            java.util.Map<fr.sharenum.model.MemberId, List<Notification.TicketAlert>> alertsByRecipient = new java.util.LinkedHashMap<>();
            for (OutboxEntry e : claimed) {
                if (e.notification() instanceof Notification.TicketAlert a) {
                    alertsByRecipient.computeIfAbsent(a.recipient(), k -> new ArrayList<>()).add(a);
                } else {
                    attempts.add(new Attempt(e.id(), send(e.notification())));
                }
            }
            for (List<Notification.TicketAlert> alerts : alertsByRecipient.values()) {
                if (alerts.size() == 1) {
                    attempts.add(new Attempt(alerts.get(0).id(), send(alerts.get(0))));
                } else {
                    // alerts due together for one member (a digest, the end of quiet hours) go as one message
                    Notification.TicketAlert first = alerts.get(0);
                    RuntimeException error = send(new Notification.AlertDigest("digest:" + digest(alerts), first.recipient(),
                            first.to(), alerts));
                    alerts.forEach(a -> attempts.add(new Attempt(a.id(), error)));
                }
            }
            delivered += (int) attempts.stream().filter(a -> a.error == null).count();
            settle(attempts, claimed);
            if (ignoreBackoff) {
                return delivered;   // one pass over everything pending: a failure waits for its backoff
            }
        }
    }

    /** Pending entries that failed at least once, waiting for a retry. */
    public List<Notification> failed() {
        return store.inTransaction(st -> new Tx(st).dueNotifications(Instant.MAX, Integer.MAX_VALUE)).stream()
                .filter(e -> e.attempts() > 0).map(OutboxEntry::notification).toList();
    }

    public List<OutboxEntry> deadLetters() {
        return store.inTransaction(st -> new Tx(st).deadLetters(Integer.MAX_VALUE));
    }

    /** Gives a dead letter another chance at the next delivery; false when there is no such dead letter. */
    public boolean revive(String notificationId) {
        return store.inTransaction(st -> {
            Tx t = new Tx(st);
            return t.outboxEntry(notificationId).filter(e -> e.status() == OutboxEntry.Status.DEAD).map(e -> {
                t.updateOutbox(e.revived(clock.instant()), e.version());
                return true;
            }).orElse(false);
        });
    }

    private record Attempt(String id, RuntimeException error) {
    }

    /** A stable key for a set of alerts, so a retried digest carries the same idempotency key. */
    private static String digest(List<Notification.TicketAlert> alerts) {
        List<String> ids = alerts.stream().map(Notification::id).sorted().toList();
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.join("|", ids).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return alerts.get(0).recipient() + ":" + java.util.HexFormat.of().formatHex(h, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private RuntimeException send(Notification n) {
        try {
            notifier.send(n);
            return null;
        } catch (RuntimeException e) {
            LOG.warn("notification {} {} could not be delivered: {}", n.getClass().getSimpleName(), n.id(),
                    e.getClass().getSimpleName());
            LOG.debug("delivery failure", e);
            return e;
        }
    }

    /** Removes delivered entries, reschedules or buries failed ones (entries changed meanwhile are left alone). */
    private void settle(List<Attempt> attempts, List<OutboxEntry> claimed) {
        Instant now = clock.instant();
        try {
            store.inTransaction(st -> {
                Tx t = new Tx(st);
                for (Attempt a : attempts) {
                    OutboxEntry current = t.outboxEntry(a.id).orElse(null);
                    boolean ours = current != null && (claimed == null
                            ? current.version() == 1 && current.attempts() == 0
                            : claimed.stream().anyMatch(c -> c.id().equals(a.id) && c.version() == current.version()));
                    if (!ours) {
                        continue;   // settled by someone else, or re-claimed after our lease ran out
                    }
                    if (a.error == null) {
                        t.deleteOutbox(a.id);
                        continue;
                    }
                    boolean permanent = a.error instanceof NotificationFailedException f && f.isPermanent();
                    boolean dead = permanent || current.attempts() + 1 >= policy.maxAttempts();
                    String error = a.error.getClass().getSimpleName() + (a.error.getMessage() == null ? "" : ": " + a.error.getMessage());
                    t.updateOutbox(current.failed(error, now.plus(policy.backoff(current.attempts() + 1)), dead), current.version());
                    if (dead) {
                        LOG.warn("notification {} is a dead letter after {} attempt(s)", a.id, current.attempts() + 1);
                    }
                }
                return null;
            });
        } catch (VersionConflictException e) {
            LOG.debug("outbox entries changed while settling; they will be picked up when due", e);
        } catch (RuntimeException e) {
            LOG.warn("could not record the outcome of {} deliveries ({}); they will be retried when their lease ends",
                    attempts.size(), e.getClass().getSimpleName());
        }
    }
}

package fr.sharenum.core.internal;

import fr.sharenum.model.MemberId;
import fr.sharenum.core.internal.metrics.Meters;
import fr.sharenum.core.internal.metrics.Metrics;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.NotificationFailedException;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.OutboxBacklog;
import fr.sharenum.spi.OutboxEntry;
import fr.sharenum.spi.ShareNumStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivery from the transactional outbox, off the caller's thread. Workflows {@link #enqueue} their notifications
 * inside the transaction of the state change; once it has committed they {@link #deliver wake} the instance's
 * delivery worker and return. The worker (an executor the host may give, else a thread of the instance's own; it
 * also looks for due entries every poll interval) claims small batches of due entries — on PostgreSQL with
 * {@code FOR UPDATE SKIP LOCKED}, elsewhere by their version — each claim a lease that a keeper renews every third
 * of it while the send runs, so that no live instance ever takes over an entry another live instance is sending.
 * Each entry is settled as soon as its send returns: removed when delivered, rescheduled with exponential backoff
 * when it failed, kept as a dead letter after a permanent failure or too many attempts. A notifier makes one
 * attempt per call; retries are the outbox's. A notifier outage delays notifications; it never loses them, never
 * rolls the state change back, and each carries its idempotency key.
 *
 * <p>Verification mails wait in the outbox as intents, without their token; each attempt mints a fresh one
 * ({@link VerificationMails}) just before the send.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Entries claimed at once: small, so that a slow notifier holds few entries another instance could send. */
    static final int BATCH = 10;

    private final Notifier notifier;
    private final ShareNumStore store;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final Worker worker;
    private final Executor executor;
    private final ExecutorService own;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    /** Entries this instance is sending, with the version of its claim; guarded by itself. */
    private final Map<String, Long> inFlight = new HashMap<>();
    private final ScheduledFuture<?> poll;
    private final ScheduledFuture<?> keeper;
    private final VerificationMails verifications;
    private final Metrics metrics;
    /** The last backlog counted, for gauges read several at a scrape: {@code [OutboxBacklog, Long nanoTime]}. */
    private volatile Object[] lastBacklog;

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

    /**
     * Who delivers: {@code automatic} false leaves it to the host ({@code outbox().deliverDue}); otherwise
     * {@code executor} runs deliveries (null: a thread of the instance's own), woken after each commit and every
     * {@code pollInterval} (zero: only after commits).
     */
    public record Worker(boolean automatic, Executor executor, Duration pollInterval) {
    }

    Dispatcher(Notifier notifier, ShareNumStore store, Clock clock, DeliveryPolicy policy, Worker worker,
               VerificationMails verifications, Metrics metrics) {
        this.verifications = verifications;
        this.metrics = metrics;
        this.notifier = notifier;
        this.store = store;
        this.clock = clock;
        this.policy = policy;
        this.worker = worker;
        if (worker.automatic() && worker.executor() == null) {
            // one thread at most, gone when idle: an instance its host forgot leaves no thread behind
            ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "sharenum-delivery-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.own = pool;
            this.executor = pool;
        } else {
            this.own = null;
            this.executor = worker.executor();
        }
        this.poll = worker.automatic() && !worker.pollInterval().isZero()
                ? Background.every(worker.pollInterval(), this, Dispatcher::wake) : null;
        this.keeper = Background.every(policy.lease().dividedBy(3), this, Dispatcher::renewLeases);
    }

    /** Records notifications with the state change, due at once (delivered after the commit). */
    void enqueue(Tx t, List<? extends Notification> notifications) {
        Instant now = clock.instant();
        for (Notification n : notifications) {
            t.enqueue(OutboxEntry.pending(n, now, now));
        }
    }

    /** Records a notification to deliver at {@code dueAt} (quiet hours), not right after the commit. */
    void enqueueAt(Tx t, Notification n, Instant dueAt) {
        t.enqueue(OutboxEntry.pending(n, clock.instant(), dueAt));
        if (metrics.enabled() && n instanceof Notification.TicketAlert) {
            t.afterCommit(() -> metrics.count(Meters.ALERTS_HELD, 1));
        }
    }

    /** After a commit that enqueued an entry by itself (a verification intent): wakes the delivery worker. */
    void wakeUp() {
        wake();
    }

    /** After a commit that enqueued {@code notifications}: wakes the delivery worker (the caller does not wait). */
    void deliver(List<? extends Notification> notifications) {
        if (!notifications.isEmpty()) {
            wake();
        }
    }

    private void wake() {
        if (!worker.automatic() || !wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            wakePending.set(false);
            LOG.debug("delivery worker stopped; due notifications wait for the next delivery", e);
        }
    }

    private void drain() {
        wakePending.set(false);
        try {
            deliverDue(false);
        } catch (RuntimeException e) {
            LOG.warn("delivery of due notifications stopped ({}); retried at the next wake-up or poll", e.getClass().getSimpleName());
            LOG.debug("delivery failure", e);
        }
    }

    /**
     * Delivers every entry due now, in small claimed batches, until none is left; with {@code ignoreBackoff}, first
     * makes the entries waiting for a retry due now (entries held on purpose — quiet hours, digests — and entries
     * another deliverer is sending are left alone).
     *
     * @return how many were delivered
     */
    public int deliverDue(boolean ignoreBackoff) {
        if (ignoreBackoff) {
            retriesDueNow();
        }
        int delivered = 0;
        while (true) {
            List<Claimed> claimed = claim();
            if (claimed.isEmpty()) {
                return delivered;
            }
            delivered += send(claimed);
        }
    }

    private void retriesDueNow() {
        Backoff.retrying(() -> store.inTransaction(st -> {
            Tx t = Tx.of(st);
            Instant now = clock.instant();
            for (OutboxEntry e : t.dueNotifications(Instant.MAX, Integer.MAX_VALUE)) {
                if (e.status() == OutboxEntry.Status.PENDING && e.attempts() > 0 && e.nextAttemptAt().isAfter(now)) {
                    t.updateOutbox(e.dueAt(now), e.version());
                }
            }
            return null;
        }));
    }

    /**
     * An entry this instance claimed, with when it was due before the claim (for the delivery latency); {@code due} is
     * null for an entry taken over from a deliverer whose lease ended.
     */
    private record Claimed(OutboxEntry entry, Instant due) {
    }

    /** Claims up to {@link #BATCH} due entries for this instance (one transaction). */
    private List<Claimed> claim() {
        List<Claimed> claimed = Backoff.retrying(() -> store.inTransaction(st -> {
            Tx t = Tx.of(st);
            Instant now = clock.instant();
            List<Claimed> mine = new ArrayList<>();
            for (OutboxEntry e : t.claimableNotifications(now, BATCH)) {
                OutboxEntry lease = e.claimedUntil(now.plus(policy.lease()));
                try {
                    t.updateOutbox(lease, e.version());
                } catch (NotFoundException settled) {
                    continue;   // settled and removed by another deliverer since it was read: nothing left to claim
                }
                mine.add(new Claimed(lease, e.status() == OutboxEntry.Status.PENDING ? e.nextAttemptAt() : null));
            }
            return mine;
        }));
        synchronized (inFlight) {
            claimed.forEach(c -> inFlight.put(c.entry().id(), c.entry().version()));
        }
        return claimed;
    }

    /** One message sent for one or more entries (several alerts for one member go as one digest). */
    private record Message(Notification notification, List<Claimed> entries) {
    }

    /**
     * Sends claimed entries through the notifier as one batch ({@link Notifier#sendAll}: one SMTP connection for
     * them all), alerts due together for one member as one digest, then settles them in one transaction.
     */
    private int send(List<Claimed> claimed) {
        List<Message> messages = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        Map<MemberId, List<Claimed>> alertsByRecipient = new LinkedHashMap<>();
        List<Claimed> intents = new ArrayList<>();
        for (Claimed c : claimed) {
            OutboxEntry e = c.entry();
            if (e.notification() instanceof Notification.TicketAlert a) {
                alertsByRecipient.computeIfAbsent(a.recipient(), k -> new ArrayList<>()).add(c);
            } else if (VerificationMails.isIntent(e.notification())) {
                intents.add(c);
            } else {
                messages.add(new Message(e.notification(), List.of(c)));
            }
        }
        realise(intents, messages, outcomes);
        for (List<Claimed> entries : alertsByRecipient.values()) {
            if (entries.size() == 1) {
                messages.add(new Message(entries.get(0).entry().notification(), entries));
            } else {
                // alerts due together for one member (a digest, the end of quiet hours) go as one message
                List<Notification.TicketAlert> alerts = entries.stream().map(c -> (Notification.TicketAlert) c.entry().notification()).toList();
                Notification.TicketAlert first = alerts.get(0);
                messages.add(new Message(new Notification.AlertDigest("digest:" + digest(alerts), first.recipient(), first.to(),
                        alerts), entries));
            }
        }
        Map<String, ? extends RuntimeException> failures;
        try {
            failures = messages.isEmpty() ? Map.of() : notifier.sendAll(messages.stream().map(Message::notification).toList());
        } catch (RuntimeException e) {
            Map<String, RuntimeException> all = new HashMap<>();
            messages.forEach(m -> all.put(m.notification().id(), e));
            failures = all;
        }
        Instant sentAt = clock.instant();
        for (Message m : messages) {
            RuntimeException error = failures.get(m.notification().id());
            if (error != null) {
                LOG.warn("notification {} {} could not be delivered: {}", m.notification().getClass().getSimpleName(),
                        m.notification().id(), error.getClass().getSimpleName());
                LOG.debug("delivery failure", error);
            } else {
                delivered(m, sentAt);
            }
            m.entries().forEach(c -> outcomes.add(new Outcome(c.entry(), error, false)));
        }
        return settle(outcomes);
    }

    /**
     * Mints the token of each verification intent (one transaction for them all) and adds the mail to {@code messages};
     * an intent nobody waits for any more is settled at once without a mail. If the store fails, every intent of the
     * batch failed this attempt and is retried with the outbox's backoff.
     */
    private void realise(List<Claimed> intents, List<Message> messages, List<Outcome> outcomes) {
        if (intents.isEmpty()) {
            return;
        }
        Map<Claimed, Optional<Notification>> mails;
        try {
            mails = Backoff.retrying(() -> store.inTransaction(st -> {
                Tx t = Tx.of(st);
                Instant now = clock.instant();
                Map<Claimed, Optional<Notification>> out = new LinkedHashMap<>();
                for (Claimed c : intents) {
                    out.put(c, verifications.realise(t, c.entry(), now));
                }
                return out;
            }));
        } catch (RuntimeException e) {
            LOG.warn("verification tokens for {} mails could not be stored ({}); retried later", intents.size(),
                    e.getClass().getSimpleName());
            intents.forEach(c -> outcomes.add(new Outcome(c.entry(), e, false)));
            return;
        }
        mails.forEach((c, mail) -> {
            if (mail.isPresent()) {
                messages.add(new Message(mail.get(), List.of(c)));
            } else {
                outcomes.add(new Outcome(c.entry(), null, true));
            }
        });
    }

    /** Counts a message the notifier took: its kind, the alerts it carried, how long its entries waited. */
    private void delivered(Message m, Instant sentAt) {
        if (!metrics.enabled()) {
            return;
        }
        Notification n = m.notification();
        metrics.count(Meters.NOTIFICATIONS_DELIVERED, 1, "kind", n.getClass().getSimpleName());
        if (n instanceof Notification.TicketAlert) {
            metrics.count(Meters.ALERTS_SENT, 1);
        } else if (n instanceof Notification.AlertDigest d) {
            metrics.count(Meters.ALERTS_SENT, d.alerts().size());
        }
        for (Claimed c : m.entries()) {
            OutboxEntry e = c.entry();
            boolean retried = e.attempts() > 0 || c.due() == null;
            boolean held = !retried && c.due().isAfter(e.createdAt());
            Instant from = held ? c.due() : e.createdAt();
            long nanos = Math.max(0, Duration.between(from, sentAt).toNanos());
            metrics.time(Meters.DELIVERY_LATENCY, nanos, "path", retried ? "retried" : held ? "held" : "immediate");
        }
    }

    /**
     * What the outbox holds, counted by the store; when {@code maxAge} is positive, a count at most that old may be
     * returned instead (gauges read several at each scrape).
     */
    public OutboxBacklog backlog(Duration maxAge) {
        Object[] last = lastBacklog;
        long now = System.nanoTime();
        if (last != null && now - (Long) last[1] < maxAge.toNanos()) {
            return (OutboxBacklog) last[0];
        }
        OutboxBacklog counted = store.inTransaction(st -> Tx.of(st).outboxBacklog());
        lastBacklog = new Object[] {counted, now};
        return counted;
    }

    /** Verification mails not sent yet — waiting, failing or given up on —, oldest first. */
    public List<OutboxEntry> undeliveredVerifications() {
        return store.inTransaction(st -> {
            Tx t = Tx.of(st);
            List<OutboxEntry> all = new ArrayList<>(t.dueNotifications(Instant.MAX, Integer.MAX_VALUE));
            all.addAll(t.deadLetters(Integer.MAX_VALUE));
            return all.stream().filter(e -> VerificationMails.isIntent(e.notification()))
                    .sorted(Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id)).toList();
        });
    }

    /** Pending entries that failed at least once, waiting for a retry (or being retried). */
    public List<Notification> failed() {
        return store.inTransaction(st -> Tx.of(st).dueNotifications(Instant.MAX, Integer.MAX_VALUE)).stream()
                .filter(e -> e.attempts() > 0).map(OutboxEntry::notification).toList();
    }

    public List<OutboxEntry> deadLetters() {
        return store.inTransaction(st -> Tx.of(st).deadLetters(Integer.MAX_VALUE));
    }

    /** Gives a dead letter another chance at the next delivery; false when there is no such dead letter. */
    public boolean revive(String notificationId) {
        boolean revived = store.inTransaction(st -> {
            Tx t = Tx.of(st);
            return t.outboxEntry(notificationId).filter(e -> e.status() == OutboxEntry.Status.DEAD).map(e -> {
                t.updateOutbox(e.revived(clock.instant()), e.version());
                return true;
            }).orElse(false);
        });
        if (revived) {
            wake();
        }
        return revived;
    }

    /** A stable key for a set of alerts, so a retried digest carries the same idempotency key. */
    private static String digest(List<Notification.TicketAlert> alerts) {
        List<String> ids = alerts.stream().map(Notification::id).sorted().toList();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("|", ids).getBytes(StandardCharsets.UTF_8));
            return alerts.get(0).recipient() + ":" + HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The result of sending one entry: {@code error} null when delivered, or {@code discarded} when there was nothing
     * to send (a verification intent nobody waits for).
     */
    private record Outcome(OutboxEntry entry, RuntimeException error, boolean discarded) {
    }

    /**
     * Records the outcomes of a batch: delivered entries removed, failed ones rescheduled or buried — only where this
     * instance still holds the claim (a lease that ran out may have passed an entry to another deliverer).
     *
     * @return how many entries were delivered
     */
    private int settle(List<Outcome> outcomes) {
        Instant now = clock.instant();
        List<String[]> counted = new ArrayList<>();
        synchronized (inFlight) {
            try {
                int settled = store.inTransaction(st -> {
                    Tx t = Tx.of(st);
                    counted.clear();
                    int delivered = 0;
                    for (Outcome o : outcomes) {
                        OutboxEntry e = o.entry();
                        Long mine = inFlight.get(e.id());
                        OutboxEntry current = t.outboxEntry(e.id()).orElse(null);
                        if (mine == null || current == null || current.version() != mine) {
                            continue;   // settled or re-claimed by another deliverer after our lease ran out
                        }
                        if (o.error() == null) {
                            t.deleteOutbox(e.id());
                            if (o.discarded()) {
                                counted.add(new String[] {Meters.NOTIFICATIONS_DISCARDED});
                            } else {
                                delivered++;
                            }
                            continue;
                        }
                        RuntimeException error = o.error();
                        boolean permanent = error instanceof NotificationFailedException f && f.isPermanent();
                        boolean dead = permanent || current.attempts() + 1 >= policy.maxAttempts();
                        String why = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
                        t.updateOutbox(current.failed(why, now.plus(policy.backoff(current.attempts() + 1)), dead), current.version());
                        counted.add(new String[] {dead ? Meters.NOTIFICATIONS_DEAD : Meters.NOTIFICATIONS_FAILED, "kind",
                                current.notification().getClass().getSimpleName()});
                        if (dead) {
                            LOG.warn("notification {} is a dead letter after {} attempt(s)", e.id(), current.attempts() + 1);
                        }
                    }
                    return delivered;
                });
                for (String[] c : counted) {
                    metrics.count(c[0], 1, Arrays.copyOfRange(c, 1, c.length));
                }
                return settled;
            } catch (VersionConflictException e) {
                LOG.debug("outbox entries changed while settling; they will be picked up when due", e);
                return 0;
            } catch (RuntimeException e) {
                LOG.warn("could not record the outcome of {} deliveries ({}); they will be retried when their lease ends",
                        outcomes.size(), e.getClass().getSimpleName());
                return 0;
            } finally {
                outcomes.forEach(o -> inFlight.remove(o.entry().id()));
            }
        }
    }

    /** Extends the lease of every entry this instance is sending (every third of a lease). */
    private void renewLeases() {
        synchronized (inFlight) {
            if (inFlight.isEmpty()) {
                return;
            }
            try {
                Map<String, Long> renewed = store.inTransaction(st -> {
                    Tx t = Tx.of(st);
                    Instant until = clock.instant().plus(policy.lease());
                    Map<String, Long> versions = new HashMap<>();
                    for (Map.Entry<String, Long> held : inFlight.entrySet()) {
                        t.outboxEntry(held.getKey())
                                .filter(e -> e.version() == held.getValue() && e.status() == OutboxEntry.Status.SENDING)
                                .ifPresent(e -> {
                                    OutboxEntry longer = e.claimedUntil(until);
                                    t.updateOutbox(longer, e.version());
                                    versions.put(e.id(), longer.version());
                                });
                    }
                    return versions;
                });
                inFlight.putAll(renewed);
            } catch (RuntimeException e) {
                LOG.warn("could not renew the lease of {} notifications being sent ({})", inFlight.size(), e.getClass().getSimpleName());
            }
        }
    }

    /** Stops looking for due notifications; the instance's own worker finishes what it was sending (up to 30 s). */
    @Override
    public void close() {
        if (poll != null) {
            poll.cancel(false);
        }
        if (own != null) {
            own.shutdown();
            try {
                if (!own.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("delivery still running after 30 s; its entries will be taken over when their lease ends");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        keeper.cancel(false);
    }
}

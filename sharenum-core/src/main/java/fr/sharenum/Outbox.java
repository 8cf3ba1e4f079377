package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.Notification;
import fr.sharenum.spi.OutboxBacklog;
import fr.sharenum.spi.OutboxEntry;

import java.util.List;

/**
 * Operating the notification outbox: every notification is recorded in the store with the state change
 * that caused it and delivered after the commit; these calls schedule deliveries, inspect failures and
 * revive dead letters. Obtained from {@link ShareNum#outbox()}; thread-safe. Notifications hold personal
 * data, so only the host and national administrators operate it.
 */
public interface Outbox {

    /**
     * Notifications the notifier refused at least once and that wait for their next attempt.
     *
     * @param actor the host or a national administrator
     * @return the notifications
     * @throws fr.sharenum.model.NotAllowedException for anyone else
     */
    List<Notification> failed(Actor actor);

    /**
     * Tries every pending notification that failed before now, whatever its backoff (entries held on purpose
     * — quiet hours, digests — and deliveries in flight are left alone).
     *
     * @param actor the host or a national administrator
     * @return how many were delivered
     * @throws fr.sharenum.model.NotAllowedException for anyone else
     */
    int retryNow(Actor actor);

    /**
     * Delivers the entries that are due: retries whose backoff has passed, and deliveries a crash
     * interrupted. Call it periodically (every minute, say).
     *
     * @param actor the host or a national administrator
     * @return how many were delivered
     * @throws fr.sharenum.model.NotAllowedException for anyone else
     */
    int deliverDue(Actor actor);

    /**
     * Notifications given up on (permanent failure, or too many attempts), oldest first, with the last error.
     *
     * @param actor the host or a national administrator
     * @return the dead letters
     * @throws fr.sharenum.model.NotAllowedException for anyone else
     */
    List<OutboxEntry> deadLetters(Actor actor);

    /**
     * Gives a dead letter another chance at the next delivery.
     *
     * @param actor          the host or a national administrator
     * @param notificationId the dead letter's id
     * @return false when there is no such dead letter
     * @throws fr.sharenum.model.NotAllowedException for anyone else
     */
    boolean revive(Actor actor, String notificationId);

    /**
     * How much the outbox holds, counted by the store without reading the notifications: entries waiting (due, held
     * for quiet hours or digests, retried, being sent), dead letters, and when the oldest waiting one was recorded.
     *
     * @param actor the host or a national administrator
     * @return the backlog
     * @throws fr.sharenum.model.NotAllowedException for anyone else
     */
    OutboxBacklog backlog(Actor actor);

    /**
     * Verification mails that have not gone out: each a member registered (or asking for a new mail) whose
     * verification is still waiting for its first delivery, failing and retried with backoff ({@code attempts},
     * {@code lastError}), or given up on ({@code DEAD}: {@link #revive} it once the cause is fixed). Oldest first. A
     * verification in the outbox holds no token: each delivery attempt mints a fresh one, so the notification listed
     * here has a {@code null} token and expiry.
     *
     * @param actor the host or a national administrator
     * @return the outbox entries of the verification mails not sent, oldest first
     * @throws fr.sharenum.model.NotAllowedException for anyone else
     */
    List<OutboxEntry> undeliveredVerifications(Actor actor);
}

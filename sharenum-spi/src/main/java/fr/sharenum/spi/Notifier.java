package fr.sharenum.spi;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers notifications to members: e-mail, ENT inbox, chat… Implemented by the host (or by an
 * adapter module); ShareNum's default logs through SLF4J and keeps an inspectable outbox.
 *
 * <p>ShareNum calls {@link #send} (or {@link #sendAll} for several due at once) after the state change
 * that caused the notification is stored. Implementations must be thread-safe and make <em>one</em>
 * attempt per notification: ShareNum's outbox owns retries and backoff. A failure is reported by
 * throwing {@link NotificationFailedException}; ShareNum logs it and keeps the notification for a later
 * attempt (or as a dead letter when it is permanent), it never rolls back the state change.
 *
 * <pre>{@code
 * Notifier toEnt = notification -> entInbox.post(notification.recipient().value(), render(notification));
 * ShareNum sharenum = ShareNum.builder().notifier(toEnt).build();
 * }</pre>
 */
@FunctionalInterface
public interface Notifier {

    /**
     * Delivers one notification. The same {@link Notification#id()} may be sent again after a
     * failure: deliver it at most once per id where the channel allows.
     *
     * @throws NotificationFailedException when it could not be delivered
     * @param notification the notification
     */
    void send(Notification notification);

    /**
     * Delivers several notifications, in order, one attempt each, and tells which failed. The default
     * calls {@link #send} for each; a notifier whose channel is costly to open (an SMTP connection, an
     * HTTP/2 session) overrides it to open it once for the whole batch. A failure of one notification
     * does not stop the others.
     *
     * @param notifications the notifications to deliver, in order
     * @return the failures by {@link Notification#id()}, in the order of {@code notifications}; empty when every
     *         notification was delivered. An unexpected {@link RuntimeException} of {@link #send} is reported as a
     *         transient failure.
     */
    default Map<String, NotificationFailedException> sendAll(List<? extends Notification> notifications) {
        Map<String, NotificationFailedException> failures = new LinkedHashMap<>();
        for (Notification n : notifications) {
            try {
                send(n);
            } catch (NotificationFailedException e) {
                failures.put(n.id(), e);
            } catch (RuntimeException e) {
                failures.put(n.id(), new NotificationFailedException(String.valueOf(e.getMessage()), false, e));
            }
        }
        return failures;
    }

    /**
     * Forgets what this notifier kept of a member who was erased (RGPD): an in-app inbox, an archive of what was
     * sent. ShareNum calls it after each {@code members().erase} of the member is committed (again on a repeated
     * erasure, so a failure heals by erasing again), on the caller's thread; the notifications still waiting for
     * them were withdrawn in the erasure itself. A notifier that keeps nothing, the default, does nothing; one that
     * hands notifications to another passes the call on.
     *
     * @param member the erased member
     */
    default void forget(MemberId member) {
    }
}

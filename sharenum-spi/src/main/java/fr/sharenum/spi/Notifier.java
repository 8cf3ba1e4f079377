package fr.sharenum.spi;

import fr.sharenum.model.Notification;

/**
 * Delivers notifications to members: e-mail, ENT inbox, chat… Implemented by the host (or by an
 * adapter module); ShareNum's default logs through SLF4J and keeps an inspectable outbox.
 *
 * <p>ShareNum calls {@link #send} after the state change that caused the notification is stored.
 * Implementations must be thread-safe. A failure is reported by throwing
 * {@link NotificationFailedException}; ShareNum logs it and keeps the notification, it never rolls
 * back the state change.
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
     */
    void send(Notification notification);
}

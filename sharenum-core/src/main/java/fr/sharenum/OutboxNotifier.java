package fr.sharenum;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.spi.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The default {@link Notifier}: logs each notification through SLF4J and keeps it in an in-memory
 * outbox a host, a demo or a test can inspect. Thread-safe.
 *
 * <p>Log lines at INFO carry only the kind of notification and ids, never names, addresses or
 * message text (those appear at DEBUG).
 *
 * <pre>{@code
 * OutboxNotifier outbox = new OutboxNotifier();
 * ShareNum sharenum = ShareNum.builder().notifier(outbox).build();
 * ...
 * List<Notification> toClaire = outbox.sentTo(claire.id());
 * }</pre>
 */
public final class OutboxNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxNotifier.class);
    private final ConcurrentLinkedQueue<Notification> sent = new ConcurrentLinkedQueue<>();

    @Override
    public void send(Notification notification) {
        sent.add(notification);
        LOG.info("notification {} {} to member {}", notification.getClass().getSimpleName(),
                notification.id(), notification.recipient());
    }

    /**
     * Everything sent, oldest first.
     *
     * @return the sent
     */
    public List<Notification> sent() {
        return new ArrayList<>(sent);
    }

    /**
     * What was sent to one member, oldest first.
     *
     * @param member the member
     * @return what was sent to one member, oldest first
     */
    public List<Notification> sentTo(MemberId member) {
        return sent.stream().filter(n -> n.recipient().equals(member)).toList();
    }

    /**
     * What was sent of one kind, oldest first.
     *
     * @param <T> the type of t
     * @param kind the kind
     * @return what was sent of one kind, oldest first
     */
    public <T extends Notification> List<T> sent(Class<T> kind) {
        return sent.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Empties the outbox. */
    public void clear() {
        sent.clear();
    }
}

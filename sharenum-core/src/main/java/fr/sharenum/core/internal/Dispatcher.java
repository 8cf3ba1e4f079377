package fr.sharenum.core.internal;

import fr.sharenum.model.Notification;
import fr.sharenum.spi.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Hands notifications to the host's notifier after the state change is stored. A failure is
 * logged (kind and id only) and the notification kept for {@link #retryFailed()}: nothing is
 * dropped silently and the state change stands.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private final Notifier notifier;
    private final ConcurrentLinkedQueue<Notification> failed = new ConcurrentLinkedQueue<>();

    Dispatcher(Notifier notifier) {
        this.notifier = notifier;
    }

    void sendAll(List<? extends Notification> notifications) {
        for (Notification n : notifications) {
            if (!trySend(n)) {
                failed.add(n);
            }
        }
    }

    private boolean trySend(Notification n) {
        try {
            notifier.send(n);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("notification {} {} could not be delivered: {}", n.getClass().getSimpleName(), n.id(),
                    e.getClass().getSimpleName());
            LOG.debug("delivery failure", e);
            return false;
        }
    }

    public List<Notification> failed() {
        return new ArrayList<>(failed);
    }

    public int retryFailed() {
        int delivered = 0;
        int n = failed.size();
        for (int i = 0; i < n; i++) {
            Notification next = failed.poll();
            if (next == null) {
                break;
            }
            if (trySend(next)) {
                delivered++;
            } else {
                failed.add(next);
            }
        }
        return delivered;
    }
}

package fr.sharenum.core.internal;

import fr.sharenum.Outbox;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Notification;
import fr.sharenum.spi.OutboxBacklog;
import fr.sharenum.spi.OutboxEntry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Operating the outbox, for the host and national administrators. */
final class OutboxImpl implements Outbox {
    private final Transactions transactions;
    private final Dispatcher dispatcher;

    /**
     * @param transactions the unit of work
     * @param dispatcher   the outbox it operates
     */
    OutboxImpl(Transactions transactions, Dispatcher dispatcher) {
        this.transactions = transactions;
        this.dispatcher = dispatcher;
    }

    private void require(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        transactions.tx(t -> {
            Access.require(Operation.OUTBOX_OPERATE, Access.relations(Access.principal(t, actor), null));
            return null;
        });
    }

    @Override
    public List<Notification> failed(Actor actor) {
        require(actor);
        return dispatcher.failed();
    }

    @Override
    public int retryNow(Actor actor) {
        require(actor);
        return dispatcher.deliverDue(true);
    }

    @Override
    public int deliverDue(Actor actor) {
        require(actor);
        return dispatcher.deliverDue(false);
    }

    @Override
    public List<OutboxEntry> deadLetters(Actor actor) {
        require(actor);
        return dispatcher.deadLetters();
    }

    @Override
    public boolean revive(Actor actor, String notificationId) {
        require(actor);
        Objects.requireNonNull(notificationId, "notificationId");
        return dispatcher.revive(notificationId);
    }

    @Override
    public OutboxBacklog backlog(Actor actor) {
        require(actor);
        return dispatcher.backlog(Duration.ZERO);
    }

    @Override
    public List<OutboxEntry> undeliveredVerifications(Actor actor) {
        require(actor);
        return dispatcher.undeliveredVerifications();
    }
}

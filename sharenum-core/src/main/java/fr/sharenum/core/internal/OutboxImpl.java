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
    private final Engine engine;

    OutboxImpl(Engine engine) {
        this.engine = engine;
    }

    private void require(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        engine.tx(t -> {
            Access.require(Operation.OUTBOX_OPERATE, Access.relations(Access.principal(t, actor), null));
            return null;
        });
    }

    @Override
    public List<Notification> failed(Actor actor) {
        require(actor);
        return engine.dispatcher().failed();
    }

    @Override
    public int retryNow(Actor actor) {
        require(actor);
        return engine.dispatcher().deliverDue(true);
    }

    @Override
    public int deliverDue(Actor actor) {
        require(actor);
        return engine.dispatcher().deliverDue(false);
    }

    @Override
    public List<OutboxEntry> deadLetters(Actor actor) {
        require(actor);
        return engine.dispatcher().deadLetters();
    }

    @Override
    public boolean revive(Actor actor, String notificationId) {
        require(actor);
        Objects.requireNonNull(notificationId, "notificationId");
        return engine.dispatcher().revive(notificationId);
    }

    @Override
    public OutboxBacklog backlog(Actor actor) {
        require(actor);
        return engine.dispatcher().backlog(Duration.ZERO);
    }

    @Override
    public List<OutboxEntry> undeliveredVerifications(Actor actor) {
        require(actor);
        return engine.dispatcher().undeliveredVerifications();
    }
}

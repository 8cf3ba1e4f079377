package fr.sharenum.core.internal;

import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Relation;
import fr.sharenum.core.internal.feed.AttendanceFacts;
import fr.sharenum.core.internal.feed.Place;
import fr.sharenum.core.internal.store.ResearchStore;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotFoundException;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Attendance at events, marked by organisers once an event is held: kept as a document per event and sent through
 * the change feed (kind {@code attendance}) for the indicators' attended and no-shows.
 */
final class Attendance {

    private Attendance() {
    }

    static Set<MemberId> mark(Engine engine, Actor actor, EventId id, Set<MemberId> present) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "event");
        Objects.requireNonNull(present, "present");
        Set<MemberId> marked = Set.copyOf(present);
        return engine.tx(t -> {
            Event e = t.event(id).orElseThrow(() -> new NotFoundException("event", id));
            Access.require(Operation.EVENTS_ATTENDANCE, Access.relations(Access.principal(t, actor), e.venue().academie())
                    .add(Relation.ORGANISER, actor instanceof MemberId m && e.isOrganiser(m)));
            if (e.status() != EventStatus.HELD) {
                throw new IllegalTransitionException("attendance at event " + id + " (it is not held yet)", e.status(), EventStatus.HELD);
            }
            for (MemberId m : marked) {
                if (!e.isRegistered(m)) {
                    throw new InvalidValueException("present", "member " + m + " was not registered to event " + id);
                }
            }
            Optional<ResearchStore.Attendance> before = ResearchStore.attendance(t, id);
            AttendanceFacts facts = new AttendanceFacts(e.id(), Place.of(e.venue()), e.start(), e.duration().toMinutes(),
                    e.registered().size(), marked.size());
            ResearchStore.putAttendance(t, new ResearchStore.Attendance(id, marked, engine.now(), facts));
            t.emitFacts(Tx.KIND_ATTENDANCE, id.value(), before.map(ResearchStore.Attendance::facts).orElse(null), facts);
            return marked;
        });
    }
}

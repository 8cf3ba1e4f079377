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
import fr.sharenum.model.Registration;

import java.util.Optional;
import java.util.Set;

/**
 * Attendance at events as the indicators count it. Who came is kept on the event itself ({@link Event#attended()}:
 * marked by an organiser one by one, all at once, or by members checking in with the room's code); once the event is
 * held with attendance taken, its counts go through the change feed as a kind of their own ({@code attendance}) for
 * the impact report's attended and no-shows, kept in step by {@link #sync} after every change of the event.
 */
final class Attendance {

    private Attendance() {
    }

    /**
     * The organisers mark, all at once, who came to an event held: every registrant in {@code present} as having
     * come, every other as not.
     */
    static Event mark(Tx t, Actor actor, Event e, Set<MemberId> present) {
        Access.require(Operation.EVENTS_ATTENDANCE, Access.relations(Access.principal(t, actor), e.venue() == null
                ? null : e.venue().academie()).add(Relation.ORGANISER, actor instanceof MemberId m && e.isOrganiser(m)));
        if (e.status() != EventStatus.HELD) {
            throw new IllegalTransitionException("attendance at event " + e.id() + " (it is not held yet)", e.status(),
                    EventStatus.HELD);
        }
        for (MemberId m : present) {
            if (!e.isRegistered(m)) {
                throw new InvalidValueException("present", "member " + m + " was not registered to event " + e.id());
            }
        }
        Event marked = e;
        for (Registration seat : e.registered()) {
            marked = marked.withAttendance(seat.member(), present.contains(seat.member()));
        }
        write(t, marked, present.size());
        return marked;
    }

    /**
     * Brings the attendance facts of {@code e} in step with the event as it now stands: written when it is held with
     * attendance taken, or once taken (an organiser who unmarks the last member leaves nobody present), unchanged
     * otherwise (an event held whose attendance nobody took is not counted there).
     */
    static void sync(Tx t, Event e) {
        if (e.status() == EventStatus.HELD && (e.attendanceTaken() || ResearchStore.attendance(t, e.id()).isPresent())) {
            write(t, e, e.attended().size());
        }
    }

    private static void write(Tx t, Event e, int attended) {
        Optional<ResearchStore.Attendance> before = ResearchStore.attendance(t, e.id());
        AttendanceFacts facts = new AttendanceFacts(e.id(), Place.of(e),
                e.start(), e.duration().toMinutes(), e.registered().size(), attended);
        if (before.isPresent() && before.get().facts().equals(facts)) {
            return;
        }
        ResearchStore.putAttendance(t, new ResearchStore.Attendance(e.id(), Set.copyOf(e.attended()), t.now(), facts));
        t.emitFacts(Tx.KIND_ATTENDANCE, e.id().value(), before.map(ResearchStore.Attendance::facts).orElse(null), facts);
    }
}

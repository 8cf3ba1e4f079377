package fr.sharenum.core.internal;

import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Relation;
import fr.sharenum.model.Event;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.OnlineAccess;
import fr.sharenum.model.Registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What each reader sees of an event: organisers, staff of its académie and the host see who registered;
 * anyone else sees the seats and the waitlist counted, with every other member shown as
 * {@code participant-<n>} (their own place named).
 */
final class EventViews {
    private EventViews() {
    }

    static Event forReader(Event e, Access.Relations relations) {
        Set<Relation> r = relations.set();
        if (r.contains(Relation.HOST) || r.contains(Relation.ORGANISER) || r.contains(Relation.STAFF)) {
            return e;
        }
        MemberId me = relations.principal().memberId();
        int[] n = {0};
        Event shown = e.withRegistrations(hide(e.registered(), me, n), hide(e.waitlist(), me, n));
        // the room's code is the organisers'; the visio link is for members holding a seat
        if (shown.checkInCode() != null) {
            shown = shown.withCheckInCode(null);
        }
        if (shown.isOnline() && (me == null || !e.isRegistered(me))) {
            shown = shown.withOnline(new OnlineAccess(OnlineAccess.HIDDEN,
                    e.online().academie(), e.online().departement()));
        }
        return shown;
    }

    private static List<Registration> hide(List<Registration> list, MemberId me, int[] n) {
        List<Registration> out = new ArrayList<>(list.size());
        for (Registration x : list) {
            n[0]++;
            out.add(x.member().equals(me) ? x : new Registration(MemberId.of("participant-" + n[0]), x.at()));
        }
        return out;
    }
}

package fr.sharenum.core.internal;

import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Relation;
import fr.sharenum.model.Alert;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Offer;
import fr.sharenum.model.TicketNum;

import java.util.List;
import java.util.Set;

/**
 * What each reader sees of a ticket: the requester and the host all of it; staff of its académie the
 * request and its offers, not who was alerted; an alerted or accepted helper the request with only their
 * own alert and offer.
 */
final class TicketViews {
    private TicketViews() {
    }

    static TicketNum forReader(TicketNum t, Access.Relations relations) {
        Set<Relation> r = relations.set();
        if (r.contains(Relation.REQUESTER) || r.contains(Relation.HOST)) {
            return t;
        }
        if (r.contains(Relation.STAFF)) {
            return withoutAlerts(t);
        }
        MemberId me = relations.principal().memberId();
        List<Alert> alerts = t.alerts().stream().filter(a -> a.helper().equals(me)).toList();
        List<Offer> offers = t.offers().stream().filter(o -> o.helper().equals(me)).toList();
        return copy(t, alerts, offers);
    }

    /** The ticket without the list of colleagues alerted (kept by the requester's view only). */
    static TicketNum withoutAlerts(TicketNum t) {
        return copy(t, List.of(), t.offers());
    }

    private static TicketNum copy(TicketNum t, List<Alert> alerts, List<Offer> offers) {
        return new TicketNum(t.id(), t.requester(), t.establishment(), t.origin(), t.tools(), t.kind(), t.text(), t.radiusKm(),
                t.openedAt(), t.expiresAt(), t.status(), t.shownTrainings(), t.trainingsDeclined(), alerts, offers,
                t.acceptedHelper(), t.history(), t.version(), t.themes(), t.addressedTo());
    }
}

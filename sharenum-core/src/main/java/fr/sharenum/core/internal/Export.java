package fr.sharenum.core.internal;

import fr.sharenum.MemberData;
import fr.sharenum.core.internal.store.TrustStore;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.Availability;
import fr.sharenum.model.Event;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.Notification;
import fr.sharenum.model.TicketNum;
import fr.sharenum.spi.OutboxEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The RGPD export of one member: their own data and what others addressed to them, never what is about
 * other members (who else was alerted, other helpers' offers, who else registered).
 */
final class Export {
    MemberData of(Tx t, Member m) {
        MemberId id = m.id();
        List<TicketNum> opened = new ArrayList<>();
        for (TicketNum ticket : t.ticketsOf(id)) {
            opened.add(TicketViews.withoutAlerts(ticket));
        }
        List<MemberData.HelpedTicket> helped = new ArrayList<>();
        List<Message> conversations = new ArrayList<>();
        t.forEachMember(other -> {
            for (TicketNum ticket : t.ticketsOf(other.id())) {
                boolean mine = ticket.requester().equals(id);
                boolean helping = !mine && (ticket.wasAlerted(id) || ticket.offerOf(id).isPresent()
                        || id.equals(ticket.acceptedHelper()));
                if (helping) {
                    helped.add(new MemberData.HelpedTicket(ticket.id(), ticket.openedAt(), ticket.tools(), ticket.kind(),
                            ticket.text(), ticket.status(),
                            ticket.alerts().stream().filter(a -> a.helper().equals(id)).findFirst().orElse(null),
                            ticket.offerOf(id).orElse(null), id.equals(ticket.acceptedHelper())));
                }
                if (ticket.isParticipant(id)) {
                    conversations.addAll(t.messages(ticket.id(), 0, Integer.MAX_VALUE));
                }
            }
        });
        List<MemberData.EventPart> events = new ArrayList<>();
        List<Feedback> given = new ArrayList<>();
        List<MemberData.ReceivedFeedback> received = new ArrayList<>();
        for (Event e : Engine.allEvents(t)) {
            String part = e.isOrganiser(id) ? "ORGANISER" : e.isRegistered(id) ? "REGISTERED"
                    : e.waitlistPosition(id).isPresent() ? "WAITLISTED" : null;
            if (part == null) {
                continue;
            }
            events.add(new MemberData.EventPart(e.summary(), part));
            for (Feedback f : t.feedbackOn(e.id())) {
                if (f.member().equals(id)) {
                    given.add(f);
                } else if (e.isOrganiser(id)) {
                    received.add(new MemberData.ReceivedFeedback(e.id(), f.usefulness(), f.comment(), f.at()));
                }
            }
        }
        List<Notification> pending = new ArrayList<>();
        for (OutboxEntry e : t.dueNotifications(Instant.MAX, Integer.MAX_VALUE)) {
            if (e.notification().recipient().equals(id)) {
                pending.add(e.notification());
            }
        }
        for (OutboxEntry e : t.deadLetters(Integer.MAX_VALUE)) {
            if (e.notification().recipient().equals(id)) {
                pending.add(e.notification());
            }
        }
        return new MemberData(t.now(), m, TrustStore.grantsOf(t, id), TrustStore.linksOf(t, id),
                t.alertPreferences(id).orElse(AlertPreferences.NONE), t.availability(id).orElse(Availability.NONE), opened,
                helped, conversations, events, given, received, t.badgesOf(id), pending, TrustStore.auditAbout(t, id));
    }
}

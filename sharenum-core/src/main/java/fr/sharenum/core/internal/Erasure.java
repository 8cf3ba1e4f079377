package fr.sharenum.core.internal;

import fr.sharenum.core.internal.store.BadgeTallies;
import fr.sharenum.core.internal.store.Codec;
import fr.sharenum.core.internal.store.Throttles;
import fr.sharenum.core.internal.store.TrustStore;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.Availability;
import fr.sharenum.model.Email;
import fr.sharenum.model.Event;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.IdentityLink;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Message;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Offer;
import fr.sharenum.model.TicketNum;
import fr.sharenum.spi.OutboxEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The RGPD erasure of one member, everywhere ShareNum keeps something of them: the profile anonymised;
 * their ticket texts, offers, messages and feedback comments replaced by a notice; availability,
 * preferences, verification, identity links, throttle counters and badge tally deleted; every notification waiting in
 * the outbox (pending or dead) that is addressed to them or carries their name, address or words
 * withdrawn; their reports' comments in the default moderation queue redacted. Counts stay right: tickets,
 * events, registrations and feedback scores remain under the member's opaque id.
 */
final class Erasure {
    static final String ERASED_TEXT = ErasureText.TEXT;
    Erasure() {
    }

    /** Erases {@code m} inside the transaction {@code t}; returns the anonymised member (next version). */
    Member erase(Tx t, Member m) {
        MemberId id = m.id();
        List<String> traces = new ArrayList<>(List.of(m.displayName(), m.email().value()));
        Member anonymous = new Member(id, "Membre effacé", Email.of("efface-" + Tokens.newToken()
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "@sharenum.invalid"), m.establishment(),
                m.role(), Set.of(), Map.of(), Set.of(), Set.of(), MemberStatus.ERASED, m.registeredAt(), m.version() + 1);
        t.updateMember(anonymous, m.version());
        t.deleteVerification(id);
        if (t.availability(id).isPresent()) {
            t.putAvailability(id, Availability.NONE);
        }
        if (t.alertPreferences(id).isPresent()) {
            t.putAlertPreferences(id, AlertPreferences.NONE);
        }
        for (IdentityLink link : TrustStore.linksOf(t, id)) {
            TrustStore.deleteLink(t, link);
        }
        Throttles.forget(t, MembersImpl.resendMemberKey(id));
        Throttles.forget(t, MembersImpl.resendAddressKey(m.email()));
        Throttles.forget(t, TicketsImpl.dailyKey(id));
        Throttles.forget(t, Announcements.counterKey(id));
        HelpOffersImpl.erase(t, id);
        BadgeTallies.forget(t, id);
        t.putListing(id, false);
        t.forEachMember(other -> {
            for (TicketNum ticket : t.ticketsOf(other.id())) {
                if (ticket.requester().equals(id)) {
                    traces.add(ticket.text());
                }
                ticket.offerOf(id).ifPresent(o -> traces.add(o.message()));
                TicketNum redacted = redact(ticket, id);
                if (redacted != ticket) {
                    t.updateTicket(redacted.nextVersion(), ticket.version());
                }
                if (ticket.isParticipant(id)) {
                    for (Message msg : t.messages(ticket.id(), 0, Integer.MAX_VALUE)) {
                        if (msg.sender().equals(id)) {
                            traces.add(msg.text());
                            t.redactMessage(new Message(msg.ticket(), msg.seq(), id, ERASED_TEXT, msg.at()));
                        }
                    }
                }
            }
        });
        for (Event e : Engine.allEvents(t)) {
            for (Feedback f : t.feedbackOn(e.id())) {
                if (f.member().equals(id) && !f.comment().isEmpty()) {
                    traces.add(f.comment());
                    t.redactFeedback(new Feedback(f.event(), id, f.usefulness(), ERASED_TEXT, f.at()));
                }
            }
        }
        withdrawNotifications(t, id, traces);
        ModerationImpl.redactReportsBy(t, id);
        return anonymous;
    }


    /** Deletes every outbox entry addressed to the member or carrying one of their traces (name, address, texts). */
    private static void withdrawNotifications(Tx t, MemberId id, List<String> traces) {
        List<OutboxEntry> all = new ArrayList<>(t.dueNotifications(Instant.MAX, Integer.MAX_VALUE));
        all.addAll(t.deadLetters(Integer.MAX_VALUE));
        List<String> needles = traces.stream().filter(s -> s != null && s.strip().length() >= 3).map(Erasure::jsonForm).toList();
        for (OutboxEntry e : all) {
            Notification n = e.notification();
            boolean about = n.recipient().equals(id)
                    || n instanceof Notification.OfferReceived o && o.helper().equals(id)
                    || n instanceof Notification.MessagePosted p && p.sender().equals(id);
            if (!about) {
                String json = Codec.write(n);
                about = needles.stream().anyMatch(json::contains);
            }
            if (about) {
                t.deleteOutbox(e.id());
            }
        }
    }

    /** A text as it appears inside a JSON string (escaped quotes, backslashes, line feeds). */
    private static String jsonForm(String s) {
        String json = Codec.write(s);
        return json.substring(1, json.length() - 1);
    }

    /** The ticket with what {@code author} wrote in it replaced, or the same instance when nothing is theirs. */
    private static TicketNum redact(TicketNum t, MemberId author) {
        boolean own = t.requester().equals(author);
        boolean offered = t.offerOf(author).isPresent();
        if (!own && !offered) {
            return t;
        }
        List<Offer> offers = t.offers().stream().map(o -> o.helper().equals(author)
                ? new Offer(o.helper(), ERASED_TEXT, o.at(), o.status()) : o).toList();
        return new TicketNum(t.id(), t.requester(), t.establishment(), t.origin(), t.tools(), t.kind(),
                own ? ERASED_TEXT : t.text(), t.radiusKm(), t.openedAt(), t.expiresAt(), t.status(), t.shownTrainings(),
                t.trainingsDeclined(), t.alerts(), offers, t.acceptedHelper(), t.history(), t.version(), t.themes(),
                t.addressedTo());
    }
}

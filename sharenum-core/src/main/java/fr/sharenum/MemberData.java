package fr.sharenum;

import fr.sharenum.model.Alert;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.AuditEntry;
import fr.sharenum.model.Availability;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventSummary;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.Grant;
import fr.sharenum.model.IdentityLink;
import fr.sharenum.model.Member;
import fr.sharenum.model.Message;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Offer;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything ShareNum holds about one member (RGPD right of access), from {@link Members#exportData}: the
 * member's own data and what others addressed to them — never other members' alerts, offers or
 * registrations. Serialise it with {@code sharenum-json}'s {@code ShareNumModule} to hand it over as JSON.
 *
 * @param exportedAt       when it was gathered
 * @param member           the profile
 * @param grants           privileges granted to the member, active and revoked
 * @param identityLinks    single sign-on identities linked to the member
 * @param alertPreferences alert preferences (mutes, pause, digest, blocks)
 * @param availability     the published availability
 * @param ticketsOpened    tickets the member opened, with the offers addressed to them (the list of colleagues
 *                         alerted is left out: it is about those colleagues)
 * @param ticketsHelped    tickets the member was alerted for, offered help on or was accepted for, as they saw them
 * @param conversations    messages of the conversations the member took part in
 * @param events           events the member organises, holds a seat in or waits for
 * @param feedbackGiven    feedback the member gave
 * @param feedbackReceived feedback on events the member organised (without the participants' ids)
 * @param badges           badges earned
 * @param pending          notifications to the member not delivered yet
 * @param audit            administrative actions about the member (grants, suspensions, exports, erasure)
 */
public record MemberData(Instant exportedAt, Member member, List<Grant> grants, List<IdentityLink> identityLinks,
                         AlertPreferences alertPreferences, Availability availability, List<TicketNum> ticketsOpened,
                         List<HelpedTicket> ticketsHelped, List<Message> conversations, List<EventPart> events,
                         List<Feedback> feedbackGiven, List<ReceivedFeedback> feedbackReceived, List<BadgeAward> badges,
                         List<Notification> pending, List<AuditEntry> audit) {

    /**
     * Checks and normalises the components.
     *
     * @param exportedAt when it was gathered
     * @param member the profile
     * @param grants privileges granted to the member, active and revoked
     * @param identityLinks single sign-on identities linked to the member
     * @param alertPreferences alert preferences (mutes, pause, digest, blocks)
     * @param availability the published availability
     * @param ticketsOpened tickets the member opened, with the offers addressed to them (the list of colleagues alerted is left out: it is about those colleagues)
     * @param ticketsHelped tickets the member was alerted for, offered help on or was accepted for, as they saw them
     * @param conversations messages of the conversations the member took part in
     * @param events events the member organises, holds a seat in or waits for
     * @param feedbackGiven feedback the member gave
     * @param feedbackReceived feedback on events the member organised (without the participants' ids)
     * @param badges badges earned
     * @param pending notifications to the member not delivered yet
     * @param audit administrative actions about the member (grants, suspensions, exports, erasure)
     */
    public MemberData {
        grants = List.copyOf(grants);
        identityLinks = List.copyOf(identityLinks);
        ticketsOpened = List.copyOf(ticketsOpened);
        ticketsHelped = List.copyOf(ticketsHelped);
        conversations = List.copyOf(conversations);
        events = List.copyOf(events);
        feedbackGiven = List.copyOf(feedbackGiven);
        feedbackReceived = List.copyOf(feedbackReceived);
        badges = List.copyOf(badges);
        pending = List.copyOf(pending);
        audit = List.copyOf(audit);
    }

    /**
     * A ticket the member was alerted for, as they saw it: the requester's request and their own alert and offer.
     *
     * @param ticket   the ticket
     * @param openedAt when it was opened
     * @param tools    its tools
     * @param kind     its kind
     * @param text     the request, as it was addressed to the member
     * @param status   its state
     * @param alert    the member's alert, or {@code null}
     * @param offer    the member's offer, or {@code null}
     * @param accepted whether the member was the accepted helper
     */
    public record HelpedTicket(TicketId ticket, Instant openedAt, Set<ToolId> tools, TicketKind kind, String text,
                               TicketStatus status, Alert alert, Offer offer, boolean accepted) {
    }

    /**
     * The member's part in an event.
     *
     * @param event what the event is
     * @param part  ORGANISER, REGISTERED or WAITLISTED
     */
    public record EventPart(EventSummary event, String part) {
    }

    /**
     * Feedback a participant gave on an event the member organised, without the participant's id.
     *
     * @param event      the event
     * @param usefulness 1–5
     * @param comment    the comment for the organisers, or {@code null}
     * @param at         when
     */
    public record ReceivedFeedback(EventId event, int usefulness, String comment, Instant at) {
    }
}

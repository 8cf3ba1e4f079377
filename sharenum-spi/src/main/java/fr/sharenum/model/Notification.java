package fr.sharenum.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Something ShareNum asks the host's {@link fr.sharenum.spi.Notifier} to tell one member. Each kind is
 * a record below; a notifier switches on them to pick a template.
 *
 * <p>{@link #id()} is an idempotency key: the same logical notification always carries the same id,
 * so a notifier that sees an id twice can drop the second.
 *
 * <p>Notifications carry only what the recipient may see: never another member's e-mail address.
 */
public sealed interface Notification {

    /**
     * Idempotency key, stable for one logical notification.
     *
     * @return the id
     */
    String id();

    /**
     * The member told.
     *
     * @return the member told
     */
    MemberId recipient();

    /**
     * Their professional address.
     *
     * @return their professional address
     */
    Email to();

    /**
     * Confirm your professional address with this token. A notifier always receives it with its token and expiry; in
     * the outbox it waits as an intent, with both {@code null}: each delivery attempt mints a fresh token (stored only
     * as a hash), so a secret is never stored, and its id is derived from the token (each mail its own idempotency
     * key).
     */
    record VerificationRequested(String id, MemberId recipient, Email to, String token, Instant expiresAt)
            implements Notification {
        /** Never shows the token: a notification may end up in a log. */
        @Override
        public String toString() {
            return "VerificationRequested[id=" + id + ", recipient=" + recipient + ", token=***, expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * A colleague nearby needs help with a tool you master.
     *
     * @param id                idempotency key
     * @param recipient         the helper alerted
     * @param to                their professional address
     * @param ticket            the ticket to answer
     * @param requesterName     who asks
     * @param tools             the tools the ticket is about
     * @param kind              the kind of help asked
     * @param text              the requester's words
     * @param distanceKm        distance between establishments rounded to the km
     * @param guides            guide documents that help go beyond technical support
     * @param toolNames         the names people read for {@code tools} ("Capytale (Python)"), from the host's tool
     *                          catalogue; a tool missing here is shown by its id (see {@link #toolName})
     * @param sameEstablishment whether the requester works in the recipient's own establishment: say "in your
     *                          establishment" rather than "0 km away"
     */
    record TicketAlert(String id, MemberId recipient, Email to, TicketId ticket, String requesterName,
                       Set<ToolId> tools, TicketKind kind, String text, long distanceKm, List<Guide> guides,
                       Map<ToolId, String> toolNames, boolean sameEstablishment)
            implements Notification {
        /**
         * Copies the collections; {@code toolNames} may be null (no names known).
         *
         * @param id idempotency key
         * @param recipient the helper alerted
         * @param to their professional address
         * @param ticket the ticket to answer
         * @param requesterName who asks
         * @param tools the tools the ticket is about
         * @param kind the kind of help asked
         * @param text the requester's words
         * @param distanceKm distance between establishments rounded to the km
         * @param guides guide documents that help go beyond technical support
         * @param toolNames the names people read for {@code tools} ("Capytale (Python)"), from the host's tool catalogue; a tool missing here is shown by its id (see {@link #toolName})
         * @param sameEstablishment whether the requester works in the recipient's own establishment: say "in your establishment" rather than "0 km away"
         */
        public TicketAlert {
            tools = Set.copyOf(tools);
            guides = List.copyOf(guides);
            toolNames = toolNames == null ? Map.of() : Map.copyOf(toolNames);
        }

        /**
         * An alert without tool names, for another establishment (the form before names were carried).
         *
         * @param id            idempotency key
         * @param recipient     the helper alerted
         * @param to            their professional address
         * @param ticket        the ticket to answer
         * @param requesterName who asks
         * @param tools         the tools the ticket is about
         * @param kind          the kind of help asked
         * @param text          the requester's words
         * @param distanceKm    distance between establishments rounded to the km
         * @param guides        guide documents
         */
        public TicketAlert(String id, MemberId recipient, Email to, TicketId ticket, String requesterName,
                           Set<ToolId> tools, TicketKind kind, String text, long distanceKm, List<Guide> guides) {
            this(id, recipient, to, ticket, requesterName, tools, kind, text, distanceKm, guides, Map.of(), false);
        }

        /**
         * The name people read for {@code tool}.
         *
         * @param tool one of {@link #tools()}
         * @return its name from {@link #toolNames()}, else its id
         */
        public String toolName(ToolId tool) {
            return toolNames.getOrDefault(tool, tool.value());
        }
    }

    /**
     * Several alerts gathered in one message: the member asked for a daily or weekly digest, or alerts
     * waited together for the end of the quiet hours. Its id derives from the alerts it carries.
     */
    record AlertDigest(String id, MemberId recipient, Email to, List<TicketAlert> alerts) implements Notification {
        /**
         * Checks and normalises the components.
         *
         * @param id idempotency key, derived from the alerts
         * @param recipient the member told
         * @param to their professional address
         * @param alerts the alerts, at least one
         */
        public AlertDigest {
            alerts = List.copyOf(alerts);
        }
    }

    /** A helper offered help on your ticket. */
    record OfferReceived(String id, MemberId recipient, Email to, TicketId ticket, MemberId helper,
                         String helperName, String message) implements Notification {
    }

    /** The requester accepted your offer: you can now talk and plan. */
    record OfferAccepted(String id, MemberId recipient, Email to, TicketId ticket, String requesterName)
            implements Notification {
    }

    /** The requester chose another helper; thank you for offering. */
    record OfferDeclined(String id, MemberId recipient, Email to, TicketId ticket) implements Notification {
    }

    /** A new message in a ticket's conversation. */
    record MessagePosted(String id, MemberId recipient, Email to, TicketId ticket, MemberId sender,
                         String senderName, String text) implements Notification {
    }

    /** A ticket you take part in was cancelled, expired or is done. */
    record TicketClosed(String id, MemberId recipient, Email to, TicketId ticket, TicketStatus status)
            implements Notification {
    }

    /**
     * An event concerns you; {@link #reason()} says how. The invitation goes into the member's agenda:
     * same UID for every notification about the event, higher SEQUENCE after a change.
     */
    record EventInvitation(String id, MemberId recipient, Email to, EventSummary event, InvitationReason reason,
                           Invitation invitation, String note) implements Notification {
        /**
         * An invitation with nothing more to say.
         *
         * @param id idempotency key
         * @param recipient the member told
         * @param to their professional address
         * @param event the event
         * @param reason why they are told
         * @param invitation the iCalendar invitation
         */
        public EventInvitation(String id, MemberId recipient, Email to, EventSummary event, InvitationReason reason,
                               Invitation invitation) {
            this(id, recipient, to, event, reason, invitation, null);
        }
    }

    /**
     * An event you organise or hold a seat at starts soon: the day before, and an hour before. Times are shown in
     * {@code zone}, the recipient's own (an overseas participant of an online event reads their local time); the
     * invitation is the event's iCalendar entry again, for an agenda that missed it.
     *
     * @param id         idempotency key: one per event, moment, schedule and member
     * @param recipient  the member reminded
     * @param to         their professional address
     * @param event      the event (with its visio link for an online event)
     * @param when       which reminder
     * @param zone       the recipient's time zone
     * @param invitation the iCalendar entry
     */
    record EventReminder(String id, MemberId recipient, Email to, EventSummary event, Reminder when,
                         java.time.ZoneId zone, Invitation invitation) implements Notification {
    }

    /** Which reminder of an event. */
    enum Reminder {
        /** The day before (24 hours before it starts). */
        DAY_BEFORE,
        /** An hour before it starts. */
        HOUR_BEFORE
    }

    /**
     * An event you held a seat at took place: tell its organisers how useful it was.
     *
     * @param id        idempotency key
     * @param recipient the participant
     * @param to        their professional address
     * @param event     the event
     */
    record FeedbackRequested(String id, MemberId recipient, Email to, EventSummary event) implements Notification {
    }

    /**
     * You earned a badge; it is published as an Open Badges 2.0 assertion at {@code assertion}, which a backpack
     * (Badgr, the Open Badge Factory…) imports.
     *
     * @param id        idempotency key (the award's id)
     * @param recipient the member
     * @param to        their professional address
     * @param badge     the badge's key
     * @param badgeName its name
     * @param assertion where the host publishes the assertion, or {@code null} when it publishes none
     */
    record BadgeAwarded(String id, MemberId recipient, Email to, String badge, String badgeName, java.net.URI assertion)
            implements Notification {
    }

    /**
     * A member invites you to co-organise an event: you become an organiser only if you accept.
     *
     * @param inviterName who invites you
     */
    record OrganiserInvited(String id, MemberId recipient, Email to, EventSummary event, String inviterName)
            implements Notification {
    }

    /**
     * The establishment you work at is closing or has closed (the official directory says so). You stay a member;
     * update your establishment in your profile when you move.
     *
     * @param id                the idempotency key
     * @param recipient         the member
     * @param to                their address
     * @param establishment     the establishment
     * @param establishmentName its name
     * @param status            {@link EstablishmentStatus#CLOSING} or {@link EstablishmentStatus#CLOSED}
     */
    record EstablishmentStatusChanged(String id, MemberId recipient, Email to, Uai establishment, String establishmentName,
                                      EstablishmentStatus status) implements Notification {
    }

    /** The event you registered to is full: you are on its waitlist at {@code position} (from 1). */
    record Waitlisted(String id, MemberId recipient, Email to, EventSummary event, int position)
            implements Notification {
    }

    /** Why an {@link EventInvitation} is sent. */
    enum InvitationReason {
        /** A confirmed event near you is about a tool or theme you follow (iTIP PUBLISH). */
        ANNOUNCED,
        /** You organise this confirmed event. */
        ORGANISING,
        /** You have a seat. */
        REGISTERED,
        /** A seat freed up and went to you, first on the waitlist. */
        PROMOTED,
        /** Its time changed. */
        UPDATED,
        /** It is cancelled (iTIP CANCEL). */
        CANCELLED
    }
}

package fr.sharenum.model;

import java.time.Instant;

/**
 * A member's report of another member, a message or an event, for the host's moderators.
 *
 * @param id       identifier
 * @param reporter who reports
 * @param subject  what is reported
 * @param reason   why
 * @param comment  what the reporter adds, up to 2000 characters, may be empty
 * @param at       when
 */
public record Report(String id, MemberId reporter, Subject subject, Reason reason, String comment, Instant at) {

    /** Why something is reported. */
    public enum Reason {
        /** Advertising or repeated unsolicited messages. */
        SPAM,
        /** Harassment of a member. */
        HARASSMENT,
        /** Content that has no place among colleagues. */
        INAPPROPRIATE_CONTENT,
        /** Someone passing for someone else. */
        IMPERSONATION,
        /** Anything else, told in the comment. */
        OTHER
    }

    /** What a report is about. */
    public sealed interface Subject {
        /**
         * The member the report is about, or who wrote what it is about.
         *
         * @return the member the report is about, or who wrote what it is about
         */
        String describe();
    }

    /** A member. */
    public record OfMember(MemberId member) implements Subject {
        /**
         * Checks and normalises the components.
         *
         * @param member the member
         */
        public OfMember {
            InvalidValueException.requireNonNull("member", member);
        }

        @Override
        public String describe() {
            return "member " + member;
        }
    }

    /** A message of a ticket's conversation. */
    public record OfMessage(TicketId ticket, long seq) implements Subject {
        /**
         * Checks and normalises the components.
         *
         * @param ticket the ticket
         * @param seq the seq
         */
        public OfMessage {
            InvalidValueException.requireNonNull("ticket", ticket);
            if (seq < 1) {
                throw new InvalidValueException("seq", "must be at least 1");
            }
        }

        @Override
        public String describe() {
            return "message " + seq + " of ticket " + ticket;
        }
    }

    /** An event. */
    public record OfEvent(EventId event) implements Subject {
        /**
         * Checks and normalises the components.
         *
         * @param event the event
         */
        public OfEvent {
            InvalidValueException.requireNonNull("event", event);
        }

        @Override
        public String describe() {
            return "event " + event;
        }
    }

    /**
     * Checks and normalises the components.
     *
     * @param id identifier
     * @param reporter who reports
     * @param subject what is reported
     * @param reason why
     * @param comment what the reporter adds, up to 2000 characters, may be empty
     * @param at when
     */
    public Report {
        id = InvalidValueException.require("id", id);
        InvalidValueException.requireNonNull("reporter", reporter);
        InvalidValueException.requireNonNull("subject", subject);
        InvalidValueException.requireNonNull("reason", reason);
        comment = Texts.optionalMultiline("comment", comment, 2000);
        if (comment.length() > 2000) {
            throw new InvalidValueException("comment", "at most 2000 characters, got " + comment.length());
        }
        InvalidValueException.requireNonNull("at", at);
    }
}

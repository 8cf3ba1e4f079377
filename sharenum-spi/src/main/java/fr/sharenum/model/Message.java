package fr.sharenum.model;

import java.time.Instant;

/**
 * One message of a ticket's conversation.
 *
 * @param ticket the ticket
 * @param seq    position in the conversation, from 1
 * @param sender who wrote it
 * @param text   1–4000 characters
 * @param at     when
 */
public record Message(TicketId ticket, long seq, MemberId sender, String text, Instant at) {
    /**
     * Checks and normalises the components.
     *
     * @param ticket the ticket
     * @param seq position in the conversation, from 1
     * @param sender who wrote it
     * @param text 1–4000 characters
     * @param at when
     */
    public Message {
        InvalidValueException.requireNonNull("ticket", ticket);
        if (seq < 1) {
            throw new InvalidValueException("seq", "must be at least 1");
        }
        InvalidValueException.requireNonNull("sender", sender);
        text = Texts.multiline("text", text, 4000);
        InvalidValueException.requireNonNull("at", at);
    }
}

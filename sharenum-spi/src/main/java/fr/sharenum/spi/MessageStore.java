package fr.sharenum.spi;

import fr.sharenum.model.Message;
import fr.sharenum.model.TicketId;

import java.util.List;

/** The conversations of tickets. Part of a {@link StoreTransaction}. */
public interface MessageStore {

    /**
     * Appends a message; its {@code seq} is the ticket's last seq plus one (1 for the first).
     *
     * @param message the message
     * @throws fr.sharenum.model.VersionConflictException when another message took that seq
     */
    void append(Message message);

    /**
     * @param ticket   a ticket
     * @param afterSeq only messages after this seq
     * @param limit    at most this many
     * @return the messages, in order
     */
    List<Message> after(TicketId ticket, long afterSeq, int limit);

    /**
     * @param ticket a ticket
     * @return the seq of its last message, 0 when there is none
     */
    long lastSeq(TicketId ticket);

    /**
     * Replaces the text of a stored message (same ticket and seq), for erasure at a member's request.
     *
     * @param redacted the message with its new text
     * @throws fr.sharenum.model.NotFoundException when there is no such message
     */
    void redact(Message redacted);
}

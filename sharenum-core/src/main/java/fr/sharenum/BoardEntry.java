package fr.sharenum;

import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;

import java.time.Instant;
import java.util.Set;

/**
 * An open request on the helper's board ({@link Tickets#board}): what it is about and how far, and the requester's
 * words only when the access matrix lets the reader see them (row {@code TICKETS_BOARD_TEXT}); the requester's name
 * and address never.
 *
 * @param ticket            the ticket, to read or offer help on
 * @param tools             its tools
 * @param themes            its themes
 * @param kind              the kind of help asked
 * @param text              the requester's words, or {@code null} when the reader may not see them
 * @param distanceKm        distance between the two establishments, rounded to the km
 * @param sameEstablishment whether the requester works in the reader's establishment
 * @param openedAt          when it was opened
 * @param expiresAt         when it expires without a helper
 * @param status            OPEN or OFFERS_RECEIVED
 * @param offers            how many offers it has
 * @param alerted           whether the reader was alerted for it
 * @param offered           whether the reader already offered help
 */
public record BoardEntry(TicketId ticket, Set<ToolId> tools, Set<Theme> themes, TicketKind kind, String text,
                         long distanceKm, boolean sameEstablishment, Instant openedAt, Instant expiresAt,
                         TicketStatus status, int offers, boolean alerted, boolean offered) {
    /**
     * Checks and normalises the components.
     *
     * @param ticket the ticket
     * @param tools its tools
     * @param themes its themes
     * @param kind the kind of help asked
     * @param text the requester's words, or {@code null}
     * @param distanceKm distance rounded to the km
     * @param sameEstablishment whether the requester works in the reader's establishment
     * @param openedAt when it was opened
     * @param expiresAt when it expires
     * @param status its status
     * @param offers how many offers
     * @param alerted whether the reader was alerted
     * @param offered whether the reader offered help
     */
    public BoardEntry {
        tools = Set.copyOf(tools);
        themes = Set.copyOf(themes);
    }
}

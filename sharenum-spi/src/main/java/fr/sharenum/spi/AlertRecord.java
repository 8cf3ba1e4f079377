package fr.sharenum.spi;

import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.ToolId;

import java.time.Instant;

/**
 * One alert sent to a helper, kept so that alerts can be bounded and shared fairly: a weekly cap per
 * helper, least-recently-alerted first, no re-alert of the same helpers by the same requester for the
 * same tool within a cool-down.
 *
 * @param helper    who was alerted
 * @param requester who asked
 * @param tool      the tool the helper was alerted for
 * @param ticket    the ticket
 * @param at        when
 */
public record AlertRecord(MemberId helper, MemberId requester, ToolId tool, TicketId ticket, Instant at) {
    /**
     * Checks and normalises the components.
     *
     * @param helper who was alerted
     * @param requester who asked
     * @param tool the tool the helper was alerted for
     * @param ticket the ticket
     * @param at when
     */
    public AlertRecord {
        if (helper == null || requester == null || tool == null || ticket == null || at == null) {
            throw new InvalidValueException("alertRecord", "helper, requester, tool, ticket and time are required");
        }
    }
}

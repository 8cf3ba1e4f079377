package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Report;

import java.util.List;

/**
 * Abuse and trust: members report a member, a message or an event to the host's moderators
 * ({@link fr.sharenum.spi.ModerationQueue}), and block members. Obtained from
 * {@link ShareNum#moderation()}; thread-safe.
 *
 * <pre>{@code
 * sharenum.moderation().report(claire.id(), new Report.OfMessage(ticket.id(), 3), Report.Reason.HARASSMENT, "…");
 * sharenum.moderation().block(claire.id(), troll.id());   // no alert, announcement or offer between them
 * }</pre>
 */
public interface Moderation {

    /**
     * Checks and submits a report. The reporter must be active and able to see what they report (a
     * message only in a conversation they take part in), and may not report themselves or the same
     * thing twice. The report's id is derived from reporter and subject, so a queue can ignore repeats.
     *
     * @param actor   the reporter, an active member
     * @param subject what is reported
     * @param reason  why
     * @param comment details for the moderators, or {@code null}
     * @return the report
     * @throws fr.sharenum.model.NotAllowedException  the reporter may not report this
     * @throws fr.sharenum.model.NotFoundException    the subject does not exist
     * @throws fr.sharenum.model.DuplicateException   the reporter already reported it
     */
    Report report(Actor actor, Report.Subject subject, Report.Reason reason, String comment);

    /**
     * Blocks a member: between the two, no alert, announcement, offer, registration to the other's events,
     * co-organisation or message. At most 500 members blocked.
     *
     * @param actor   the member who blocks, active
     * @param blocked the member blocked
     * @throws fr.sharenum.model.LimitExceededException the actor already blocks the most members allowed
     * @throws fr.sharenum.model.NotFoundException when either member is unknown
     * @throws fr.sharenum.model.InvalidValueException when the actor blocks themself
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    void block(Actor actor, MemberId blocked);

    /**
     * Lifts a block.
     *
     * @param actor   the member who blocked, active
     * @param blocked the member blocked
     * @throws fr.sharenum.model.NotFoundException when either member is unknown
     * @throws fr.sharenum.model.InvalidValueException when the actor names themself
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    void unblock(Actor actor, MemberId blocked);

    /**
     * Reports the default in-memory queue holds (empty when the host plugged its own queue that forwards them):
     * for staff, those whose reporter works in their académie.
     *
     * @param actor staff of an académie, a national administrator, or the host
     * @return the reports
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    List<Report> pendingReports(Actor actor);
}

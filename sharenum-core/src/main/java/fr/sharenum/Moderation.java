package fr.sharenum;

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
     * @throws fr.sharenum.model.NotAllowedException  the reporter may not report this
     * @throws fr.sharenum.model.NotFoundException    the subject does not exist
     * @throws fr.sharenum.model.DuplicateException   the reporter already reported it
     */
    Report report(MemberId reporter, Report.Subject subject, Report.Reason reason, String comment);

    /** Blocks a member: neither gets alerts from the other's tickets nor announcements of the other's events. */
    void block(MemberId blocker, MemberId blocked);

    void unblock(MemberId blocker, MemberId blocked);

    /** Reports the default in-memory queue holds (empty when the host plugged its own queue that forwards them). */
    List<Report> pendingReports();
}

package fr.sharenum.spi;

import fr.sharenum.model.Report;

import java.util.List;

/**
 * Where reports go for the host's moderators (an ENT back-office, a ticketing tool, the académie's
 * DANE). ShareNum checks a report (the reporter may see what they report, no duplicate) before it
 * submits it; moderators then act through the host (suspending a member, cancelling an event…).
 * Implementations must be thread-safe. Core's default keeps reports in the store.
 *
 * <pre>{@code
 * ShareNum sharenum = ShareNum.builder().moderationQueue(report -> backOffice.open(report)).build();
 * }</pre>
 */
public interface ModerationQueue {

    /**
     * Takes a checked report.
     *
     * @param report the report
     */
    void submit(Report report);

    /**
     * Reports waiting for a moderator, oldest first; empty for a queue that forwards them elsewhere.
     *
     * @return the pending
     */
    default List<Report> pending() {
        return List.of();
    }
}

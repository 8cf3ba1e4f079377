package fr.sharenum.core.internal.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.sharenum.AlertReport;
import fr.sharenum.AlertReport.Delay;
import fr.sharenum.AlertReport.NotAlerted;
import fr.sharenum.model.TicketId;
import fr.sharenum.spi.Documents;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each ticket's alert selection left out, and which alerts it held, kept in the store (one document per
 * ticket, written in the transaction that opens it, never changed) so that every instance reads the same. Not part
 * of the change feed: nothing derived depends on it.
 */
public final class AlertReports {

    /**
     * The stored form.
     *
     * @param ticket     the ticket
     * @param qualified  members found qualified
     * @param alerted    members alerted
     * @param notAlerted every qualified member examined and not alerted, and why
     * @param delayed    alerts held, per delay
     * @param beyond     qualified members farther than those examined, left out by the ticket's cap without being
     *                   examined (0 in reports stored before they were counted apart: every member was examined);
     *                   not written when 0, so that a report with every member examined reads as before on an
     *                   instance of an earlier version (rolling upgrades)
     */
    public record Stored(TicketId ticket, int qualified, int alerted, List<NotAlerted> notAlerted,
                         Map<Delay, Integer> delayed,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) int beyond) {
        /**
         * @param ticket     the ticket
         * @param qualified  members found qualified
         * @param alerted    members alerted
         * @param notAlerted who was examined and not alerted
         * @param delayed    alerts held
         * @param beyond     members not examined
         */
        public Stored {
            notAlerted = List.copyOf(notAlerted);
            delayed = Map.copyOf(delayed);
        }
    }

    static final DocCollection<Stored> REPORTS = new DocCollection<>("alert-report", Stored.class,
            r -> r.ticket().value(), r -> Map.of());

    private AlertReports() {
    }

    /**
     * Records the report of a ticket being opened.
     *
     * @param d      the transaction's kernel
     * @param report the report
     */
    public static void record(Documents d, Stored report) {
        REPORTS.insert(d, report);
    }

    /**
     * @param d      the transaction's kernel
     * @param ticket a ticket
     * @return its report, empty for a ticket opened before reports were kept
     */
    public static Optional<Stored> of(Documents d, TicketId ticket) {
        return REPORTS.get(d, ticket.value());
    }

    /**
     * The report as a reader sees it.
     *
     * @param stored     the stored report
     * @param perMember  whether the reader sees who was left out (staff, host), else counts only with blocks left out
     * @return the report
     */
    public static AlertReport view(Stored stored, boolean perMember) {
        Map<AlertReport.Reason, Integer> counts = new EnumMap<>(AlertReport.Reason.class);
        int hidden = 0;
        if (stored.beyond() > 0) {
            counts.put(AlertReport.Reason.TICKET_CAP, stored.beyond());
        }
        for (NotAlerted n : stored.notAlerted()) {
            if (!perMember && n.reason() == AlertReport.Reason.BLOCKED) {
                hidden++;
                continue;
            }
            counts.merge(n.reason(), 1, Integer::sum);
        }
        return new AlertReport(stored.ticket(), stored.qualified() - hidden, stored.alerted(), counts, stored.delayed(),
                perMember ? stored.notAlerted() : List.of());
    }
}

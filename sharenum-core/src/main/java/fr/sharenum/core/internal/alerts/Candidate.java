package fr.sharenum.core.internal.alerts;

import fr.sharenum.model.Alert;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A qualified member considered for a ticket's alerts, with what the selection rules weigh.
 *
 * @param alert          the alert they would get: their best tool and level, their exact distance
 * @param preferences    their alert preferences ({@link AlertPreferences#NONE} when they set none)
 * @param coolingDown    whether the requester alerted them for the same tool within the cool-down
 * @param alertsThisWeek alerts they received over the last 7 days
 * @param lastAlerted    their last alert ever, or {@code null}
 */
public record Candidate(Alert alert, AlertPreferences preferences, boolean coolingDown, int alertsThisWeek,
                        Instant lastAlerted) {

    /**
     * Nearest first, then most experienced, then by member id: the order alerts are ranked and shown in. Written out
     * rather than composed ({@code comparingDouble(…).thenComparing(…)}): a ticket at national density sorts thousands
     * of qualified members, many at the same distance (colleagues of one establishment).
     */
    public static final Comparator<Alert> ALERT_ORDER = (a, b) -> {
        int c = Double.compare(a.distanceKm(), b.distanceKm());
        if (c != 0) {
            return c;
        }
        c = b.level().compareTo(a.level());
        return c != 0 ? c : a.helper().compareTo(b.helper());
    };

    /** {@link #ALERT_ORDER} on the candidates' alerts. */
    public static final Comparator<Candidate> RANK = Comparator.comparing(Candidate::alert, ALERT_ORDER);

    /**
     * @param alert          the alert they would get
     * @param preferences    their preferences
     * @param coolingDown    whether they are in the requester's cool-down for the tool
     * @param alertsThisWeek alerts over the last 7 days, {@code >= 0}
     * @param lastAlerted    last alert ever, or {@code null}
     */
    public Candidate {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(preferences, "preferences");
        if (alertsThisWeek < 0) {
            throw new IllegalArgumentException("alertsThisWeek must be >= 0, was " + alertsThisWeek);
        }
    }

    /**
     * A candidate with no preferences, no cool-down and no alert yet (for tests and first tickets).
     *
     * @param helper     the member
     * @param tool       the tool they qualify on
     * @param level      their level on it
     * @param distanceKm their distance, in km
     * @return the candidate
     */
    public static Candidate of(MemberId helper, ToolId tool, CompetenceLevel level, double distanceKm) {
        return new Candidate(new Alert(helper, tool, level, distanceKm), AlertPreferences.NONE, false, 0, null);
    }

    /** @return the member */
    public MemberId helper() {
        return alert.helper();
    }

    /** @return the tool they qualify on */
    public ToolId tool() {
        return alert.tool();
    }
}

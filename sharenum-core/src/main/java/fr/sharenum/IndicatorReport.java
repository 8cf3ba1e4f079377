package fr.sharenum;

import fr.sharenum.model.ToolId;

import java.time.YearMonth;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The indicators of one territory over a period of whole months. Immutable. Shares are between 0 and 1
 * (0 when there is nothing to divide); medians are in minutes, {@code null} when nothing was measured.
 *
 * @param territory               where
 * @param from                    first month
 * @param to                      last month (inclusive)
 * @param membersByToolAndLevel   active members today, per tool, per level (NOVICE, INTERMEDIATE, EXPERIENCED)
 * @param ticketsOpened           tickets opened in the period
 * @param shareShownTraining      of them, share first shown an institutional training
 * @param shareDeclinedTraining   share that declined the trainings shown
 * @param shareWithOffer          share that got at least one offer
 * @param shareWithHelper         share that got an accepted helper
 * @param shareWithEvent          share that led to an event
 * @param medianMinutesToOffer    median time from opening to the first offer
 * @param medianMinutesToHelper   median time to an accepted helper
 * @param medianMinutesToEvent    median time to the event being planned
 * @param eventsHeld              events held (by start month)
 * @param participants            seats filled at events held
 * @param registrations           seats filled at events not cancelled
 * @param capacity                seats offered at events not cancelled
 * @param busNumDays              distinct (bus, day) pairs booked
 * @param busNumKm                km driven by BusNums, home base to venue and back, great-circle, to the metre
 * @param busiestTenthAlertShare  share of the alerts received by the busiest 10 % of alerted helpers
 * @param busiestTenthEventShare  share of the events held carried by the busiest 10 % of organisers
 * @param unmetDemandByTool       tickets expired without any offer, per tool
 * @param feedbacks               participants' feedbacks on the events held
 * @param meanUsefulness          their mean usefulness, 1–5 (0 when there is none)
 * @param attended                of the seats filled at events held, the members who came (every seat of an event
 *                                whose attendance was not taken)
 * @param noShows                 members holding a seat at an event held whose attendance was taken, not marked as
 *                                having come
 */
public record IndicatorReport(Territory territory, YearMonth from, YearMonth to,
                              Map<ToolId, int[]> membersByToolAndLevel, int ticketsOpened, double shareShownTraining,
                              double shareDeclinedTraining, double shareWithOffer, double shareWithHelper,
                              double shareWithEvent, Long medianMinutesToOffer, Long medianMinutesToHelper,
                              Long medianMinutesToEvent, int eventsHeld, int participants, int registrations,
                              int capacity, int busNumDays, double busNumKm, double busiestTenthAlertShare,
                              double busiestTenthEventShare, Map<ToolId, Integer> unmetDemandByTool, int feedbacks,
                              double meanUsefulness, int attended, int noShows) {

    /**
     * A report without attendance figures (the form before attendance): every participant counted as attended.
     *
     * @param territory where
     * @param from first month
     * @param to last month (inclusive)
     * @param membersByToolAndLevel active members today, per tool, per level
     * @param ticketsOpened tickets opened in the period
     * @param shareShownTraining share first shown an institutional training
     * @param shareDeclinedTraining share that declined the trainings shown
     * @param shareWithOffer share that got at least one offer
     * @param shareWithHelper share that got an accepted helper
     * @param shareWithEvent share that led to an event
     * @param medianMinutesToOffer median time from opening to the first offer
     * @param medianMinutesToHelper median time to an accepted helper
     * @param medianMinutesToEvent median time to the event being planned
     * @param eventsHeld events held
     * @param participants seats filled at events held
     * @param registrations seats filled at events not cancelled
     * @param capacity seats offered at events not cancelled
     * @param busNumDays distinct (bus, day) pairs booked
     * @param busNumKm km driven by BusNums
     * @param busiestTenthAlertShare share of the alerts received by the busiest 10 % of alerted helpers
     * @param busiestTenthEventShare share of the events held carried by the busiest 10 % of organisers
     * @param unmetDemandByTool tickets expired without any offer, per tool
     * @param feedbacks participants' feedbacks on the events held
     * @param meanUsefulness their mean usefulness
     */
    public IndicatorReport(Territory territory, YearMonth from, YearMonth to, Map<ToolId, int[]> membersByToolAndLevel,
                           int ticketsOpened, double shareShownTraining, double shareDeclinedTraining, double shareWithOffer,
                           double shareWithHelper, double shareWithEvent, Long medianMinutesToOffer,
                           Long medianMinutesToHelper, Long medianMinutesToEvent, int eventsHeld, int participants,
                           int registrations, int capacity, int busNumDays, double busNumKm, double busiestTenthAlertShare,
                           double busiestTenthEventShare, Map<ToolId, Integer> unmetDemandByTool, int feedbacks,
                           double meanUsefulness) {
        this(territory, from, to, membersByToolAndLevel, ticketsOpened, shareShownTraining, shareDeclinedTraining,
                shareWithOffer, shareWithHelper, shareWithEvent, medianMinutesToOffer, medianMinutesToHelper,
                medianMinutesToEvent, eventsHeld, participants, registrations, capacity, busNumDays, busNumKm,
                busiestTenthAlertShare, busiestTenthEventShare, unmetDemandByTool, feedbacks, meanUsefulness, participants, 0);
    }

    /**
     * Checks and normalises the components.
     *
     * @param territory where
     * @param from first month
     * @param to last month (inclusive)
     * @param membersByToolAndLevel active members today, per tool, per level (NOVICE, INTERMEDIATE, EXPERIENCED)
     * @param ticketsOpened tickets opened in the period
     * @param shareShownTraining of them, share first shown an institutional training
     * @param shareDeclinedTraining share that declined the trainings shown
     * @param shareWithOffer share that got at least one offer
     * @param shareWithHelper share that got an accepted helper
     * @param shareWithEvent share that led to an event
     * @param medianMinutesToOffer median time from opening to the first offer
     * @param medianMinutesToHelper median time to an accepted helper
     * @param medianMinutesToEvent median time to the event being planned
     * @param eventsHeld events held (by start month)
     * @param participants seats filled at events held
     * @param registrations seats filled at events not cancelled
     * @param capacity seats offered at events not cancelled
     * @param busNumDays distinct (bus, day) pairs booked
     * @param busNumKm km driven by BusNums, home base to venue and back, great-circle
     * @param busiestTenthAlertShare share of the alerts received by the busiest 10 % of alerted helpers
     * @param busiestTenthEventShare share of the events held carried by the busiest 10 % of organisers
     * @param unmetDemandByTool tickets expired without any offer, per tool
     * @param feedbacks participants' feedbacks on the events held
     * @param meanUsefulness their mean usefulness, 1–5 (0 when there is none)
     * @param attended of the seats filled at events held, the members who came
     * @param noShows members holding a seat at an event held whose attendance was taken, not marked as having come
     */
    public IndicatorReport {
        Map<ToolId, int[]> members = new TreeMap<>();
        membersByToolAndLevel.forEach((k, v) -> members.put(k, v.clone()));
        membersByToolAndLevel = Collections.unmodifiableMap(members);
        unmetDemandByTool = Collections.unmodifiableMap(new TreeMap<>(unmetDemandByTool));
    }

    /**
     * Active members per tool and level; a copy, so the report stays immutable.
     *
     * @return the members by tool and level
     */
    @Override
    public Map<ToolId, int[]> membersByToolAndLevel() {
        Map<ToolId, int[]> copy = new TreeMap<>();
        membersByToolAndLevel.forEach((k, v) -> copy.put(k, v.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Members today on {@code tool} at a level (0 novice, 1 intermediate, 2 experienced).
     *
     * @param tool the tool
     * @param level the competence level
     * @return the members
     */
    public int members(ToolId tool, int level) {
        int[] counts = membersByToolAndLevel.get(tool);
        return counts == null ? 0 : counts[level];
    }

    /**
     * Registrations over capacity at events not cancelled, 0 when there was none.
     *
     * @return the fill rate
     */
    public double fillRate() {
        return capacity == 0 ? 0 : (double) registrations / capacity;
    }

    /**
     * The report as "indicator;value" lines (UTF-8 CSV, semicolon separated, with a header).
     *
     * @return the report as "indicator;value" lines (UTF-8 CSV, semicolon separated, with a header)
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("indicator;value\n");
        line(csv, "territory", territory.level() + ":" + territory.code());
        line(csv, "from", from);
        line(csv, "to", to);
        membersByToolAndLevel.forEach((tool, c) -> {
            line(csv, "members." + tool + ".novice", c[0]);
            line(csv, "members." + tool + ".intermediate", c[1]);
            line(csv, "members." + tool + ".experienced", c[2]);
        });
        line(csv, "tickets_opened", ticketsOpened);
        line(csv, "share_shown_training", shareShownTraining);
        line(csv, "share_declined_training", shareDeclinedTraining);
        line(csv, "share_with_offer", shareWithOffer);
        line(csv, "share_with_helper", shareWithHelper);
        line(csv, "share_with_event", shareWithEvent);
        line(csv, "median_minutes_to_offer", medianMinutesToOffer == null ? "" : medianMinutesToOffer);
        line(csv, "median_minutes_to_helper", medianMinutesToHelper == null ? "" : medianMinutesToHelper);
        line(csv, "median_minutes_to_event", medianMinutesToEvent == null ? "" : medianMinutesToEvent);
        line(csv, "events_held", eventsHeld);
        line(csv, "participants", participants);
        line(csv, "attended", attended);
        line(csv, "no_shows", noShows);
        line(csv, "registrations", registrations);
        line(csv, "capacity", capacity);
        line(csv, "busnum_days", busNumDays);
        line(csv, "busnum_km", Math.round(busNumKm));
        line(csv, "busiest_tenth_alert_share", busiestTenthAlertShare);
        line(csv, "busiest_tenth_event_share", busiestTenthEventShare);
        unmetDemandByTool.forEach((tool, n) -> line(csv, "unmet_demand." + tool, n));
        line(csv, "feedbacks", feedbacks);
        line(csv, "mean_usefulness", meanUsefulness);
        return csv.toString();
    }

    private static void line(StringBuilder csv, String name, Object value) {
        csv.append(name).append(';').append(value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : value)
                .append('\n');
    }
}

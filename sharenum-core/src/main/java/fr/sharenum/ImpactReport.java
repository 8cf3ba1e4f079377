package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.ToolId;

import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Whether the system works, for one territory over a period of whole months: who came to the events, how members
 * progress on each tool, whether needs were met by an institutional training or by a peer, the RETEX indicators (PIX
 * certifications, badges, training actions and hours, helper activity) and the delays as exact, mergeable
 * distributions. Computed from aggregates the change feed keeps, like {@link IndicatorReport}; immutable.
 *
 * <p>Counting rules (what a statistician needs to read the figures):
 * <ul>
 *   <li>events are counted in their start month at their venue; attendance only for events whose organisers marked
 *       it ({@code eventsWithAttendance}): {@code noShows = registeredAtMarkedEvents − attended};
 *       {@code attendedHours} is the sum of the attendees' hours (participant-hours);</li>
 *   <li>members are counted at their establishment while active (verified, not suspended nor erased), on each tool
 *       they declared, at their level; {@code membersAtStart} is the count at the end of the month before
 *       {@code from}, {@code membersAtEnd} at the end of {@code to}. Each dated change between those is a flow:
 *       a {@code null} level on the "from" side is an arrival (registration, verification, declaring the tool,
 *       moving in), on the "to" side a departure (dropping the tool, suspension, erasure, moving out). A move between
 *       two establishments of the territory counts as a departure and an arrival. So for every tool and level,
 *       {@code atEnd = atStart + Σ flows in − Σ flows out}. Members already there when the history began are
 *       counted as arrivals on the day they registered;</li>
 *   <li>needs per tool: tickets opened (by opening month, at the requester's establishment), trainings chosen
 *       instead of a ticket (by the month of the choice), needs met by a training (attendance declared, by the
 *       training's month) and by a peer (tickets that got an accepted helper, by opening month);</li>
 *   <li>PIX certifications by certification month at the member's establishment; badges by award month at the venue
 *       of the event that earned them; training actions are distinct trainings with at least one attendance
 *       declared, hours are participant-hours;</li>
 *   <li>helper activity: distinct members who offered help on a ticket opened in the period or organised an event
 *       held in it; offers and alerts on the tickets opened in the period.</li>
 * </ul>
 *
 * @param territory                where
 * @param from                     first month
 * @param to                       last month (inclusive)
 * @param eventsWithAttendance     events held whose attendance was marked
 * @param registeredAtMarkedEvents seats filled at those events
 * @param attended                 of them, who came
 * @param noShows                  of them, who did not
 * @param attendedHours            participant-hours at those events
 * @param membersAtStart           active members per tool and level (NOVICE, INTERMEDIATE, EXPERIENCED) at the end
 *                                 of the month before {@code from}
 * @param membersAtEnd             the same at the end of {@code to}
 * @param flows                    members per tool who changed from one level to another in the period
 * @param needsByTool              needs per tool and how they were met
 * @param pixCertifications        PIX certifications obtained in the period
 * @param meanPixScore             their mean score, {@code null} when there is none
 * @param badgesAwarded            badges awarded by host rules, per badge
 * @param trainingActions          distinct institutional trainings attended
 * @param trainingAttendances      attendances declared at them
 * @param trainingHours            participant-hours of those trainings
 * @param activeHelpers            distinct members who offered help or organised an event held
 * @param offers                   offers made on the tickets opened
 * @param alerts                   alerts sent for the tickets opened
 * @param minutesToOffer           minutes from opening to the first offer, per ticket that got one
 * @param minutesToHelper          minutes from opening to an accepted helper
 * @param minutesToEvent           minutes from opening to the event being planned
 */
public record ImpactReport(Territory territory, YearMonth from, YearMonth to, int eventsWithAttendance,
                           int registeredAtMarkedEvents, int attended, int noShows, double attendedHours,
                           Map<ToolId, int[]> membersAtStart, Map<ToolId, int[]> membersAtEnd, List<LevelFlow> flows,
                           Map<ToolId, Needs> needsByTool, int pixCertifications, Double meanPixScore,
                           Map<String, Integer> badgesAwarded, int trainingActions, int trainingAttendances,
                           double trainingHours, int activeHelpers, int offers, int alerts,
                           Distribution minutesToOffer, Distribution minutesToHelper, Distribution minutesToEvent) {

    /**
     * Members per tool who went from one level to another (a {@code null} level: not counted on that side).
     *
     * @param tool    the tool
     * @param from    the level before, or {@code null} for an arrival
     * @param to      the level after, or {@code null} for a departure
     * @param members how many changes
     */
    public record LevelFlow(ToolId tool, CompetenceLevel from, CompetenceLevel to, int members) {
        /**
         * Checks the components.
         *
         * @param tool    the tool
         * @param from    the level before, or {@code null} for an arrival
         * @param to      the level after, or {@code null} for a departure
         * @param members how many changes
         */
        public LevelFlow {
            Objects.requireNonNull(tool, "tool");
        }
    }

    /**
     * The needs on one tool and how they were met.
     *
     * @param ticketsOpened   tickets opened on it
     * @param trainingsChosen trainings chosen instead of opening a ticket
     * @param metByTraining   attendances declared at a training on it
     * @param metByPeer       tickets on it that got an accepted helper
     */
    public record Needs(int ticketsOpened, int trainingsChosen, int metByTraining, int metByPeer) {
        /**
         * The share of met needs met by an institutional training rather than a peer.
         *
         * @return {@code metByTraining / (metByTraining + metByPeer)}, 0 when none was met
         */
        public double shareMetByTraining() {
            int met = metByTraining + metByPeer;
            return met == 0 ? 0 : (double) metByTraining / met;
        }
    }

    /**
     * Checks and copies the components.
     *
     * @param territory                where
     * @param from                     first month
     * @param to                       last month (inclusive)
     * @param eventsWithAttendance     events held whose attendance was marked
     * @param registeredAtMarkedEvents seats filled at those events
     * @param attended                 of them, who came
     * @param noShows                  of them, who did not
     * @param attendedHours            participant-hours at those events
     * @param membersAtStart           active members per tool and level at the end of the month before {@code from}
     * @param membersAtEnd             the same at the end of {@code to}
     * @param flows                    members per tool who changed level in the period
     * @param needsByTool              needs per tool and how they were met
     * @param pixCertifications        PIX certifications obtained in the period
     * @param meanPixScore             their mean score, {@code null} when there is none
     * @param badgesAwarded            badges awarded, per badge
     * @param trainingActions          distinct institutional trainings attended
     * @param trainingAttendances      attendances declared at them
     * @param trainingHours            participant-hours of those trainings
     * @param activeHelpers            distinct members who offered help or organised an event held
     * @param offers                   offers made on the tickets opened
     * @param alerts                   alerts sent for the tickets opened
     * @param minutesToOffer           minutes from opening to the first offer
     * @param minutesToHelper          minutes from opening to an accepted helper
     * @param minutesToEvent           minutes from opening to the event being planned
     */
    public ImpactReport {
        Objects.requireNonNull(territory, "territory");
        membersAtStart = copy(membersAtStart);
        membersAtEnd = copy(membersAtEnd);
        flows = List.copyOf(flows);
        needsByTool = Collections.unmodifiableMap(new TreeMap<>(needsByTool));
        badgesAwarded = Collections.unmodifiableMap(new TreeMap<>(badgesAwarded));
        Objects.requireNonNull(minutesToOffer, "minutesToOffer");
        Objects.requireNonNull(minutesToHelper, "minutesToHelper");
        Objects.requireNonNull(minutesToEvent, "minutesToEvent");
    }

    private static Map<ToolId, int[]> copy(Map<ToolId, int[]> counts) {
        Map<ToolId, int[]> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.clone()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Active members per tool and level at the end of the month before the period; a copy.
     *
     * @return the members by tool and level
     */
    @Override
    public Map<ToolId, int[]> membersAtStart() {
        return copy(membersAtStart);
    }

    /**
     * Active members per tool and level at the end of the period; a copy.
     *
     * @return the members by tool and level
     */
    @Override
    public Map<ToolId, int[]> membersAtEnd() {
        return copy(membersAtEnd);
    }

    /**
     * Members on {@code tool} at {@code level} at the end of the period.
     *
     * @param tool  the tool
     * @param level the level
     * @return how many
     */
    public int membersAtEnd(ToolId tool, CompetenceLevel level) {
        int[] c = membersAtEnd.get(tool);
        return c == null ? 0 : c[level.ordinal()];
    }

    /**
     * Members on {@code tool} at {@code level} at the end of the month before the period.
     *
     * @param tool  the tool
     * @param level the level
     * @return how many
     */
    public int membersAtStart(ToolId tool, CompetenceLevel level) {
        int[] c = membersAtStart.get(tool);
        return c == null ? 0 : c[level.ordinal()];
    }

    /**
     * Changes on {@code tool} from {@code from} to {@code to} in the period.
     *
     * @param tool the tool
     * @param from the level before, {@code null} for arrivals
     * @param to   the level after, {@code null} for departures
     * @return how many
     */
    public int flow(ToolId tool, CompetenceLevel from, CompetenceLevel to) {
        return flows.stream().filter(f -> f.tool().equals(tool) && f.from() == from && f.to() == to)
                .mapToInt(LevelFlow::members).sum();
    }

    /**
     * The share of attendees among the seats filled at events whose attendance was marked.
     *
     * @return attended / registered, 0 when no attendance was marked
     */
    public double attendanceRate() {
        return registeredAtMarkedEvents == 0 ? 0 : (double) attended / registeredAtMarkedEvents;
    }

    /**
     * The report as "indicator;value" lines (UTF-8 CSV, semicolon separated, with a header), as
     * {@link IndicatorReport#toCsv()}: levels are {@code none}, {@code novice}, {@code intermediate},
     * {@code experienced}; empty quantiles are empty values.
     *
     * @return the CSV
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("indicator;value\n");
        line(csv, "territory", territory.level() + ":" + territory.code());
        line(csv, "from", from);
        line(csv, "to", to);
        line(csv, "events_with_attendance", eventsWithAttendance);
        line(csv, "registered_at_marked_events", registeredAtMarkedEvents);
        line(csv, "attended", attended);
        line(csv, "no_shows", noShows);
        line(csv, "attended_hours", attendedHours);
        levels(csv, "members_at_start", membersAtStart);
        levels(csv, "members_at_end", membersAtEnd);
        for (LevelFlow f : flows) {
            line(csv, "flow." + f.tool() + "." + name(f.from()) + "." + name(f.to()), f.members());
        }
        needsByTool.forEach((tool, n) -> {
            line(csv, "needs." + tool + ".tickets_opened", n.ticketsOpened());
            line(csv, "needs." + tool + ".trainings_chosen", n.trainingsChosen());
            line(csv, "needs." + tool + ".met_by_training", n.metByTraining());
            line(csv, "needs." + tool + ".met_by_peer", n.metByPeer());
            line(csv, "needs." + tool + ".share_met_by_training", n.shareMetByTraining());
        });
        line(csv, "pix_certifications", pixCertifications);
        line(csv, "mean_pix_score", meanPixScore == null ? "" : meanPixScore);
        badgesAwarded.forEach((badge, n) -> line(csv, "badges." + badge, n));
        line(csv, "training_actions", trainingActions);
        line(csv, "training_attendances", trainingAttendances);
        line(csv, "training_hours", trainingHours);
        line(csv, "active_helpers", activeHelpers);
        line(csv, "offers", offers);
        line(csv, "alerts", alerts);
        quantiles(csv, "minutes_to_offer", minutesToOffer);
        quantiles(csv, "minutes_to_helper", minutesToHelper);
        quantiles(csv, "minutes_to_event", minutesToEvent);
        return csv.toString();
    }

    private static String name(CompetenceLevel level) {
        return level == null ? "none" : level.name().toLowerCase(Locale.ROOT);
    }

    private static void levels(StringBuilder csv, String prefix, Map<ToolId, int[]> counts) {
        counts.forEach((tool, c) -> {
            for (CompetenceLevel l : CompetenceLevel.values()) {
                line(csv, prefix + "." + tool + "." + name(l), c[l.ordinal()]);
            }
        });
    }

    private static void quantiles(StringBuilder csv, String prefix, Distribution d) {
        line(csv, prefix + ".count", d.count());
        for (int p : new int[] {10, 25, 50, 75, 90}) {
            Long v = d.quantile(p / 100.0);
            line(csv, prefix + ".p" + p, v == null ? "" : v);
        }
    }

    private static void line(StringBuilder csv, String name, Object value) {
        csv.append(name).append(';').append(value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : value)
                .append('\n');
    }
}

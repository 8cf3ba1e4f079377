package fr.sharenum;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.ToolId;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why the qualified members of a ticket were or were not alerted, as recorded when it opened: every active member
 * within the radius at the host's minimum level on one of its tools was qualified; each was alerted, or left out by
 * the first exclusion rule that applied ({@link Reason}); some alerts were held for quiet hours or a digest
 * ({@link Delay}). Read with {@code tickets().alertReport(actor, ticket)}.
 *
 * <p>The rules examine the qualified members nearest first, and only as many as the choice needs: once the cap's
 * rotation window is full (three times the host's {@code maxAlertsPerTicket} helpers passing every rule), nobody
 * farther could be alerted, so the members beyond are counted under {@link Reason#TICKET_CAP} without being examined
 * (their preferences are not read) and are not listed in {@code members}. At national density a ticket finds
 * thousands of qualified members; the report keeps the counts of them all and the names of those examined.
 *
 * <p>The requester sees the counts only, blocks left out (a member does not learn that a colleague blocked them):
 * {@code qualified == alerted + } the sum of {@code notAlerted}. Staff of the ticket's académie and the host also
 * see who was left out and why ({@code members}).
 *
 * @param ticket     the ticket
 * @param qualified  members found qualified within the radius (the requester apart)
 * @param alerted    members alerted (now or later)
 * @param notAlerted how many qualified members were not alerted, per reason in the order of {@link Reason} (reasons
 *                   with none absent)
 * @param delayed    how many alerts were held, per delay (delays with none absent)
 * @param members    who was examined and not alerted and why, in the order the rules left them out (the members
 *                   beyond those examined are counted, not listed); empty in the requester's view
 */
public record AlertReport(TicketId ticket, int qualified, int alerted, Map<Reason, Integer> notAlerted,
                          Map<Delay, Integer> delayed, List<NotAlerted> members) {

    /** Why a qualified member was not alerted: the exclusion rules, in the order they apply (the first one names it). */
    public enum Reason {
        /** They muted the tool. */
        MUTED,
        /** They paused their alerts. */
        PAUSED,
        /** They blocked the requester, or the requester blocked them. */
        BLOCKED,
        /** The requester already alerted them for the same tool within the cool-down. */
        COOL_DOWN,
        /** They reached their weekly cap, and enough others were alerted. */
        WEEKLY_CAP,
        /**
         * The host's cap of alerts per ticket was reached (the least recently alerted of the nearest went first), or
         * before their turn came: farther than the members examined.
         */
        TICKET_CAP,
        /** Found by the matching engine but, read again as the ticket opened, no longer active or qualified. */
        NO_LONGER_QUALIFIED
    }

    /** Why an alert was held rather than sent at once. */
    public enum Delay {
        /** It fell in the helper's quiet hours: sent when they end. */
        QUIET_HOURS,
        /** The helper reads alerts in a daily or weekly digest. */
        DIGEST
    }

    /**
     * One qualified member who was not alerted.
     *
     * @param member the member
     * @param tool   the ticket tool they qualified on (their best one)
     * @param reason the first exclusion rule that applied
     */
    public record NotAlerted(MemberId member, ToolId tool, Reason reason) {
        /**
         * Checks the components.
         *
         * @param member the member
         * @param tool   the tool
         * @param reason why
         */
        public NotAlerted {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Checks and copies the components.
     *
     * @param ticket     the ticket
     * @param qualified  members found qualified
     * @param alerted    members alerted
     * @param notAlerted counts per reason
     * @param delayed    counts per delay
     * @param members    who was not alerted and why
     */
    public AlertReport {
        Objects.requireNonNull(ticket, "ticket");
        notAlerted = notAlerted.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(notAlerted));
        delayed = delayed.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(delayed));
        members = List.copyOf(members);
        if (qualified < 0 || alerted < 0 || alerted > qualified) {
            throw new IllegalArgumentException("need 0 <= alerted <= qualified, got " + alerted + " and " + qualified);
        }
    }

    /**
     * How many qualified members were not alerted for {@code reason}.
     *
     * @param reason a reason
     * @return the count, 0 when none
     */
    public int notAlerted(Reason reason) {
        return notAlerted.getOrDefault(reason, 0);
    }

    /**
     * How many alerts were held for {@code delay}.
     *
     * @param delay a delay
     * @return the count, 0 when none
     */
    public int delayed(Delay delay) {
        return delayed.getOrDefault(delay, 0);
    }
}

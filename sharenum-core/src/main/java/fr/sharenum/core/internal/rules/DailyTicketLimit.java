package fr.sharenum.core.internal.rules;

import fr.sharenum.core.internal.store.Throttles;
import fr.sharenum.model.LimitExceededException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.Documents;

import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code ticketsPerDay} tickets per requester over any 24 hours, counted in the store so that every
 * instance counts the same: {@link #check} refuses early, before work is done; {@link #take} takes the slot in the
 * transaction that opens the ticket (of two opens racing for the last slot, one conflicts, is retried, and refused).
 */
public final class DailyTicketLimit {
    private static final Duration DAY = Duration.ofDays(1);

    private final int ticketsPerDay;

    /** @param ticketsPerDay most tickets per requester over 24 hours, at least 1 */
    public DailyTicketLimit(int ticketsPerDay) {
        if (ticketsPerDay < 1) {
            throw new IllegalArgumentException("ticketsPerDay must be at least 1, was " + ticketsPerDay);
        }
        this.ticketsPerDay = ticketsPerDay;
    }

    /**
     * @param requester a member
     * @return the key of the counter of tickets they opened over the last 24 hours
     */
    public static String key(MemberId requester) {
        return "tickets-day|" + requester.value();
    }

    /**
     * Refuses when the requester has no ticket left today; takes nothing.
     *
     * @param d         the transaction's kernel
     * @param requester who opens a ticket
     * @param now       the time of the call
     * @throws LimitExceededException when they opened the most tickets allowed over the last 24 hours
     */
    public void check(Documents d, MemberId requester, Instant now) {
        Throttles.check(d, key(requester), ticketsPerDay, DAY, now, next -> refusal(requester, next));
    }

    /**
     * Takes one of the requester's tickets of the day.
     *
     * @param d         the transaction's kernel
     * @param requester who opens a ticket
     * @param now       the time of the call
     * @throws LimitExceededException when they opened the most tickets allowed over the last 24 hours
     * @throws VersionConflictException when a concurrent open took a slot at the same time
     */
    public void take(Documents d, MemberId requester, Instant now) {
        Throttles.take(d, key(requester), ticketsPerDay, DAY, now, next -> refusal(requester, next));
    }

    private LimitExceededException refusal(MemberId requester, Instant next) {
        return new LimitExceededException("member " + requester + " opened " + ticketsPerDay
                + " tickets in the last 24 hours, the most allowed; the next can be opened after " + next);
    }
}

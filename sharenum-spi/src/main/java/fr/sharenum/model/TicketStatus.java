package fr.sharenum.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a TicketNum:
 * <pre>
 * OPEN ─offer→ OFFERS_RECEIVED ─accept→ HELPER_ACCEPTED ─event→ SCHEDULED ─held→ DONE
 *   │                 │                     │   └──────────────────────────────→ DONE
 *   └─────────────────┴──── CANCELLED (requester) / EXPIRED (time) ─┘ (SCHEDULED → HELPER_ACCEPTED when the event is cancelled)
 * </pre>
 * DONE, CANCELLED and EXPIRED are final.
 */
public enum TicketStatus {
    /** Open, no offer yet. */
    OPEN,
    /** At least one helper offered. */
    OFFERS_RECEIVED,
    /** The requester accepted a helper. */
    HELPER_ACCEPTED,
    /** A meeting or workshop is planned. */
    SCHEDULED,
    /** Done (final). */
    DONE,
    /** Cancelled (final). */
    CANCELLED,
    /** No helper accepted before the lifetime ran out (final). */
    EXPIRED;

    /**
     * The states this one may move to.
     *
     * @return the states this one may move to
     */
    public Set<TicketStatus> next() {
        switch (this) {
            case OPEN:
                return EnumSet.of(OFFERS_RECEIVED, CANCELLED, EXPIRED);
            case OFFERS_RECEIVED:
                return EnumSet.of(HELPER_ACCEPTED, CANCELLED, EXPIRED);
            case HELPER_ACCEPTED:
                return EnumSet.of(SCHEDULED, DONE, CANCELLED);
            case SCHEDULED:
                return EnumSet.of(DONE, CANCELLED, HELPER_ACCEPTED);
            default:
                return EnumSet.noneOf(TicketStatus.class);
        }
    }

    /**
     * Whether a ticket in this state may move to {@code target}.
     *
     * @param target the state wanted
     * @return whether the transition is allowed
     */
    public boolean canMoveTo(TicketStatus target) {
        return next().contains(target);
    }

    /**
     * Whether no further transition is possible.
     *
     * @return whether no further transition is possible
     */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /**
     * Whether alerted members may still offer help.
     *
     * @return whether alerted members may still offer help
     */
    public boolean acceptsOffers() {
        return this == OPEN || this == OFFERS_RECEIVED;
    }
}

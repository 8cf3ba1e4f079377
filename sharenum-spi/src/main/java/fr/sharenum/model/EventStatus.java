package fr.sharenum.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of an event:
 * <pre>
 * PLANNED ─confirm→ CONFIRMED ─held→ HELD
 *    └──────────────────┴──cancel→ CANCELLED
 * </pre>
 * Registrations open when the event is CONFIRMED. HELD and CANCELLED are final.
 */
public enum EventStatus {
    /** Created, not announced yet: no registration. */
    PLANNED,
    /** Confirmed and announced: registrations open. */
    CONFIRMED,
    /** It took place (final): feedback may be given. */
    HELD,
    /** Cancelled (final). */
    CANCELLED;

    /**
     * The states this one may move to.
     *
     * @return the states this one may move to
     */
    public Set<EventStatus> next() {
        switch (this) {
            case PLANNED:
                return EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED:
                return EnumSet.of(HELD, CANCELLED);
            default:
                return EnumSet.noneOf(EventStatus.class);
        }
    }

    /**
     * Whether an event in this state may move to {@code target}.
     *
     * @param target the state wanted
     * @return whether the transition is allowed
     */
    public boolean canMoveTo(EventStatus target) {
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
     * Whether the event still occupies its organisers, participants and bus.
     *
     * @return whether the event still occupies its organisers, participants and bus
     */
    public boolean isActive() {
        return this == PLANNED || this == CONFIRMED;
    }
}

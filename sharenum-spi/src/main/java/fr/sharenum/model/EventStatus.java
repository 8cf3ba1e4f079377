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
    PLANNED, CONFIRMED, HELD, CANCELLED;

    /** The states this one may move to. */
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

    public boolean canMoveTo(EventStatus target) {
        return next().contains(target);
    }

    /** Whether no further transition is possible. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Whether the event still occupies its organisers, participants and bus. */
    public boolean isActive() {
        return this == PLANNED || this == CONFIRMED;
    }
}

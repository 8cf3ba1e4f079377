package fr.sharenum.model;

import java.time.Instant;

/**
 * A member's registration to an event, or their place on its waitlist.
 *
 * @param member who registered
 * @param at     when (waitlist order is arrival order)
 */
public record Registration(MemberId member, Instant at) {
    /**
     * Checks and normalises the components.
     *
     * @param member who registered
     * @param at when (waitlist order is arrival order)
     */
    public Registration {
        InvalidValueException.requireNonNull("member", member);
        InvalidValueException.requireNonNull("at", at);
    }
}

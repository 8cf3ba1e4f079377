package fr.sharenum.model;

import java.time.Instant;

/**
 * A participant's feedback on an event they attended.
 *
 * @param event      the event
 * @param member     the participant
 * @param usefulness from 1 (not useful) to 5 (very useful)
 * @param comment    free text for the organisers, up to 2000 characters, may be empty
 * @param at         when it was given
 */
public record Feedback(EventId event, MemberId member, int usefulness, String comment, Instant at) {
    /**
     * Checks and normalises the components.
     *
     * @param event the event
     * @param member the participant
     * @param usefulness from 1 (not useful) to 5 (very useful)
     * @param comment free text for the organisers, up to 2000 characters, may be empty
     * @param at when it was given
     */
    public Feedback {
        InvalidValueException.requireNonNull("event", event);
        InvalidValueException.requireNonNull("member", member);
        if (usefulness < 1 || usefulness > 5) {
            throw new InvalidValueException("usefulness", "must be between 1 and 5, was " + usefulness);
        }
        comment = Texts.optionalMultiline("comment", comment, 2000);
        InvalidValueException.requireNonNull("at", at);
    }
}

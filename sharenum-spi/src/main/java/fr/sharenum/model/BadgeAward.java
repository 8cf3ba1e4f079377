package fr.sharenum.model;

import java.time.Instant;

/**
 * A badge awarded to a member.
 *
 * @param id        identifier of the award (the Open Badges assertion's last path segment)
 * @param recipient who earned it
 * @param badge     the badge's key ({@link BadgeDefinition#key()})
 * @param issuedOn  when
 * @param evidence  the event whose completion earned it
 */
public record BadgeAward(String id, MemberId recipient, String badge, Instant issuedOn, EventId evidence) {
    /**
     * Checks and normalises the components.
     *
     * @param id identifier of the award (the Open Badges assertion's last path segment)
     * @param recipient who earned it
     * @param badge the badge's key ({@link BadgeDefinition#key()})
     * @param issuedOn when
     * @param evidence the event whose completion earned it
     */
    public BadgeAward {
        id = InvalidValueException.require("id", id);
        InvalidValueException.requireNonNull("recipient", recipient);
        badge = Texts.slug("badge", badge);
        InvalidValueException.requireNonNull("issuedOn", issuedOn);
        InvalidValueException.requireNonNull("evidence", evidence);
    }
}

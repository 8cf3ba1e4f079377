package fr.sharenum.core.internal.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * A badge awarded by a host rule, counted in the place and month of the event that earned it. No recipient.
 *
 * @param award    the award's id
 * @param badge    the badge's key
 * @param place    the place of the event that earned it
 * @param issuedOn when it was awarded
 */
public record BadgeFacts(String award, String badge, Place place, Instant issuedOn) {

    public BadgeFacts {
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(issuedOn, "issuedOn");
    }
}

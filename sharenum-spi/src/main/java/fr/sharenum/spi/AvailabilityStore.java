package fr.sharenum.spi;

import fr.sharenum.model.Availability;
import fr.sharenum.model.MemberId;

import java.util.Optional;

/** Members' published availability. Part of a {@link StoreTransaction}. */
public interface AvailabilityStore {

    /**
     * @param member a member
     * @return what they published, empty when nothing
     */
    Optional<Availability> get(MemberId member);

    /**
     * Inserts or replaces a member's availability.
     *
     * @param member       the member
     * @param availability their availability
     */
    void put(MemberId member, Availability availability);
}

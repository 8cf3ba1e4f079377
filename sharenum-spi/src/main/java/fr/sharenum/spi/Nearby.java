package fr.sharenum.spi;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;

import java.util.Comparator;

/**
 * One hit of a {@link FollowersQuery}.
 *
 * @param member        the member
 * @param establishment where they work
 * @param distanceKm    great-circle distance from the query centre, in km
 */
public record Nearby(MemberId member, Uai establishment, double distanceKm) {

    /** Nearest first, then by member id. */
    public static final Comparator<Nearby> ORDER = Comparator.comparingDouble(Nearby::distanceKm)
            .thenComparing(Nearby::member);
}

package fr.sharenum.spi;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;

import java.util.Comparator;

/**
 * One hit of a {@link QualifiedQuery}.
 *
 * @param member        the member
 * @param establishment where they work
 * @param level         their level on the queried tool
 * @param distanceKm    great-circle distance from the query centre, in km
 */
public record Match(MemberId member, Uai establishment, CompetenceLevel level, double distanceKm) {

    /** The order every engine returns: nearest first, then most experienced, then by member id. */
    public static final Comparator<Match> ORDER = Comparator.comparingDouble(Match::distanceKm)
            .thenComparing(Match::level, Comparator.reverseOrder())
            .thenComparing(Match::member);
}

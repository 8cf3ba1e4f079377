package fr.sharenum.core.internal.feed;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Event;
import fr.sharenum.model.Uai;
import fr.sharenum.model.Venue;

/**
 * Where a fact counts in the indicators, as the record itself says: an establishment, or — for a venue outside any
 * establishment — its académie and département. Which académie, département or commune an establishment lies in is
 * not part of the fact: it is read from the establishments as they are when a report is made, so a fact is always
 * retracted from the buckets it was added to.
 *
 * @param uai         the establishment, or {@code null}
 * @param academie    the venue's académie when there is no establishment, else {@code null}
 * @param departement the venue's département when there is no establishment, else {@code null}
 */
public record Place(Uai uai, Academie academie, String departement) {

    /**
     * @param uai an establishment
     * @return its place
     */
    public static Place of(Uai uai) {
        return new Place(uai, null, null);
    }

    /**
     * @param venue an event's venue
     * @return its place
     */
    public static Place of(Venue venue) {
        return venue.establishment() != null ? of(venue.establishment()) : new Place(null, venue.academie(), venue.departement());
    }

    /**
     * @param e an event
     * @return its venue's place, or — online only — the territory it is announced to (the whole country: no
     *         académie, counted in national reports only)
     */
    public static Place of(Event e) {
        if (e.venue() != null) {
            return of(e.venue());
        }
        return new Place(null, e.online().academie(), e.online().departement());
    }
}

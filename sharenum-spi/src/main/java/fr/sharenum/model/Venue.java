package fr.sharenum.model;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Where an event takes place: an establishment, or an address with coordinates (a médiathèque, a
 * coopérative pédagogique numérique, a town-hall square where a BusNum parks). The académie and
 * département decide the time zone and the closed days that apply.
 *
 * <pre>{@code
 * Venue carnot = Venue.of(lyceeCarnot);
 * Venue square = Venue.address("Place de la mairie, Saulieu", GeoPoint.of(47.2803, 4.2297), Academie.DIJON, "021");
 * }</pre>
 *
 * @param label         what members read (name and address), 1–300 characters
 * @param location      coordinates
 * @param academie      académie of the place
 * @param departement   département code ({@code "021"}, {@code "02A"}, {@code "974"})
 * @param establishment the establishment when the venue is one, else {@code null}
 */
public record Venue(String label, GeoPoint location, Academie academie, String departement, Uai establishment) {

    /**
     * Checks and normalises the components.
     *
     * @param label what members read (name and address), 1–300 characters
     * @param location coordinates
     * @param academie académie of the place
     * @param departement département code ({@code "021"}, {@code "02A"}, {@code "974"})
     * @param establishment the establishment when the venue is one, else {@code null}
     */
    public Venue {
        label = Texts.text("label", label, 300);
        InvalidValueException.requireNonNull("location", location);
        InvalidValueException.requireNonNull("academie", academie);
        departement = InvalidValueException.require("departement", departement).toUpperCase(Locale.ROOT);
        if (!departement.matches("0[0-9][0-9AB]|[0-9]{3}")) {
            throw new InvalidValueException("departement", "'" + departement + "' is not a 3-character département code");
        }
    }

    /**
     * The establishment itself, as a venue.
     *
     * @param e the establishment
     * @return the venue
     */
    public static Venue of(Establishment e) {
        InvalidValueException.requireNonNull("establishment", e);
        return new Venue(e.name(), e.location(), e.academie(), e.departement(), e.uai());
    }

    /**
     * Any other place.
     *
     * @param label the label shown
     * @param location where it is
     * @param academie the académie
     * @param departement the departement
     * @return the address
     */
    public static Venue address(String label, GeoPoint location, Academie academie, String departement) {
        return new Venue(label, location, academie, departement, null);
    }

    /**
     * Time zone of the place (its académie's).
     *
     * @return the zone
     */
    public ZoneId zone() {
        return academie.zone();
    }
}

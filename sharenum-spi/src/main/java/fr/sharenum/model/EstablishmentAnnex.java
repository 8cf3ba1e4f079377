package fr.sharenum.model;

import java.util.Locale;

/**
 * A further site of an establishment: the official directory lists a cité scolaire's collège and lycée,
 * or a collège and its annex, as several rows sharing one UAI. The establishment keeps its main row;
 * each other row becomes an annex.
 *
 * <pre>{@code
 * new EstablishmentAnnex("Collège Michelet - annexe", EstablishmentType.COLLEGE, GeoPoint.of(43.6035, 1.4561), "31555");
 * }</pre>
 *
 * @param name        the annex's official name, not blank
 * @param type        kind of teaching there (a cité scolaire's lycée row is a {@link EstablishmentType#LYCEE} annex)
 * @param location    WGS84 position of the site
 * @param communeCode INSEE code of its commune, or {@code null} when unknown
 */
public record EstablishmentAnnex(String name, EstablishmentType type, GeoPoint location, String communeCode) {

    /**
     * Checks and normalises the components.
     *
     * @param name the annex's official name, not blank
     * @param type kind of teaching there (a cité scolaire's lycée row is a {@link EstablishmentType#LYCEE} annex)
     * @param location WGS84 position of the site
     * @param communeCode INSEE code of its commune, or {@code null} when unknown
     */
    public EstablishmentAnnex {
        name = InvalidValueException.require("name", name);
        InvalidValueException.requireNonNull("type", type);
        InvalidValueException.requireNonNull("location", location);
        communeCode = Establishment.communeCode(communeCode);
    }

    /**
     * An annex whose commune is not known.
     *
     * @param name the annex's official name, not blank
     * @param type kind of teaching there (a cité scolaire's lycée row is a {@link EstablishmentType#LYCEE} annex)
     * @param location WGS84 position of the site
     */
    public EstablishmentAnnex(String name, EstablishmentType type, GeoPoint location) {
        this(name, type, location, null);
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(Locale.ROOT) + ", " + location + ")";
    }
}

package fr.sharenum.model;

import java.util.Objects;

/**
 * A school or service where members work. Members are located at their establishment, never more
 * precisely.
 *
 * <pre>{@code
 * Establishment carnot = new Establishment(Uai.of("0210015C"), "Lycée Carnot", EstablishmentType.LYCEE,
 *         Academie.DIJON, GeoPoint.of(47.3192, 5.0463), "21231");
 * }</pre>
 *
 * @param uai         identifier
 * @param name        official name, not blank
 * @param type        kind of establishment
 * @param academie    académie it belongs to
 * @param location    WGS84 position
 * @param communeCode INSEE code of the commune (5 characters, e.g. {@code "21231"}), or {@code null} when unknown
 */
public record Establishment(Uai uai, String name, EstablishmentType type, Academie academie, GeoPoint location,
                            String communeCode) {

    public Establishment {
        InvalidValueException.requireNonNull("uai", uai);
        name = InvalidValueException.require("name", name);
        InvalidValueException.requireNonNull("type", type);
        InvalidValueException.requireNonNull("academie", academie);
        InvalidValueException.requireNonNull("location", location);
        if (communeCode != null) {
            communeCode = communeCode.strip().toUpperCase(java.util.Locale.ROOT);
            if (!communeCode.matches("[0-9][0-9AB][0-9]{3}")) {
                throw new InvalidValueException("communeCode", "'" + communeCode + "' is not an INSEE commune code");
            }
        }
    }

    /** An establishment whose commune is not known. */
    public Establishment(Uai uai, String name, EstablishmentType type, Academie academie, GeoPoint location) {
        this(uai, name, type, academie, location, null);
    }

    /** Département code, from the UAI ({@code "021"}, {@code "02A"}, {@code "974"}). */
    public String departement() {
        return uai.departement();
    }

    /** Same establishment at another position (a move, a corrected geocoding). */
    public Establishment withLocation(GeoPoint newLocation) {
        return new Establishment(uai, name, type, academie, Objects.requireNonNull(newLocation), communeCode);
    }
}

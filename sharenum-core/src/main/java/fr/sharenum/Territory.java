package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Uai;

import java.util.Objects;

/**
 * A territory indicators are computed for: the whole country, an académie, a département, a commune
 * or one establishment.
 *
 * @param level how wide
 * @param code  {@code "FR"}, the académie code, the département code ({@code "021"}), the INSEE commune
 *              code ({@code "21231"}) or the UAI
 */
public record Territory(Level level, String code) {

    /** How wide a territory is. */
    public enum Level {
        /** The whole country; code {@code "FR"}. */
        COUNTRY,
        /** One académie; its code. */
        ACADEMIE,
        /** One département; its code ({@code "021"}). */
        DEPARTEMENT,
        /** One commune; its INSEE code ({@code "21231"}). */
        COMMUNE,
        /** One establishment; its UAI. */
        ESTABLISHMENT
    }

    /**
     * Checks and normalises the components.
     *
     * @param level how wide
     * @param code {@code "FR"}, the académie code, the département code ({@code "021"}), the INSEE commune code ({@code "21231"}) or the UAI
     */
    public Territory {
        Objects.requireNonNull(level, "level");
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("code", "a territory has a code");
        }
    }

    /**
     * The country.
     *
     * @return the country
     */
    public static Territory country() {
        return new Territory(Level.COUNTRY, "FR");
    }

    /**
     * The {@code Territory} of the given values.
     *
     * @param academie the académie
     * @return the {@code Territory}
     */
    public static Territory of(Academie academie) {
        return new Territory(Level.ACADEMIE, academie.code());
    }

    /**
     * The departement.
     *
     * @param code the stable code
     * @return the departement
     */
    public static Territory departement(String code) {
        return new Territory(Level.DEPARTEMENT, code);
    }

    /**
     * The commune.
     *
     * @param inseeCode the insee code
     * @return the commune
     */
    public static Territory commune(String inseeCode) {
        return new Territory(Level.COMMUNE, inseeCode);
    }

    /**
     * The {@code Territory} of the given values.
     *
     * @param establishment the establishment
     * @return the {@code Territory}
     */
    public static Territory of(Uai establishment) {
        return new Territory(Level.ESTABLISHMENT, establishment.value());
    }
}

package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Uai;

import java.util.Objects;

/**
 * A territory indicators are computed for: the whole country, an académie, a département, a commune
 * or one establishment — or a custom territory (a TNE, a bassin, a réseau d'établissements) that académie staff
 * define as a named set of those ({@link TerritoryDefinition}, {@link Indicators#define}).
 *
 * @param level how wide
 * @param code  {@code "FR"}, the académie code, the département code ({@code "021"}), the INSEE commune
 *              code ({@code "21231"}), the UAI, or a custom territory's code ({@code "tne-aisne"})
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
        ESTABLISHMENT,
        /** A custom territory: a named set of communes, départements, académies or establishments; its code. */
        CUSTOM
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
        if (level == Level.CUSTOM && !code.matches(CUSTOM_CODE)) {
            throw new InvalidValueException("code", "a custom territory's code is 2 to 60 lower-case letters, digits or"
                    + " dashes, starting with a letter or digit; was '" + code + "'");
        }
    }

    /** What a custom territory's code looks like. */
    static final String CUSTOM_CODE = "[a-z0-9][a-z0-9-]{1,59}";

    /**
     * A custom territory, by its code (defined with {@link Indicators#define}).
     *
     * @param code its code, 2 to 60 lower-case letters, digits or dashes ({@code "tne-aisne"})
     * @return the territory
     * @throws InvalidValueException when the code is not one
     */
    public static Territory custom(String code) {
        return new Territory(Level.CUSTOM, code);
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

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
    public enum Level { COUNTRY, ACADEMIE, DEPARTEMENT, COMMUNE, ESTABLISHMENT }

    public Territory {
        Objects.requireNonNull(level, "level");
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("code", "a territory has a code");
        }
    }

    public static Territory country() {
        return new Territory(Level.COUNTRY, "FR");
    }

    public static Territory of(Academie academie) {
        return new Territory(Level.ACADEMIE, academie.code());
    }

    public static Territory departement(String code) {
        return new Territory(Level.DEPARTEMENT, code);
    }

    public static Territory commune(String inseeCode) {
        return new Territory(Level.COMMUNE, inseeCode);
    }

    public static Territory of(Uai establishment) {
        return new Territory(Level.ESTABLISHMENT, establishment.value());
    }
}

package fr.sharenum.model;

import java.util.regex.Pattern;

/**
 * UAI (Unité administrative immatriculée, formerly RNE): the 8-character identifier of a French
 * establishment. Seven digits — the first three name the département ({@code 021}, {@code 620}/{@code 720}
 * for Corse, {@code 97x}/{@code 98x} overseas) — then a check letter: the seven-digit number modulo
 * 23, indexing {@code ABCDEFGHJKLMNPRSTUVWXYZ} (no I, O, Q).
 *
 * <p>Input is trimmed and upper-cased, so {@code "0311131l"} is {@code 0311131L}.
 *
 * <pre>{@code
 * Uai lycee = Uai.of("0211928G");          // ok
 * Uai.of("0211928H");                      // InvalidUaiException: check letter should be G
 * }</pre>
 *
 * @param value the normalised 8-character code
 */
public record Uai(String value) implements Comparable<Uai> {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{7}[A-Z]");
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    /**
     * Checks and normalises the components.
     *
     * @param value the normalised 8-character code
     */
    public Uai {
        if (value == null) {
            throw new InvalidUaiException("a UAI is required");
        }
        value = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidUaiException("'" + value + "' is not a UAI: expected 7 digits then a letter, e.g. 0211928G");
        }
        char expected = checkLetter(value.substring(0, 7));
        if (value.charAt(7) != expected) {
            throw new InvalidUaiException("'" + value + "' has a wrong check letter: expected " + expected
                    + " for " + value.substring(0, 7));
        }
    }

    /**
     * Parses and validates a UAI.
     *
     * @param value the value
     * @return and validates a UAI
     */
    public static Uai of(String value) {
        return new Uai(value);
    }

    /**
     * Whether {@code value} is a valid UAI, without throwing.
     *
     * @param value the value
     * @return whether {@code value} is a valid UAI, without throwing
     */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toUpperCase(java.util.Locale.ROOT);
        return SHAPE.matcher(v).matches() && v.charAt(7) == checkLetter(v.substring(0, 7));
    }

    /**
     * The check letter for seven digits.
     *
     * @param sevenDigits the seven digits
     * @return the check letter for seven digits
     */
    public static char checkLetter(String sevenDigits) {
        return CHECK_LETTERS.charAt((int) (Long.parseLong(sevenDigits) % 23));
    }

    /**
     * The département code as written in open data: {@code "021"}, {@code "02A"}/{@code "02B"} for
     * Corse (UAI prefixes 620/720), {@code "974"} overseas.
     *
     * @return the département code as written in open data: {@code "021"}, {@code "02A"}/{@code "02B"} for Corse (UAI prefixes 620/720), {@code "974"} overseas
     */
    public String departement() {
        String prefix = value.substring(0, 3);
        switch (prefix) {
            case "620":
                return "02A";
            case "720":
                return "02B";
            default:
                return prefix;
        }
    }

    @Override
    public int compareTo(Uai o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package fr.sharenum.annuaire;

import java.util.Objects;

/**
 * A row of the file that was not imported.
 *
 * @param line   line number in the file where the row starts (the header is line 1)
 * @param uai    the row's UAI as written, possibly empty
 * @param code   the kind of problem, stable for programs
 * @param reason why, in French, in words a person can act on
 */
public record Rejection(long line, String uai, Code code, String reason) {

    /** Kinds of rejected rows. The names are stable; the {@linkplain #reason() reasons} may be reworded. */
    public enum Code {
        /** The row has more or fewer columns than the header: cut short (a truncated file) or an extra separator. */
        COLUMN_COUNT,
        /** Bytes that are not valid in the file's encoding, or U+FFFD left by a wrong decoding. */
        ENCODING,
        /** Missing UAI, not 7 digits and a letter, or a wrong check letter. */
        BAD_UAI,
        /** No name. */
        NO_NAME,
        /** No coordinates at all: the establishment is not located. */
        NOT_LOCATED,
        /** Coordinates that are not numbers of degrees, out of range, or only one of the two. */
        BAD_COORDINATES,
        /** Neither the académie code nor the UAI's département names an académie. */
        UNKNOWN_ACADEMIE,
        /** A state ({@code etat}) that is none of OUVERT, A FERMER, A OUVRIR, FERME. */
        UNKNOWN_STATE,
        /** A UAI already imported from an earlier row that was not marked as sharing it ({@code multi_uai}). */
        DUPLICATE_UAI
    }

    /**
     * Checks and normalises the components.
     *
     * @param line line number in the file where the row starts (the header is line 1)
     * @param uai the row's UAI as written, possibly empty
     * @param code the kind of problem, stable for programs
     * @param reason why, in French, in words a person can act on
     */
    public Rejection {
        uai = uai == null ? "" : uai;
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "ligne " + line + (uai.isEmpty() ? "" : " (" + uai + ")") + " : " + reason + " [" + code + "]";
    }
}

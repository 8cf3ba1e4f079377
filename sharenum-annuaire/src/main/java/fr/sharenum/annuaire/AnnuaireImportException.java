package fr.sharenum.annuaire;

import fr.sharenum.model.ShareNumException;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The file cannot be imported: it is empty, its header is no known {@link HeaderVersion}, it is not
 * well-formed CSV, it is not in the expected encoding, it cannot be read, or — in strict mode — a row
 * is invalid. {@link #code()} says which, {@link #line()} where.
 *
 * <p>What was handed to the consumer before the refusal is stated by {@link #handed()}: {@code 0} for
 * strict imports and for {@link AnnuaireImporter#importFile(java.nio.file.Path, java.util.function.Consumer)
 * files} (checked whole before anything is handed) — unless the file changed during the import
 * ({@link Code#FILE_CHANGED}); for a lenient import from a {@code Reader} or an {@code InputStream},
 * which streams, the establishments of the rows before {@link #line()} may have been handed, and
 * {@code handed()} says how many.
 */
public final class AnnuaireImportException extends ShareNumException {
    private static final long serialVersionUID = 1L;

    /** Kinds of refusal. The names are stable; messages may be reworded. */
    public enum Code {
        /** No header: the input is empty. */
        EMPTY,
        /** The header is none of the known versions; the message lists them and the closest one's differences. */
        UNKNOWN_HEADER,
        /** Not well-formed CSV: a quoted value never closed. */
        MALFORMED_CSV,
        /** Not in the expected encoding: the message names the line, the bytes and the likely encoding. */
        ENCODING,
        /** The input cannot be read (missing file, I/O error). */
        UNREADABLE,
        /** Strict mode: a row is invalid ({@link #rejection()}). */
        INVALID_ROW,
        /** The file changed while it was being imported (between the checking and the handing passes). */
        FILE_CHANGED
    }

    /** The kind of refusal. */
    private final Code code;
    /** The line concerned, 0 when none. */
    private final long line;
    /** The invalid row, in strict mode. */
    private final transient Rejection rejection;
    /** Establishments handed before the refusal. */
    private final long handed;

    /**
     * @param code      the kind of refusal
     * @param message   what happened, in French
     * @param line      the line concerned, or {@code 0} when none
     * @param rejection the invalid row, in strict mode, or {@code null}
     * @param handed    establishments handed to the consumer before the refusal
     * @param cause     the underlying exception, or {@code null}
     */
    public AnnuaireImportException(Code code, String message, long line, Rejection rejection, long handed,
                                   Throwable cause) {
        super("annuaire." + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.line = line;
        this.rejection = rejection;
        this.handed = handed;
    }

    /**
     * The kind of refusal ({@link #code()} is the same as a stable string: {@code annuaire.<kind>}).
     *
     * @return the kind
     */
    public Code kind() {
        return code;
    }

    /**
     * The line concerned (the header is line 1), when there is one.
     *
     * @return the line concerned (the header is line 1), when there is one
     */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }

    /**
     * The first invalid row, in strict mode.
     *
     * @return the first invalid row, in strict mode
     */
    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    /**
     * Establishments handed to the consumer before the refusal: 0 unless a lenient stream was being imported.
     *
     * @return the handed
     */
    public long handed() {
        return handed;
    }
}

package fr.sharenum.annuaire;

import fr.sharenum.model.ShareNumException;

import java.util.Optional;

/**
 * The file cannot be imported: it is not a CSV with the expected columns, it cannot be read, or — in
 * strict mode — a row is invalid ({@link #rejection()}). Nothing was handed to the consumer.
 */
public final class AnnuaireImportException extends ShareNumException {
    private static final long serialVersionUID = 1L;
    private final transient Rejection rejection;

    public AnnuaireImportException(String message, Rejection rejection, Throwable cause) {
        super("annuaire-import", message, cause);
        this.rejection = rejection;
    }

    /** The first invalid row, in strict mode. */
    public Optional<Rejection> rejection() {
        return Optional.ofNullable(rejection);
    }
}

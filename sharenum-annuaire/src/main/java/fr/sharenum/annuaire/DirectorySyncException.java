package fr.sharenum.annuaire;

import fr.sharenum.model.ShareNumException;

import java.util.Objects;

/**
 * A synchronisation refused to propose its change set because it looks wrong; nothing is proposed and
 * nothing changes. {@link #code()} says why.
 */
public final class DirectorySyncException extends ShareNumException {
    private static final long serialVersionUID = 1L;

    /** Kinds of refusal. The names are stable; messages may be reworded. */
    public enum Code {
        /**
         * More establishments of the scope would be closed for being absent than the synchronisation allows:
         * the file is probably truncated or narrower than its scope.
         */
        TOO_MANY_CLOSURES
    }

    /** The kind of refusal. */
    private final Code code;

    /**
     * @param code    the kind of refusal
     * @param message what happened and what to do, in French
     */
    public DirectorySyncException(Code code, String message) {
        super("annuaire-sync." + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * The kind of refusal ({@link #code()} is the same as a stable string: {@code annuaire-sync.<kind>}).
     *
     * @return the kind
     */
    public Code kind() {
        return code;
    }
}

package fr.sharenum.model;

/**
 * The actor may not do this: the access matrix does not allow them ({@code access.denied}), they are
 * suspended ({@code access.suspended}), not verified yet ({@code access.not-verified}), blocked by the
 * other member ({@code access.blocked})… The message says who and why; {@link #code()} says which rule.
 */
public class NotAllowedException extends ShareNumException {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal with the generic code {@code not-allowed} and a message given as is.
     *
     * @param message what people read
     */
    public NotAllowedException(String message) {
        super("not-allowed", message);
    }

    /**
     * A refusal with its own code and a message given as is.
     *
     * @param code    the stable code
     * @param message what people read
     */
    protected NotAllowedException(String code, String message) {
        super(code, message);
    }

    /**
     * A refusal whose message comes from the bundle entry of its code.
     *
     * @param code      the stable code, also the bundle key
     * @param arguments the values the message shows
     */
    protected NotAllowedException(String code, Object[] arguments) {
        super(code, arguments);
    }

    /**
     * A refusal of the access matrix or of a trust rule (suspension, block, grant scope), with a French
     * message (English through {@link #message(java.util.Locale)}) from the bundle entry of {@code code}.
     *
     * @param code      a code of the {@code access.} family, e.g. {@code access.denied}
     * @param arguments the values the message shows
     * @return the exception, to throw
     */
    public static NotAllowedException access(String code, Object... arguments) {
        return new NotAllowedException(code, arguments);
    }

    /**
     * Whether this refusal comes from the access matrix or a trust rule (its code starts with {@code access.}),
     * rather than from a business rule (a limit, a deadline).
     *
     * @return true for an access refusal
     */
    public boolean isAccessRefusal() {
        return code().startsWith("access.");
    }
}

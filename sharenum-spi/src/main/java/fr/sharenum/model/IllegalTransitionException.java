package fr.sharenum.model;

/**
 * A lifecycle step is not allowed from the current state (accepting an offer on a cancelled
 * ticket, confirming a held event…). Nothing was changed.
 */
public final class IllegalTransitionException extends ShareNumException {
    private static final long serialVersionUID = 1L;
    /** The from. */
    private final String from;
    /** The to. */
    private final String to;

    /**
     * Creates the exception.
     *
     * @param what the what
     * @param from the start
     * @param to the end
     */
    public IllegalTransitionException(String what, Object from, Object to) {
        super("illegal-transition", "cannot move " + what + " from " + from + " to " + to);
        this.from = String.valueOf(from);
        this.to = String.valueOf(to);
    }

    /**
     * The from.
     *
     * @return the from
     */
    public String from() {
        return from;
    }

    /**
     * The to.
     *
     * @return the to
     */
    public String to() {
        return to;
    }
}

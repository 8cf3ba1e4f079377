package fr.sharenum.model;

/**
 * A lifecycle step is not allowed from the current state (accepting an offer on a cancelled
 * ticket, confirming a held event…). Nothing was changed.
 */
public final class IllegalTransitionException extends ShareNumException {
    private static final long serialVersionUID = 1L;
    private final String from;
    private final String to;

    public IllegalTransitionException(String what, Object from, Object to) {
        super("illegal-transition", "cannot move " + what + " from " + from + " to " + to);
        this.from = String.valueOf(from);
        this.to = String.valueOf(to);
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}

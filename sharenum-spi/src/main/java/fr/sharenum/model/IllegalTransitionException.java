package fr.sharenum.model;

/**
 * A lifecycle step is not allowed from the current state (accepting an offer on a cancelled
 * ticket, confirming a held event…). Nothing was changed.
 */
public final class IllegalTransitionException extends ShareNumException {
    private static final long serialVersionUID = 1L;
    /** The state it was in. */
    private final String from;
    /** The state refused. */
    private final String to;

    /**
     * Creates the exception.
     *
     * @param what what was refused ("ticket T1")
     * @param from the state it is in
     * @param to the state refused
     */
    public IllegalTransitionException(String what, Object from, Object to) {
        super("illegal-transition", "cannot move " + what + " from " + from + " to " + to);
        this.from = String.valueOf(from);
        this.to = String.valueOf(to);
    }

    /**
     * The state it was in.
     *
     * @return the state, as its name
     */
    public String from() {
        return from;
    }

    /**
     * The state refused.
     *
     * @return the state, as its name
     */
    public String to() {
        return to;
    }

    /**
     * The state left and the state asked, for the bundle's sentence.
     *
     * @return the values
     */
    @Override
    protected Object[] messageArguments() {
        return new Object[] {from(), to()};
    }
}

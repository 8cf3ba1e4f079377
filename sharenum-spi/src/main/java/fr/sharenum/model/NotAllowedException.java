package fr.sharenum.model;

/**
 * The acting member may not do this: not a participant of the ticket, not alerted for it, not
 * verified yet, acting on someone else's profile… The message says who and why.
 */
public class NotAllowedException extends ShareNumException {
    private static final long serialVersionUID = 1L;

    public NotAllowedException(String message) {
        super(message);
    }
}

package fr.sharenum.spi;

import fr.sharenum.model.EventId;
import fr.sharenum.model.Feedback;

import java.util.List;

/** Participants' feedback on events. Part of a {@link StoreTransaction}. */
public interface FeedbackStore {

    /**
     * @param feedback a participant's feedback
     * @throws fr.sharenum.model.DuplicateException when that member already gave feedback on the event
     */
    void insert(Feedback feedback);

    /**
     * @param event an event
     * @return its feedback, in the order it was given (then by member)
     */
    List<Feedback> on(EventId event);

    /**
     * Replaces the comment of a stored feedback (same event and member), for erasure at a member's request.
     *
     * @param redacted the feedback with its new comment
     * @throws fr.sharenum.model.NotFoundException when there is no such feedback
     */
    void redact(Feedback redacted);
}

package fr.sharenum.core.internal.feed;

import fr.sharenum.model.EventId;

import java.time.Instant;

/**
 * A participant's rating of an event, counted in the event's place and month. No comment, no participant.
 *
 * @param event      the event
 * @param place      the event's place
 * @param start      when the event started
 * @param usefulness the rating, 1–5
 */
public record FeedbackFacts(EventId event, Place place, Instant start, int usefulness) {

    /**
     * @param event      the event's facts
     * @param usefulness the rating
     * @return the feedback's facts
     */
    public static FeedbackFacts of(EventFacts event, int usefulness) {
        return new FeedbackFacts(event.id(), event.place(), event.start(), usefulness);
    }
}

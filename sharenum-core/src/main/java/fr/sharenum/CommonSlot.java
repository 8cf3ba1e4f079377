package fr.sharenum;

import fr.sharenum.model.TimeWindow;

import java.time.Instant;

/**
 * A time when everyone asked about can meet: {@link #proposed()} lasts the requested duration and
 * starts as early as possible; {@link #free()} is the whole common free time around it, so a host can
 * let the members pick a later start within it.
 *
 * @param proposed the earliest meeting of the requested duration in this free time
 * @param free     the common free time it lies in
 */
public record CommonSlot(TimeWindow proposed, TimeWindow free) {

    /**
     * When the slot starts.
     *
     * @return the start instant
     */
    public Instant start() {
        return proposed.start();
    }

    /**
     * When the slot ends.
     *
     * @return the end instant
     */
    public Instant end() {
        return proposed.end();
    }
}

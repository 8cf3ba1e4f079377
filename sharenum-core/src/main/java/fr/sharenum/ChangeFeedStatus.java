package fr.sharenum;

import java.time.Duration;
import java.time.Instant;

/**
 * Where this instance stands in the change feed through which every instance on one store sees the others' changes
 * ({@code docs/deployment.md}): for health checks and dashboards.
 *
 * @param applied      the number of the last change this instance applied to its derived state (matching engine,
 *                     indicators)
 * @param head         the number of the last change committed to the feed, by any instance, when asked
 * @param lastCaughtUp when this instance last found nothing more to apply ({@link Instant#EPOCH} before the first time)
 * @param sinceCatchUp how long ago that was, on the instance's clock
 */
public record ChangeFeedStatus(long applied, long head, Instant lastCaughtUp, Duration sinceCatchUp) {

    /**
     * How many committed changes this instance has not applied yet (0 when it is in step; it catches up before every
     * matching query and indicator report anyway).
     *
     * @return {@code head - applied}, at least 0
     */
    public long lag() {
        return Math.max(0, head - applied);
    }
}

package fr.sharenum.spring.boot;

import java.time.Duration;
import java.util.Optional;

/**
 * Extension point of {@link ShareNumHealthIndicator} for the change feed's lag (how far behind the newest change
 * the slowest reader of the feed is). ShareNum does not expose it yet: declare a bean of this type to report it
 * (the health shows {@code changeFeedLag}); without one, the health says nothing of the feed.
 */
@FunctionalInterface
public interface ChangeFeedLag {

    /**
     * The lag now.
     *
     * @return the lag, or empty when unknown
     */
    Optional<Duration> lag();
}

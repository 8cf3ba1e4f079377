package fr.sharenum.spring.boot;

import fr.sharenum.ChangeFeedStatus;
import fr.sharenum.ShareNum;
import fr.sharenum.model.Actor;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far this instance is behind the change feed through which every instance on the database sees the others'
 * changes, for {@link ShareNumHealthIndicator}. The starter defines one from {@link ShareNum#changeFeed} ({@link #of});
 * declare a bean of this type to report it otherwise.
 */
@FunctionalInterface
public interface ChangeFeedLag {

    /**
     * The lag now, as a time.
     *
     * @return zero when the instance has applied every committed change, else how long since it last was in step;
     *         empty when unknown
     */
    Optional<Duration> lag();

    /**
     * The lag now, in changes.
     *
     * @return how many committed changes the instance has not applied yet, or empty when unknown (the default)
     */
    default OptionalLong changesBehind() {
        return OptionalLong.empty();
    }

    /**
     * The lag of {@code sharenum} as it reports it ({@link ShareNum#changeFeed}: one small query per call).
     *
     * @param sharenum the instance
     * @param host     the host acting as itself
     * @return its lag
     */
    static ChangeFeedLag of(ShareNum sharenum, Actor host) {
        Objects.requireNonNull(sharenum, "sharenum");
        Objects.requireNonNull(host, "host");
        return new ChangeFeedLag() {
            @Override
            public Optional<Duration> lag() {
                ChangeFeedStatus s = sharenum.changeFeed(host);
                return Optional.of(s.lag() == 0 ? Duration.ZERO : s.sinceCatchUp());
            }

            @Override
            public OptionalLong changesBehind() {
                return OptionalLong.of(sharenum.changeFeed(host).lag());
            }
        };
    }
}

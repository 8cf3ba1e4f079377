package fr.sharenum.spring.boot;

import fr.sharenum.ShareNum;
import fr.sharenum.model.Actor;
import fr.sharenum.spi.OutboxBacklog;
import fr.sharenum.spi.OutboxEntry;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * ShareNum's health ({@code /actuator/health/sharenum}), read as the host: the outbox's backlog — {@code waiting},
 * notifications waiting for a delivery (held ones for quiet hours and digests included), and
 * {@code oldestWaitingAge} —, {@code failed}, those the notifier refused that wait for a retry, {@code deadLetters},
 * those given up on, with the id of the oldest; and the change feed's lag ({@code changeFeedLag},
 * {@code changesBehind}) from a {@link ChangeFeedLag}. DOWN when the store cannot be read, when either count reaches its
 * threshold ({@code sharenum.health.max-failed}, default 1000, {@code sharenum.health.max-dead-letters}, default 100):
 * mail that does not leave is an outage people notice late; or when the instance has been behind the feed for
 * {@code sharenum.health.max-feed-lag} (default 5 minutes).
 */
public class ShareNumHealthIndicator extends AbstractHealthIndicator {
    private final ShareNum sharenum;
    private final Actor host;
    private final ShareNumProperties.Health thresholds;
    private final ChangeFeedLag feedLag;

    /**
     * A health indicator reading {@code sharenum}'s outbox.
     *
     * @param sharenum   the instance
     * @param host       the host acting as itself (only the host reads the outbox)
     * @param thresholds when to report DOWN
     * @param feedLag    the change feed's lag, or null when not known
     */
    public ShareNumHealthIndicator(ShareNum sharenum, Actor host, ShareNumProperties.Health thresholds, ChangeFeedLag feedLag) {
        super("ShareNum health check failed");
        this.sharenum = Objects.requireNonNull(sharenum, "sharenum");
        this.host = Objects.requireNonNull(host, "host");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.feedLag = feedLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OutboxBacklog backlog = sharenum.outbox().backlog(host);
        int failed = sharenum.outbox().failed(host).size();
        List<OutboxEntry> dead = sharenum.outbox().deadLetters(host);
        builder.withDetail("waiting", backlog.waiting()).withDetail("failed", failed).withDetail("deadLetters", dead.size());
        backlog.oldestAge(Instant.now()).ifPresent(age -> builder.withDetail("oldestWaitingAge", age.toString()));
        if (!dead.isEmpty()) {
            builder.withDetail("oldestDeadLetter", dead.get(0).notification().id());
        }
        Optional<Duration> lag = feedLag == null ? Optional.empty() : feedLag.lag();
        lag.ifPresent(d -> builder.withDetail("changeFeedLag", d.toString()));
        OptionalLong behind = feedLag == null ? OptionalLong.empty() : feedLag.changesBehind();
        behind.ifPresent(n -> builder.withDetail("changesBehind", n));
        String down = null;
        if (failed >= thresholds.getMaxFailed()) {
            down = "at least " + thresholds.getMaxFailed() + " notifications wait for a retry";
        } else if (dead.size() >= thresholds.getMaxDeadLetters()) {
            down = "at least " + thresholds.getMaxDeadLetters() + " notifications were given up on";
        } else if (lag.isPresent() && lag.get().compareTo(thresholds.getMaxFeedLag()) >= 0) {
            down = "this instance has been behind the change feed for " + lag.get();
        }
        if (down != null) {
            builder.down().withDetail("reason", down);
        } else {
            builder.up();
        }
    }
}

package fr.sharenum.spring.boot;

import fr.sharenum.ShareNum;
import fr.sharenum.model.Actor;
import fr.sharenum.spi.OutboxEntry;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ShareNum's health ({@code /actuator/health/sharenum}): the notification outbox read as the host — {@code failed},
 * notifications the notifier refused that wait for a retry, and {@code deadLetters}, those given up on, with the id
 * of the oldest —, and {@code changeFeedLag} when a {@link ChangeFeedLag} bean reports it. DOWN when the store cannot
 * be read, or when either count reaches its threshold ({@code sharenum.health.max-failed}, default 1000,
 * {@code sharenum.health.max-dead-letters}, default 100): mail that does not leave is an outage people notice late.
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
        int failed = sharenum.outbox().failed(host).size();
        List<OutboxEntry> dead = sharenum.outbox().deadLetters(host);
        builder.withDetail("failed", failed).withDetail("deadLetters", dead.size());
        if (!dead.isEmpty()) {
            builder.withDetail("oldestDeadLetter", dead.get(0).notification().id());
        }
        Optional<Duration> lag = feedLag == null ? Optional.empty() : feedLag.lag();
        lag.ifPresent(d -> builder.withDetail("changeFeedLag", d.toString()));
        boolean down = failed >= thresholds.getMaxFailed() || dead.size() >= thresholds.getMaxDeadLetters();
        if (down) {
            builder.down().withDetail("reason", failed >= thresholds.getMaxFailed()
                    ? "at least " + thresholds.getMaxFailed() + " notifications wait for a retry"
                    : "at least " + thresholds.getMaxDeadLetters() + " notifications were given up on");
        } else {
            builder.up();
        }
    }
}

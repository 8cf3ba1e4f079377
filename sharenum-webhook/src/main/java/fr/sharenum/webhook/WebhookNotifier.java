package fr.sharenum.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.sharenum.json.ShareNumModule;
import fr.sharenum.model.Notification;
import fr.sharenum.spi.NotificationFailedException;
import fr.sharenum.spi.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Posts each notification as JSON to a host-configured URL: a chat incoming hook (Tchap/Matrix
 * hookshot, Mattermost, Rocket.Chat read the {@code text} field) or an ENT endpoint (which reads
 * {@code notification}, the whole typed notification as {@link ShareNumModule} writes it).
 *
 * <p>Every request is signed: {@code X-ShareNum-Signature: sha256=<hex>} is the HMAC-SHA256, keyed
 * with the shared secret, of {@code <timestamp>.<body>}, with {@code X-ShareNum-Timestamp} the epoch
 * seconds; {@code X-ShareNum-Delivery} is the notification's idempotency key, the same on every retry.
 * One attempt per notification by default: ShareNum's outbox owns retries and backoff. A network error, a
 * timeout, a 429 or a 5xx is reported as transient ({@link NotificationFailedException#isPermanent()} false), so
 * ShareNum keeps the notification for a later attempt; any other 4xx is permanent. A host calling the notifier
 * outside ShareNum's outbox may ask for immediate retries with {@link Builder#retries}. Nothing is dropped
 * silently.
 *
 * <p>What the body never carries: the member's e-mail address, and a verification token. A verification is
 * posted only when the host gave {@link Builder#verificationLinks} — the body then holds the link the host
 * built (its own page, which redeems the token server-side), never the token; without it a verification is
 * refused as a permanent failure. Point the notifier at an endpoint that delivers to each member privately
 * (the ENT's inbox, a direct message), never a shared channel: alerts and messages carry colleagues' words.
 * Endpoints are {@code https}, except loopback ({@code localhost}, {@code 127.0.0.1}, {@code ::1}) for a
 * gateway on the same machine.
 *
 * <pre>{@code
 * Notifier hook = WebhookNotifier.builder(URI.create("https://ent.example.fr/hooks/sharenum"), secret)
 *         .timeout(Duration.ofSeconds(5)).build();
 * ShareNum sharenum = ShareNum.builder().notifier(hook).build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class WebhookNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
    private static final JsonMapper JSON = ShareNumModule.mapper();

    private final URI endpoint;
    private final byte[] secret;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final HttpClient client;
    private final Clock clock;
    private final java.util.function.Function<Notification.VerificationRequested, URI> verificationLinks;

    private WebhookNotifier(Builder b) {
        this.endpoint = b.endpoint;
        this.secret = b.secret.clone();
        this.timeout = b.timeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.clock = b.clock;
        this.verificationLinks = b.verificationLinks;
        this.client = b.client != null ? b.client : HttpClient.newBuilder().connectTimeout(b.timeout).build();
    }

    /**
     * @param endpoint where to POST: an {@code https} URL, or {@code http} on a loopback address
     * @param secret   shared HMAC key, at least 16 bytes
     * @return a builder
     * @throws IllegalArgumentException for another scheme, plain http to a remote host, or a short secret
     */
    public static Builder builder(URI endpoint, byte[] secret) {
        return new Builder(endpoint, secret);
    }

    @Override
    public void send(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        if (notification instanceof Notification.VerificationRequested && verificationLinks == null) {
            throw new NotificationFailedException("a webhook never carries a verification token: give the builder"
                    + " verificationLinks(...) to post a link to the host's page, or send verifications by mail", true);
        }
        String body = body(notification);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "ShareNum-Webhook/1")
                .header("X-ShareNum-Delivery", notification.id())
                .header("X-ShareNum-Event", notification.getClass().getSimpleName())
                .header("X-ShareNum-Timestamp", Long.toString(timestamp))
                .header("X-ShareNum-Signature", "sha256=" + sign(timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        Duration backoff = initialBackoff;
        String last = "";
        Throwable cause = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    LOG.debug("webhook delivered {} on attempt {}", notification.id(), attempt);
                    return;
                }
                last = "HTTP " + status;
                if (status != 429 && status / 100 == 4) {
                    throw new NotificationFailedException("webhook " + endpoint.getHost() + " refused " + notification.id()
                            + " with " + last, true);
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotificationFailedException("interrupted while posting " + notification.id(), false, e);
            }
            if (attempt < maxAttempts) {
                LOG.info("webhook attempt {} of {} for {} failed ({}); retrying in {} ms", attempt, maxAttempts,
                        notification.id(), last, backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
        throw new NotificationFailedException("webhook " + endpoint.getHost() + " did not take " + notification.id()
                + " after " + maxAttempts + (maxAttempts == 1 ? " attempt" : " attempts") + " (last: " + last + ")", false, cause);
    }

    /**
     * The JSON posted for {@code notification}: {@code {"text": "...", "notification": {...}}}, without the
     * member's address, and for a verification the host's {@code link} instead of the token.
     */
    String body(Notification notification) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode typed = JSON.valueToTree(notification);
        typed.remove("to");
        if (notification instanceof Notification.VerificationRequested v) {
            typed.remove("token");
            String link = verificationLinks.apply(v).toString();
            typed.put("link", link);
            root.put("text", Summaries.of(notification) + " " + link);
        } else {
            root.put("text", Summaries.of(notification));
        }
        root.set("notification", typed);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + notification.getClass().getSimpleName(), e);
        }
    }

    /** Hex HMAC-SHA256 of {@code text} with this notifier's secret. */
    String sign(String text) {
        return hmac(secret, text);
    }

    /**
     * The signature a receiver recomputes to check a request: hex HMAC-SHA256 of
     * {@code timestamp + "." + body} with the shared secret. Compare it in constant time
     * ({@link java.security.MessageDigest#isEqual}).
     *
     * @param secret the shared secret
     * @param text   {@code timestamp + "." + body}
     * @return the hex signature
     */
    public static String hmac(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("interrupted while waiting to retry", false, e);
        }
    }

    /** Configures a {@link WebhookNotifier}. Not thread-safe. */
    public static final class Builder {
        private final URI endpoint;
        private final byte[] secret;
        private Duration timeout = Duration.ofSeconds(10);
        private int maxAttempts = 1;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private HttpClient client;
        private Clock clock = Clock.systemUTC();
        private java.util.function.Function<Notification.VerificationRequested, URI> verificationLinks;

        private Builder(URI endpoint, byte[] secret) {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(secret, "secret");
            String scheme = endpoint.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("the webhook endpoint must be an https URL, was " + endpoint);
            }
            if ("http".equalsIgnoreCase(scheme) && !isLoopback(endpoint.getHost())) {
                throw new IllegalArgumentException("the webhook endpoint must use https (plain http only to a loopback"
                        + " address), was " + endpoint);
            }
            if (secret.length < 16) {
                throw new IllegalArgumentException("the webhook secret must be at least 16 bytes, was " + secret.length);
            }
            this.endpoint = endpoint;
            this.secret = secret.clone();
        }

        /**
         * Time allowed for connecting and for each request; default 10 s.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * At most {@code maxAttempts} tries per call (1–20), waiting {@code initialBackoff} then doubling, in the
         * caller's thread; default 1 (no retry: ShareNum's outbox retries with its own backoff, off the state
         * change). Only for a notifier used outside ShareNum's outbox.
         *
         * @param maxAttempts    tries per call, 1–20
         * @param initialBackoff the first wait, zero or positive
         * @return this builder
         * @throws IllegalArgumentException for values out of range
         */
        public Builder retries(int maxAttempts, Duration initialBackoff) {
            if (maxAttempts < 1 || maxAttempts > 20) {
                throw new IllegalArgumentException("maxAttempts must be between 1 and 20, was " + maxAttempts);
            }
            if (initialBackoff == null || initialBackoff.isNegative()) {
                throw new IllegalArgumentException("initialBackoff must be zero or positive");
            }
            this.maxAttempts = maxAttempts;
            this.initialBackoff = initialBackoff;
            return this;
        }

        /**
         * Longest wait between two tries; default 30 s.
         *
         * @param maxBackoff zero or positive
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            if (maxBackoff == null || maxBackoff.isNegative()) {
                throw new IllegalArgumentException("maxBackoff must be zero or positive");
            }
            this.maxBackoff = maxBackoff;
            return this;
        }

        /**
         * The HTTP client (proxy, TLS settings); default a new {@link HttpClient}.
         *
         * @param client the client to use
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Clock of the signature timestamps; default UTC system clock.
         *
         * @param clock the time source
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Lets the notifier post verifications: {@code links} builds, for each, the link of the host's own page
         * that redeems the token (e.g. {@code https://ent.example.fr/sharenum/verification?member=…&token=…}
         * handled server-side). The body carries this link, never the bare token. Without it, verifications are
         * refused (a permanent failure).
         *
         * @param links the host's link for a verification
         * @return this builder
         */
        public Builder verificationLinks(java.util.function.Function<Notification.VerificationRequested, URI> links) {
            this.verificationLinks = Objects.requireNonNull(links, "links");
            return this;
        }

        private static boolean isLoopback(String host) {
            if (host == null) {
                return false;
            }
            String h = host.toLowerCase(java.util.Locale.ROOT);
            return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
        }

        /** @return the notifier */
        public WebhookNotifier build() {
            return new WebhookNotifier(this);
        }
    }
}

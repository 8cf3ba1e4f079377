package fr.sharenum.http;

import fr.sharenum.ShareNum;
import fr.sharenum.http.internal.Web;
import fr.sharenum.spi.ShareNumStore;
import io.javalin.Javalin;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * ShareNum over HTTP: the REST/JSON API under {@code /api/v1} (described by the OpenAPI 3.1 document served at
 * {@code /api/v1/openapi.json}), the live inbox over Server-Sent Events, and the reference web front-end at
 * {@code /}. Every request acts as the {@link fr.sharenum.model.Actor} its {@link Authenticator} finds, and every
 * operation is one call of the library's facades: the access matrix applies unchanged. Refusals are RFC 9457
 * problems ({@code application/problem+json}) with the refusal's stable {@code code} and a French
 * {@code detail} (English with {@code Accept-Language: en}).
 *
 * <p>Run it standalone ({@link #start(String, int)}) or mount it: {@link #javalin()} is the Javalin application,
 * to which a host may add its own routes before starting it. Thread-safe once built.
 *
 * <pre>{@code
 * ShareNumStore store = JdbcStore.h2(dir);
 * InboxNotifier inbox = new InboxNotifier(store, mail);
 * ShareNum sharenum = ShareNum.builder().store(store).notifier(inbox).build();
 * ShareNumHttp http = ShareNumHttp.builder(sharenum, store)
 *         .authenticator(OidcAuthenticator.builder(sharenum, issuer, "sharenum").jwksUri(jwks).build())
 *         .inbox(inbox).corsOrigins("https://ent.example.fr").build();
 * http.start("0.0.0.0", 8080);
 * }</pre>
 */
public final class ShareNumHttp {

    private final Web web;

    private ShareNumHttp(Builder b) {
        this.web = new Web(b.sharenum, b.store, b.authenticator, b.devSignIn, b.inbox, b.corsOrigins, b.perMember,
                b.perAddress, b.maxRequestBytes, b.webFrontEnd, Map.copyOf(b.mapLayers), b.hsts, b.clock);
    }

    /**
     * Starts configuring the API of one ShareNum.
     *
     * @param sharenum the library
     * @param store    the store it uses (idempotency keys are kept there)
     * @return a builder
     */
    public static Builder builder(ShareNum sharenum, ShareNumStore store) {
        return new Builder(sharenum, store);
    }

    /** @return the Javalin application, to add routes to or start */
    public Javalin javalin() {
        return web.app();
    }

    /**
     * Starts serving.
     *
     * @param host the address to bind ({@code 127.0.0.1}, {@code 0.0.0.0})
     * @param port the port, 0 for any free one
     * @return this
     */
    public ShareNumHttp start(String host, int port) {
        web.app().start(host, port);
        return this;
    }

    /** @return the port served, once started */
    public int port() {
        return web.app().port();
    }

    /** Stops serving and closes the live streams. */
    public void stop() {
        web.stop();
    }

    /** Configures a {@link ShareNumHttp}. Not thread-safe. */
    public static final class Builder {
        private final ShareNum sharenum;
        private final ShareNumStore store;
        private Authenticator authenticator = request -> java.util.Optional.empty();
        private DevSignIn devSignIn;
        private InboxNotifier inbox;
        private List<String> corsOrigins = List.of();
        private int perMember = 600;
        private int perAddress = 3_000;
        private long maxRequestBytes = 64 * 1024;
        private boolean webFrontEnd = true;
        private final Map<String, Supplier<String>> mapLayers = new LinkedHashMap<>();
        private boolean hsts;
        private Clock clock = Clock.systemUTC();

        private Builder(ShareNum sharenum, ShareNumStore store) {
            this.sharenum = Objects.requireNonNull(sharenum, "sharenum");
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * Who acts in each request; default nobody is authenticated (every request is anonymous).
         *
         * @param authenticator the authenticator, e.g. an {@link OidcAuthenticator}
         * @return this builder
         */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * Turns the development sign-in on ({@code POST /api/v1/dev/sign-in}); its sessions are accepted beside
         * the authenticator's. Off by default: only a demo should turn it on.
         *
         * @param devSignIn the demo accounts
         * @return this builder
         */
        public Builder devSignIn(DevSignIn devSignIn) {
            this.devSignIn = Objects.requireNonNull(devSignIn, "devSignIn");
            return this;
        }

        /**
         * The in-app inbox to serve ({@code /api/v1/me/inbox}, and its SSE stream); without it those routes answer 404.
         *
         * @param inbox the notifier the library was built with
         * @return this builder
         */
        public Builder inbox(InboxNotifier inbox) {
            this.inbox = Objects.requireNonNull(inbox, "inbox");
            return this;
        }

        /**
         * Origins allowed to call the API from a browser (CORS); default none (same origin only).
         *
         * @param origins e.g. {@code https://ent.example.fr}
         * @return this builder
         */
        public Builder corsOrigins(String... origins) {
            this.corsOrigins = List.of(origins);
            return this;
        }

        /**
         * Rate limits: requests a minute per signed-in member and per client address (default 600 and 3,000);
         * over them, {@code 429} with {@code Retry-After}.
         *
         * @param perMemberPerMinute  per member
         * @param perAddressPerMinute per address
         * @return this builder
         */
        public Builder rateLimits(int perMemberPerMinute, int perAddressPerMinute) {
            if (perMemberPerMinute < 1 || perAddressPerMinute < 1) {
                throw new IllegalArgumentException("rate limits must be at least 1 a minute");
            }
            this.perMember = perMemberPerMinute;
            this.perAddress = perAddressPerMinute;
            return this;
        }

        /**
         * The largest request body accepted (default 64 KiB); larger ones get {@code 413}.
         *
         * @param bytes the size
         * @return this builder
         */
        public Builder maxRequestBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxRequestBytes must be at least 1024");
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /**
         * Whether to serve the reference web front-end at {@code /} (default true).
         *
         * @param serve whether to
         * @return this builder
         */
        public Builder webFrontEnd(boolean serve) {
            this.webFrontEnd = serve;
            return this;
        }

        /**
         * A GeoJSON layer of the map ({@code GET /api/v1/map/{name}}): {@code academies} (the contours) and
         * {@code establishments} are the ones the front-end draws. Read at each request (cache it yourself).
         *
         * @param name    the layer's name, lower-case letters and dashes
         * @param geoJson the layer, a FeatureCollection
         * @return this builder
         */
        public Builder mapLayer(String name, Supplier<String> geoJson) {
            if (name == null || !name.matches("[a-z][a-z-]{0,39}")) {
                throw new IllegalArgumentException("a layer name is lower-case letters and dashes: " + name);
            }
            mapLayers.put(name, Objects.requireNonNull(geoJson, "geoJson"));
            return this;
        }

        /**
         * Whether to send {@code Strict-Transport-Security} (when served over HTTPS, directly or behind a proxy);
         * default false.
         *
         * @param on whether to
         * @return this builder
         */
        public Builder hsts(boolean on) {
            this.hsts = on;
            return this;
        }

        /**
         * Time source (default UTC system clock): default periods of lists, idempotency expiry.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the API, not started */
        public ShareNumHttp build() {
            return new ShareNumHttp(this);
        }
    }
}

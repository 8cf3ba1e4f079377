package fr.sharenum.http.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sharenum.ShareNum;
import fr.sharenum.http.AuthenticationException;
import fr.sharenum.http.Authenticator;
import fr.sharenum.http.DevSignIn;
import fr.sharenum.http.InboxNotifier;
import fr.sharenum.json.ShareNumModule;
import fr.sharenum.model.Actor;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ShareNumException;
import fr.sharenum.spi.ShareNumStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Javalin application: filters (security headers, size limit, authentication, rate limits), every
 * {@link Op} with its idempotency, ETag and If-Match handling, problems for every refusal, the live inbox, the
 * static front-end.
 */
public final class Web {

    private static final Logger LOG = LoggerFactory.getLogger(Web.class);
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final ObjectMapper mapper;
    private final Authenticator authenticator;
    private final RateLimiter perMember;
    private final RateLimiter perAddress;
    private final long maxRequestBytes;
    private final boolean hsts;
    private final Idempotency idempotency;
    private final InboxStreams streams;
    private final List<Op> ops;
    private final Javalin app;

    /**
     * @param sharenum        the library
     * @param store           its store (idempotency keys)
     * @param authenticator   who acts
     * @param dev             the development sign-in, or null
     * @param inbox           the inbox, or null
     * @param corsOrigins     origins allowed
     * @param perMember       requests a minute per member
     * @param perAddress      requests a minute per address
     * @param maxRequestBytes largest body
     * @param front           whether to serve the front-end
     * @param layers          map layers
     * @param hsts            whether to send HSTS
     * @param clock           the clock
     */
    public Web(ShareNum sharenum, ShareNumStore store, Authenticator authenticator, DevSignIn dev, InboxNotifier inbox,
               List<String> corsOrigins, int perMember, int perAddress, long maxRequestBytes, boolean front,
               Map<String, Supplier<String>> layers, boolean hsts, Clock clock) {
        this.mapper = mapper();
        this.authenticator = dev == null ? authenticator : Authenticator.firstOf(dev, authenticator);
        this.perMember = new RateLimiter(perMember);
        this.perAddress = new RateLimiter(perAddress);
        this.maxRequestBytes = maxRequestBytes;
        this.hsts = hsts;
        this.idempotency = new Idempotency(store, mapper, clock);
        this.streams = inbox == null ? null : new InboxStreams(inbox, mapper);
        this.ops = new Routes(sharenum, inbox, dev, layers, clock).ops();
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = maxRequestBytes;
            config.http.generateEtags = false;
            config.router.ignoreTrailingSlashes = true;
            config.jsonMapper(new JavalinJackson(mapper, false));
            if (front) {
                config.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/META-INF/sharenum-web";
                    sf.location = Location.CLASSPATH;
                    sf.headers = Map.of("Cache-Control", "no-cache");
                });
                config.staticFiles.enableWebjars();
            }
            if (!corsOrigins.isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    corsOrigins.forEach(rule::allowHost);
                    for (String h : List.of("ETag", "Location", "Link", "Retry-After", "Idempotent-Replayed")) {
                        rule.exposeHeader(h);
                    }
                }));
            }
        });
        app.before(this::before);
        if (streams != null) {
            // the stream is no facade call: ask the library whether the member may still read their own record
            // (an erased or suspended member is refused, access.erased / access.suspended, as every other route)
            app.before(Routes.INBOX_STREAM, ctx -> {
                Call call = new Call(ctx, mapper, null);
                sharenum.members().get(call.actor(), call.me());
            });
        }
        for (Op op : ops) {
            if (op.path().equals(Routes.INBOX_STREAM)) {
                if (streams != null) {
                    app.sse(op.path(), streams::open);
                } else {
                    app.get(op.path(), ctx -> {
                        throw new ApiError(404, "route.not-found");
                    });
                }
                continue;
            }
            app.addHttpHandler(HandlerType.valueOf(op.method()), op.path(), ctx -> handle(op, ctx));
        }
        app.exception(ShareNumException.class, (e, ctx) -> {
            if (e instanceof AuthenticationException) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"sharenum\", error=\"invalid_token\"");
            }
            problem(ctx, Problems.of(e, locale(ctx), ctx.path()));
        });
        app.exception(ApiError.class, (e, ctx) -> {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"sharenum\"");
            }
            problem(ctx, Problems.of(e, locale(ctx), ctx.path()));
        });
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String code = status == 413 ? "request.too-large" : status == 404 ? "route.not-found"
                    : status == 405 ? "route.method-not-allowed" : "request.malformed";
            problem(ctx, Problems.of(new ApiError(status, code, maxRequestBytes), locale(ctx), ctx.path()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, Problems.of(new ApiError(500, "internal"), locale(ctx), ctx.path()));
        });
        app.error(404, ctx -> {
            if (ctx.path().startsWith(Routes.BASE) && !Problems.MEDIA_TYPE.equals(ctx.res().getContentType())) {
                problem(ctx, Problems.of(new ApiError(404, "route.not-found"), locale(ctx), ctx.path()));
            }
        });
        app.error(405, ctx -> problem(ctx, Problems.of(new ApiError(405, "route.method-not-allowed"), locale(ctx), ctx.path())));
    }

    /** @return the mapper of the API: the library's module, nulls left out */
    public static ObjectMapper mapper() {
        return ShareNumModule.mapper().copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** @return the application */
    public Javalin app() {
        return app;
    }

    /** Stops the server and its streams. */
    public void stop() {
        if (streams != null) {
            streams.close();
        }
        app.stop();
    }

    private void before(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (hsts) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (!ctx.path().startsWith(Routes.BASE)) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Language", locale(ctx).getLanguage());
        if (ctx.contentLength() > maxRequestBytes) {
            throw new ApiError(413, "request.too-large", maxRequestBytes);
        }
        String address = ctx.ip();
        long wait = perAddress.acquire(address);
        Optional<Actor> actor = authenticator.authenticate(new Authenticator.Credentials(ctx.header("Authorization"), address));
        actor.ifPresent(a -> ctx.attribute(Call.ACTOR, a));
        if (wait == 0 && actor.isPresent() && actor.get() instanceof MemberId m) {
            wait = perMember.acquire(m.value());
        }
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiError(429, "rate-limited", wait);
        }
    }

    private void handle(Op op, Context ctx) throws Exception {
        Call call = new Call(ctx, mapper, op);
        if (op.signedIn()) {
            call.me();
        }
        if (op.ifMatch() == Op.IfMatch.REQUIRED) {
            call.requiredIfMatch();
        }
        String key = op.idempotent() ? ctx.header("Idempotency-Key") : null;
        Actor actor = call.actor();
        if (key != null) {
            Optional<Idempotency.Kept> kept = idempotency.claim(actor, key.strip(), op.method(), ctx.path(), ctx.body());
            if (kept.isPresent()) {
                Idempotency.Kept k = kept.get();
                ctx.status(k.status()).header("Idempotent-Replayed", "true");
                if (k.location() != null) {
                    ctx.header("Location", k.location());
                }
                if (k.body() != null) {
                    ctx.contentType(k.contentType()).result(k.body().getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
        }
        try {
            ctx.status(op.status());
            Object result = op.handler().handle(call);
            String written = result == null ? null : writeJson(ctx, op, result);
            if (key != null) {
                idempotency.complete(actor, key.strip(), ctx.statusCode(), written, ctx.res().getContentType(),
                        ctx.res().getHeader("Location"));
            }
        } catch (RuntimeException e) {
            if (key != null) {
                idempotency.release(actor, key.strip());
            }
            throw e;
        }
    }

    private String writeJson(Context ctx, Op op, Object result) throws Exception {
        Long version = version(result);
        if (version != null) {
            String etag = "\"" + version + "\"";
            ctx.header("ETag", etag);
            String none = ctx.header("If-None-Match");
            if ("GET".equals(op.method()) && none != null && (none.contains(etag) || none.strip().equals("*"))) {
                ctx.status(304);
                return null;
            }
        }
        if (result instanceof Bodies.Page<?> page && page.next() != null) {
            ctx.header("Link", "<" + nextUrl(ctx, page.next()) + ">; rel=\"next\"");
        }
        String json = mapper.writeValueAsString(result);
        ctx.contentType("application/json").result(json.getBytes(StandardCharsets.UTF_8));
        return json;
    }

    private static String nextUrl(Context ctx, String cursor) {
        List<String> parts = new ArrayList<>();
        ctx.queryParamMap().forEach((k, vs) -> {
            if (!k.equals("cursor")) {
                vs.forEach(v -> parts.add(enc(k) + "=" + enc(v)));
            }
        });
        parts.add("cursor=" + enc(cursor));
        return ctx.path() + "?" + String.join("&", parts);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The optimistic version of a versioned record (member, ticket, event, bus…), else null. */
    static Long version(Object value) {
        if (value == null || !value.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            if (c.getName().equals("version") && c.getType() == long.class) {
                try {
                    return (Long) c.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Locale locale(Context ctx) {
        return Problems.locale(ctx.header("Accept-Language"));
    }

    private void problem(Context ctx, Bodies.Problem p) {
        try {
            ctx.status(p.status()).contentType(Problems.MEDIA_TYPE).result(mapper.writeValueAsBytes(p));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.status(500).result("");
        }
    }
}

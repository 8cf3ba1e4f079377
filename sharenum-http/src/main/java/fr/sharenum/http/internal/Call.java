package fr.sharenum.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sharenum.model.Actor;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ShareNumException;
import io.javalin.http.Context;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;

/** One request, as an operation's handler sees it: who acts, the parameters, the body. */
public final class Call {

    static final String ACTOR = "sharenum.actor";

    private final Context ctx;
    private final ObjectMapper mapper;
    private final Op op;

    Call(Context ctx, ObjectMapper mapper, Op op) {
        this.ctx = ctx;
        this.mapper = mapper;
        this.op = op;
    }

    /** @return the Javalin context, for headers and status */
    public Context ctx() {
        return ctx;
    }

    /** @return who acts: the authenticated member, or anonymous */
    public Actor actor() {
        Actor a = ctx.attribute(ACTOR);
        return a == null ? Actor.anonymous() : a;
    }

    /**
     * @return the signed-in member
     * @throws ApiError 401 {@code auth.required} for an anonymous request
     */
    public MemberId me() {
        if (actor() instanceof MemberId m) {
            return m;
        }
        throw new ApiError(401, "auth.required");
    }

    /** @return the reader's language */
    public Locale locale() {
        return Problems.locale(ctx.header("Accept-Language"));
    }

    /**
     * @param name   a path parameter
     * @param parser how to read it (a value type's {@code of})
     * @param <T>    its type
     * @return its value
     */
    public <T> T path(String name, Function<String, T> parser) {
        String raw = ctx.pathParam(name);
        try {
            return parser.apply(raw);
        } catch (ShareNumException | IllegalArgumentException e) {
            throw ApiError.badParameter(name);
        }
    }

    /**
     * @param name a query parameter
     * @return its value, or null
     */
    public String query(String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /**
     * @param name   a query parameter
     * @param parser how to read it
     * @param absent the value when it is not given
     * @param <T>    its type
     * @return its value
     */
    public <T> T query(String name, Function<String, T> parser, T absent) {
        String v = query(name);
        if (v == null) {
            return absent;
        }
        try {
            return parser.apply(v);
        } catch (RuntimeException e) {
            throw ApiError.badParameter(name);
        }
    }

    /** @param name a query parameter @param absent its default @return an instant (ISO-8601) */
    public Instant instant(String name, Instant absent) {
        return query(name, s -> {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
        }, absent);
    }

    /** @param name a query parameter @param absent its default @return a duration (ISO-8601) */
    public Duration duration(String name, Duration absent) {
        return query(name, Duration::parse, absent);
    }

    /**
     * @param name   a query parameter
     * @param absent its value when not given (not checked against the bounds)
     * @param min    the lowest value allowed
     * @param max    the highest value allowed
     * @return a number within bounds, or {@code absent}
     * @throws ApiError 400 for a value that is not a number or lies outside the bounds
     */
    public double number(String name, double absent, double min, double max) {
        if (query(name) == null) {
            return absent;   // the default may lie outside the bounds: NaN for "the library's default"
        }
        double v = query(name, Double::parseDouble, absent);
        if (!(v >= min && v <= max)) {
            throw ApiError.badParameter(name);
        }
        return v;
    }

    /** @return the page size asked ({@code limit}, 1–100, default 20) */
    public int limit() {
        return (int) number("limit", 20, 1, 100);
    }

    /**
     * The body, read as the operation's request type.
     *
     * @param type the type
     * @param <T>  the type
     * @return the value
     * @throws ApiError 400 {@code request.malformed}, 415 for another media type
     */
    public <T> T body(Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "request.unsupported-media-type");
        }
        try {
            T value = mapper.readValue(ctx.body(), type);
            if (value == null) {
                throw new ApiError(400, "request.malformed");
            }
            Required.check(value);
            return value;
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            while (cause != null) {
                if (cause instanceof ShareNumException sne) {
                    throw sne;   // a value the library's records refused: its own code
                }
                cause = cause.getCause();
            }
            throw new ApiError(400, "request.malformed");
        }
    }

    /**
     * The body, when the operation lets it be left out.
     *
     * @param type the type
     * @param <T>  the type
     * @return the value, or null when the request has no body
     * @throws ApiError as {@link #body}
     */
    public <T> T optionalBody(Class<T> type) {
        String raw = ctx.body();
        return raw == null || raw.isBlank() ? null : body(type);
    }

    /**
     * The version named by If-Match ({@code "12"} or {@code W/"12"}).
     *
     * @return the version, empty when the header is absent
     * @throws ApiError 400 when it is not a version of this API
     */
    public OptionalLong ifMatch() {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) {
            return OptionalLong.empty();
        }
        String v = h.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw ApiError.badParameter("If-Match");
        }
    }

    /**
     * @return the If-Match version, required
     * @throws ApiError 428 without one
     */
    public long requiredIfMatch() {
        OptionalLong v = ifMatch();
        if (v.isEmpty()) {
            throw new ApiError(428, "precondition.required");
        }
        return v.getAsLong();
    }

    /**
     * Checks an optional If-Match against the current version.
     *
     * @param current the resource's current version
     * @throws ApiError 412 when the header names another version
     */
    public void checkIfMatch(long current) {
        OptionalLong v = ifMatch();
        if (v.isPresent() && v.getAsLong() != current) {
            throw new ApiError(412, "precondition.failed", v.getAsLong(), current);
        }
    }

    /**
     * Sets the response status (else the operation's success status).
     *
     * @param status the status
     */
    public void status(int status) {
        ctx.status(status);
    }

    /**
     * Sets {@code Location} to a created resource.
     *
     * @param path the resource's path
     */
    public void created(String path) {
        ctx.header("Location", path);
    }

    /** @return the operation */
    public Op op() {
        return op;
    }
}

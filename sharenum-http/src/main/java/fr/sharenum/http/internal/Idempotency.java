package fr.sharenum.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.sharenum.model.Actor;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.ShareNumStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency keys on the POSTs that create ({@code Idempotency-Key}, as in the IETF draft): the first request
 * with a key is processed and its response kept for 24 hours in the host's store (kernel collection
 * {@code http-idempotency}, so every instance agrees); a repeat with the same body gets the same response
 * ({@code Idempotent-Replayed: true}), a repeat with another body {@code 422 idempotency.key-reused}, a repeat
 * while the first is still running {@code 409 idempotency.in-progress}. Keys are per actor. A request that
 * fails leaves no key behind (a refusal changed nothing, so the retry is safe).
 */
public final class Idempotency {

    static final String COLLECTION = "http-idempotency";
    private static final Duration KEPT = Duration.ofHours(24);

    private final ShareNumStore store;
    private final ObjectMapper mapper;
    private final Clock clock;

    /**
     * A kept response.
     *
     * @param fingerprint the request's hash
     * @param status      0 while in progress, else the status
     * @param body        the response body
     * @param contentType its media type
     * @param location    the Location header, or null
     * @param at          when the request came
     */
    public record Kept(String fingerprint, int status, String body, String contentType, String location, Instant at) {
    }

    Idempotency(ShareNumStore store, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Claims a key for a request.
     *
     * @param actor  who sends it
     * @param key    the header's value
     * @param method the method
     * @param path   the path
     * @param body   the body
     * @return the response to replay, or empty when this request is to be processed (the key is then claimed)
     */
    Optional<Kept> claim(Actor actor, String key, String method, String path, String body) {
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ApiError(400, "idempotency.bad-key");
        }
        String docKey = docKey(actor, key);
        String fingerprint = sha256(method + " " + path + "\n" + body);
        Instant now = clock.instant();
        return store.inTransaction(t -> {
            Optional<Doc> found = t.get(COLLECTION, docKey);
            Kept pending = new Kept(fingerprint, 0, null, null, null, now);
            if (found.isEmpty()) {
                try {
                    t.insert(COLLECTION, Doc.of(docKey, Map.of(), write(pending)));
                } catch (DuplicateException e) {
                    throw new ApiError(409, "idempotency.in-progress");
                }
                return Optional.empty();
            }
            Kept kept = read(found.get().body());
            if (kept.at().plus(KEPT).isBefore(now)) {
                t.replace(COLLECTION, found.get().next(Map.of(), write(pending)), found.get().version());
                return Optional.empty();
            }
            if (!kept.fingerprint().equals(fingerprint)) {
                throw new ApiError(422, "idempotency.key-reused");
            }
            if (kept.status() == 0) {
                throw new ApiError(409, "idempotency.in-progress");
            }
            return Optional.of(kept);
        });
    }

    /** Keeps the response of a claimed key. */
    void complete(Actor actor, String key, int status, String body, String contentType, String location) {
        String docKey = docKey(actor, key);
        store.inTransaction(t -> {
            t.get(COLLECTION, docKey).ifPresent(d -> {
                Kept pending = read(d.body());
                t.replace(COLLECTION, d.next(Map.of(), write(new Kept(pending.fingerprint(), status, body, contentType, location,
                        pending.at()))), d.version());
            });
            return null;
        });
    }

    /** Releases a claimed key whose request failed. */
    void release(Actor actor, String key) {
        store.inTransaction(t -> t.delete(COLLECTION, docKey(actor, key)));
    }

    private static String docKey(Actor actor, String key) {
        return sha256(actor.describe()) + ":" + key;
    }

    private String write(Kept kept) {
        try {
            return mapper.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Kept read(String body) {
        try {
            return mapper.readValue(body, Kept.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

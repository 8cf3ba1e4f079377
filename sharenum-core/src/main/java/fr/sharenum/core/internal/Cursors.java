package fr.sharenum.core.internal;

import fr.sharenum.model.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * The cursors of pages ({@code fr.sharenum.Page#next()}): a list's kind, the last item's instant and id, as
 * base64url. Opaque to callers; one handed out for another list, or forged, is refused with
 * {@link InvalidValueException} ({@code cursor}).
 */
final class Cursors {
    private Cursors() {
    }

    /** A decoded cursor: the last item's instant and id (a number for distance-ordered lists). */
    record Key(Instant at, String id, double number) {
    }

    static String encode(String kind, Instant at, String id) {
        return encode(kind, at.getEpochSecond() + "." + at.getNano(), id);
    }

    static String encode(String kind, double number, String id) {
        return encode(kind, "d" + Double.doubleToLongBits(number), id);
    }

    private static String encode(String kind, String position, String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + position + "|" + id)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param kind   the list's kind
     * @param cursor a cursor, or {@code null}
     * @return the key, or {@code null} for the first page
     */
    static Key decode(String kind, String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith(kind + ":")) {
                throw bad();
            }
            String rest = s.substring(kind.length() + 1);
            int bar = rest.indexOf('|');
            if (bar < 1 || bar == rest.length() - 1) {
                throw bad();
            }
            String position = rest.substring(0, bar);
            String id = rest.substring(bar + 1);
            if (position.startsWith("d")) {
                return new Key(null, id, Double.longBitsToDouble(Long.parseLong(position.substring(1))));
            }
            int dot = position.indexOf('.');
            return new Key(Instant.ofEpochSecond(Long.parseLong(position.substring(0, dot)),
                    Long.parseLong(position.substring(dot + 1))), id, Double.NaN);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeException e) {
            throw bad();
        }
    }

    private static InvalidValueException bad() {
        return new InvalidValueException("cursor", "not a cursor of this list: pass back the next cursor of a page");
    }
}

package fr.sharenum.model;

import java.util.LinkedHashSet;
import java.util.Set;

/** Validation helpers for free text in values. */
final class Texts {
    private Texts() {
    }

    static Set<String> cleanSet(String field, Set<String> values, int maxCount, int maxLength) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > maxCount) {
            throw new InvalidValueException(field, "at most " + maxCount + " entries, got " + values.size());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            out.add(text(field, v, maxLength));
        }
        return Set.copyOf(out);
    }

    static String text(String field, String value, int maxLength) {
        String v = InvalidValueException.require(field, value);
        if (v.length() > maxLength) {
            throw new InvalidValueException(field, "at most " + maxLength + " characters, got " + v.length());
        }
        return v;
    }

    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

    /** A lower-case slug of letters, digits and dashes, 1 to 64 characters. */
    static String slug(String field, String value) {
        String v = InvalidValueException.require(field, value).toLowerCase(java.util.Locale.ROOT);
        if (!SLUG.matcher(v).matches()) {
            throw new InvalidValueException(field, "'" + v + "' must be a slug: letters, digits and dashes");
        }
        return v;
    }

    static <T> Set<T> copySet(String field, Set<T> values) {
        if (values == null) {
            return Set.of();
        }
        for (T v : values) {
            if (v == null) {
                throw new InvalidValueException(field, "must not contain null");
            }
        }
        return Set.copyOf(values);
    }
}

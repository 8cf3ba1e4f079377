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

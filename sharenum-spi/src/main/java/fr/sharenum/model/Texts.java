package fr.sharenum.model;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Text hygiene at the boundary, applied once by the value records to every name and free text: NFC
 * normalisation, surrounding blanks stripped, length caps, and no character that could forge a line of
 * an e-mail header or an iCalendar property, or hide what a text says — control characters (a bare
 * carriage return, NUL, escape…), line and paragraph separators, bidirectional overrides and isolates.
 * Free texts ({@link #multiline}) keep their line feeds and tabs; a CR LF pair becomes a line feed.
 */
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

    /** A one-line text (a name, a title): required, at most {@code maxLength} characters, clean. */
    static String text(String field, String value, int maxLength) {
        String v = Normalizer.normalize(InvalidValueException.require(field, value), Normalizer.Form.NFC);
        if (v.length() > maxLength) {
            throw new InvalidValueException(field, "at most " + maxLength + " characters, got " + v.length());
        }
        refuseUnsafe(field, v, false);
        return v;
    }

    /** A free text over several lines: required, at most {@code maxLength} characters, clean. */
    static String multiline(String field, String value, int maxLength) {
        String v = InvalidValueException.require(field, value).replace("\r\n", "\n");
        v = Normalizer.normalize(v, Normalizer.Form.NFC);
        if (v.length() > maxLength) {
            throw new InvalidValueException(field, "at most " + maxLength + " characters, got " + v.length());
        }
        refuseUnsafe(field, v, true);
        return v;
    }

    /** An optional free text: empty when {@code null} or blank, else as {@link #multiline}. */
    static String optionalMultiline(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? "" : multiline(field, value, maxLength);
    }

    private static void refuseUnsafe(String field, String v, boolean lines) {
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            boolean allowed = lines && (c == '\n' || c == '\t');
            if (!allowed && unsafe(c)) {
                throw new InvalidValueException(field, "contains the forbidden character U+"
                        + String.format(Locale.ROOT, "%04X", c) + " (" + describe(c) + ") at position " + (i + 1));
            }
            i += Character.charCount(c);
        }
    }

    private static boolean unsafe(int c) {
        return Character.getType(c) == Character.CONTROL
                || c == 0x2028 || c == 0x2029                       // line and paragraph separators
                || (c >= 0x202A && c <= 0x202E)                     // bidi embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069)                     // bidi isolates
                || c == 0xFFFE || c == 0xFFFF;                      // non-characters
    }

    private static String describe(int c) {
        switch (c) {
            case '\r':
                return "retour chariot";
            case '\n':
                return "saut de ligne";
            case 0:
                return "caractère nul";
            default:
                String name = Character.getName(c);
                return name == null ? "caractère de contrôle" : name.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A lower-case slug of letters, digits and dashes, 1 to 64 characters, neither starting nor ending with a dash.
     * A plain loop, not a regular expression: ids are read by the million when an instance starts.
     */
    static String slug(String field, String value) {
        String v = InvalidValueException.require(field, value).toLowerCase(Locale.ROOT);
        int n = v.length();
        boolean ok = n >= 1 && n <= 64 && v.charAt(0) != '-' && v.charAt(n - 1) != '-';
        for (int i = 0; ok && i < n; i++) {
            char c = v.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        }
        if (!ok) {
            throw new InvalidValueException(field, "'" + v + "' must be a slug: letters, digits and dashes");
        }
        return v;
    }

    static <T> Set<T> copySet(String field, Set<T> values) {
        return copySet(field, values, 1_000);
    }

    /** A copy of a set without nulls, at most {@code maxCount} entries. */
    static <T> Set<T> copySet(String field, Set<T> values, int maxCount) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > maxCount) {
            throw new InvalidValueException(field, "at most " + maxCount + " entries, got " + values.size());
        }
        for (T v : values) {
            if (v == null) {
                throw new InvalidValueException(field, "must not contain null");
            }
        }
        return Set.copyOf(values);
    }
}

package fr.sharenum.model;

import java.util.regex.Pattern;

/**
 * A pedagogical theme members follow and events are about, as a lower-case slug
 * ({@code "evaluation"}, {@code "differenciation"}, {@code "ia-generative"}).
 */
public record Theme(String value) implements Comparable<Theme> {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

    public Theme {
        value = InvalidValueException.require("theme", value).toLowerCase(java.util.Locale.ROOT);
        if (!SLUG.matcher(value).matches()) {
            throw new InvalidValueException("theme", "'" + value + "' must be a slug: letters, digits and dashes");
        }
    }

    public static Theme of(String value) {
        return new Theme(value);
    }

    @Override
    public int compareTo(Theme o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

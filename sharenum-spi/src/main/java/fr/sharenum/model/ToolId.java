package fr.sharenum.model;

import java.util.regex.Pattern;

/**
 * Identifier of a digital tool in the tool catalogue: a lower-case slug such as {@code "pronote"}
 * or {@code "digipad"} (letters, digits and dashes, 1 to 64 characters).
 */
public record ToolId(String value) implements Comparable<ToolId> {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

    public ToolId {
        value = InvalidValueException.require("toolId", value).toLowerCase(java.util.Locale.ROOT);
        if (!SLUG.matcher(value).matches()) {
            throw new InvalidValueException("toolId", "'" + value + "' must be a slug: letters, digits and dashes");
        }
    }

    public static ToolId of(String value) {
        return new ToolId(value);
    }

    @Override
    public int compareTo(ToolId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

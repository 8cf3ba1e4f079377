package fr.sharenum.model;

/**
 * Identifier of a digital tool in the tool catalogue: a lower-case slug such as {@code "pronote"}
 * or {@code "digipad"} (letters, digits and dashes, 1 to 64 characters).
 */
public record ToolId(String value) implements Comparable<ToolId> {

    /**
     * Checks and normalises the components.
     *
     * @param value the value
     */
    public ToolId {
        value = Texts.slug("toolId", value);
    }

    /**
     * The {@code ToolId} of the given values.
     *
     * @param value the value
     * @return the {@code ToolId}
     */
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

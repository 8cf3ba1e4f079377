package fr.sharenum.model;

/**
 * A pedagogical theme members follow and events are about, as a lower-case slug
 * ({@code "evaluation"}, {@code "differenciation"}, {@code "ia-generative"}).
 */
public record Theme(String value) implements Comparable<Theme> {

    /**
     * Checks and normalises the components.
     *
     * @param value the value
     */
    public Theme {
        value = Texts.slug("theme", value);
    }

    /**
     * The {@code Theme} of the given values.
     *
     * @param value the value
     * @return the {@code Theme}
     */
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

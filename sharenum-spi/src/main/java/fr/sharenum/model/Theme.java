package fr.sharenum.model;

/**
 * A pedagogical theme members follow and events are about, as a lower-case slug
 * ({@code "evaluation"}, {@code "differenciation"}, {@code "ia-generative"}).
 */
public record Theme(String value) implements Comparable<Theme> {

    public Theme {
        value = Texts.slug("theme", value);
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

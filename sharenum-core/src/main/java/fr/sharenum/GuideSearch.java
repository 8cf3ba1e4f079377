package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.Arrays;

/**
 * What a member looks for among guide documents: tools, themes, an académie, a publication period. A filter left out
 * matches everything; given both, tools and themes must both match (a guide about one of the tools <em>and</em> one
 * of the themes). Guides without a publication date are left out as soon as a bound of the period is given.
 *
 * <pre>{@code
 * GuideSearch recent = GuideSearch.builder().themes(Theme.of("oral")).academie(Academie.DIJON)
 *         .publishedBetween(LocalDate.of(2025, 9, 1), null).build();
 * Page<Guide> page = sharenum.trainings().searchGuides(lea.id(), recent, PageRequest.first(20));
 * }</pre>
 *
 * @param tools    tools (any of), empty for any
 * @param themes   themes (any of), empty for any
 * @param academie the académie whose guides (and national ones) are wanted, or {@code null} for every guide
 * @param from     earliest publication date (inclusive), or {@code null}
 * @param to       latest publication date (exclusive), or {@code null}
 */
public record GuideSearch(Set<ToolId> tools, Set<Theme> themes, Academie academie, LocalDate from, LocalDate to) {

    /**
     * Normalises the components; the period is checked by {@link Trainings#searchGuides}.
     *
     * @param tools tools (any of), empty for any
     * @param themes themes (any of), empty for any
     * @param academie the académie, or {@code null} for every guide
     * @param from earliest publication date (inclusive), or {@code null}
     * @param to latest publication date (exclusive), or {@code null}
     */
    public GuideSearch {
        tools = tools == null ? Set.of() : Set.copyOf(tools);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
    }

    /**
     * A search of every guide, to narrow down.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GuideSearch}. Not thread-safe. */
    public static final class Builder {
        private final Set<ToolId> tools = new LinkedHashSet<>();
        private final Set<Theme> themes = new LinkedHashSet<>();
        private Academie academie;
        private LocalDate from;
        private LocalDate to;

        private Builder() {
        }

        /**
         * Guides about one of these tools.
         *
         * @param t the tools
         * @return this builder
         */
        public Builder tools(ToolId... t) {
            return tools(Arrays.asList(t));
        }

        /**
         * Guides about one of these tools.
         *
         * @param t the tools
         * @return this builder
         */
        public Builder tools(Collection<ToolId> t) {
            for (ToolId x : t) {
                tools.add(Objects.requireNonNull(x, "tool"));
            }
            return this;
        }

        /**
         * Guides about one of these themes.
         *
         * @param t the themes
         * @return this builder
         */
        public Builder themes(Theme... t) {
            return themes(Arrays.asList(t));
        }

        /**
         * Guides about one of these themes.
         *
         * @param t the themes
         * @return this builder
         */
        public Builder themes(Collection<Theme> t) {
            for (Theme x : t) {
                themes.add(Objects.requireNonNull(x, "theme"));
            }
            return this;
        }

        /**
         * Guides of this académie and national ones.
         *
         * @param a the académie, or {@code null} for every guide
         * @return this builder
         */
        public Builder academie(Academie a) {
            this.academie = a;
            return this;
        }

        /**
         * Guides published in {@code [from, to)}; either bound may be {@code null} (open).
         *
         * @param from earliest publication date (inclusive), or {@code null}
         * @param to latest publication date (exclusive), or {@code null}
         * @return this builder
         */
        public Builder publishedBetween(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
            return this;
        }

        /**
         * The search.
         *
         * @return the {@link GuideSearch}
         */
        public GuideSearch build() {
            return new GuideSearch(tools, themes, academie, from, to);
        }
    }
}

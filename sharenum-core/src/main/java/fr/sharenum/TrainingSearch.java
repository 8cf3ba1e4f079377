package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.Arrays;

/**
 * What a member looks for in the trainings catalogue: the trainings of an académie (and national ones) starting in a
 * period, about tools and themes. A filter left out matches everything; given both, tools and themes must both match
 * (a training covering one of the tools <em>and</em> about one of the themes).
 *
 * <pre>{@code
 * TrainingSearch search = TrainingSearch.of(Academie.DIJON, now, now.plus(Duration.ofDays(90)))
 *         .tools(ToolId.of("capytale")).themes(Theme.of("evaluation")).build();
 * Page<Training> page = sharenum.trainings().search(lea.id(), search, PageRequest.first(20));
 * }</pre>
 *
 * @param academie the académie whose trainings (and national ones) are wanted
 * @param from     earliest start
 * @param to       latest start (exclusive), after {@code from}, at most 400 days later
 * @param tools    tools (any of), empty for any
 * @param themes   themes (any of), empty for any
 */
public record TrainingSearch(Academie academie, Instant from, Instant to, Set<ToolId> tools, Set<Theme> themes) {

    /**
     * Checks and normalises the components; the period is checked by {@link Trainings#search(fr.sharenum.model.Actor,
     * TrainingSearch, PageRequest)}.
     *
     * @param academie the académie
     * @param from earliest start
     * @param to latest start (exclusive)
     * @param tools tools (any of), empty for any
     * @param themes themes (any of), empty for any
     */
    public TrainingSearch {
        if (academie == null) {
            throw new InvalidValueException("academie", "is required");
        }
        if (from == null || to == null) {
            throw new InvalidValueException(from == null ? "from" : "to", "is required");
        }
        tools = tools == null ? Set.of() : Set.copyOf(tools);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
    }

    /**
     * A search of the trainings of {@code academie} (and national ones) starting in {@code [from, to)}.
     *
     * @param academie the académie
     * @param from earliest start
     * @param to latest start (exclusive)
     * @return a builder
     */
    public static Builder of(Academie academie, Instant from, Instant to) {
        return new Builder(academie, from, to);
    }

    /** Builds a {@link TrainingSearch}. Not thread-safe. */
    public static final class Builder {
        private final Academie academie;
        private final Instant from;
        private final Instant to;
        private final Set<ToolId> tools = new LinkedHashSet<>();
        private final Set<Theme> themes = new LinkedHashSet<>();

        private Builder(Academie academie, Instant from, Instant to) {
            this.academie = academie;
            this.from = from;
            this.to = to;
        }

        /**
         * Trainings covering one of these tools.
         *
         * @param t the tools
         * @return this builder
         */
        public Builder tools(ToolId... t) {
            return tools(Arrays.asList(t));
        }

        /**
         * Trainings covering one of these tools.
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
         * Trainings about one of these themes.
         *
         * @param t the themes
         * @return this builder
         */
        public Builder themes(Theme... t) {
            return themes(Arrays.asList(t));
        }

        /**
         * Trainings about one of these themes.
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
         * The search.
         *
         * @return the {@link TrainingSearch}
         * @throws InvalidValueException when the académie or a bound of the period is missing
         */
        public TrainingSearch build() {
            return new TrainingSearch(academie, from, to, tools, themes);
        }
    }
}

package fr.sharenum.spi;

import fr.sharenum.model.Academie;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * "Trainings of {@code academie} and national ones starting in {@code [from, to)} that match every filter given, in
 * (start, id) order, after the key {@code (afterStart, afterId)}, at most {@code limit}": what
 * {@link TrainingCatalog#search} and {@link TrainingStore#search} answer.
 *
 * <p>Filters, each ignored when empty: <b>tools</b> — trainings covering one of {@code tools}; <b>themes</b> — trainings
 * about one of {@code themes}. Given both, a training must pass both (a tool of the list <em>and</em> a theme of the
 * list).
 *
 * @param academie     the académie whose trainings are wanted (national ones, whose académie is {@code null}, too)
 * @param tools        tools (any of), empty for any
 * @param themes       themes (any of), empty for any
 * @param from         earliest start (inclusive)
 * @param to           latest start (exclusive), after {@code from}, at most 400 days later
 * @param afterStart   start of the last training of the previous page, or {@code null} for the first page
 * @param afterId      id of that training ({@code null} exactly when {@code afterStart} is)
 * @param limit        at most this many, 1 to 1,000
 * @param knownTools   every tool of ShareNum's tool catalogue: what the default {@link TrainingCatalog#search} asks
 *                     {@link TrainingCatalog#find} about when {@code tools} is empty (a search answered by a store or
 *                     a catalogue itself ignores it)
 */
public record TrainingQuery(Academie academie, Set<ToolId> tools, Set<Theme> themes, Instant from, Instant to,
                            Instant afterStart, String afterId, int limit, Set<ToolId> knownTools) {
    /** Longest period one query covers. */
    public static final Duration MAX_PERIOD = Duration.ofDays(400);
    /** Largest page. */
    public static final int MAX_LIMIT = 1_000;
    /** The order of the answers: start, then id ({@link String#compareTo}). */
    public static final Comparator<Training> ORDER = Comparator.comparing(Training::start).thenComparing(Training::id);

    /**
     * Checks and normalises the components.
     *
     * @param academie the académie whose trainings are wanted
     * @param tools tools (any of), empty for any
     * @param themes themes (any of), empty for any
     * @param from earliest start (inclusive)
     * @param to latest start (exclusive)
     * @param afterStart start of the last training of the previous page, or {@code null}
     * @param afterId id of that training
     * @param limit at most this many, 1 to 1,000
     * @param knownTools every tool of ShareNum's tool catalogue
     */
    public TrainingQuery {
        if (academie == null) {
            throw new InvalidValueException("academie", "is required");
        }
        if (from == null || to == null) {
            throw new InvalidValueException(from == null ? "from" : "to", "is required");
        }
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidValueException("to", "a period is after its start and at most 400 days long");
        }
        tools = tools == null ? Set.of() : Set.copyOf(tools);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        knownTools = knownTools == null ? Set.of() : Set.copyOf(knownTools);
        if ((afterStart == null) != (afterId == null)) {
            throw new InvalidValueException("afterId", "a page key has both a start and an id");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /**
     * Every training of {@code academie} (and national ones) starting in {@code [from, to)}, the first {@code limit}.
     *
     * @param academie the académie
     * @param from earliest start
     * @param to latest start (exclusive)
     * @param limit at most this many
     * @return the query, without filters
     */
    public static TrainingQuery of(Academie academie, Instant from, Instant to, int limit) {
        return new TrainingQuery(academie, Set.of(), Set.of(), from, to, null, null, limit, Set.of());
    }

    /**
     * This query restricted to trainings covering one of {@code t} and about one of {@code th}.
     *
     * @param t tools, empty for any
     * @param th themes, empty for any
     * @return the query
     */
    public TrainingQuery about(Set<ToolId> t, Set<Theme> th) {
        return new TrainingQuery(academie, t, th, from, to, afterStart, afterId, limit, knownTools);
    }

    /**
     * This query for the page after a training.
     *
     * @param start the last training's start
     * @param id the last training's id
     * @return the query
     */
    public TrainingQuery after(Instant start, String id) {
        return new TrainingQuery(academie, tools, themes, from, to, start, id, limit, knownTools);
    }

    /**
     * This query with the tools ShareNum knows (for the default {@link TrainingCatalog#search}).
     *
     * @param known every tool of the tool catalogue
     * @return the query
     */
    public TrainingQuery knowing(Set<ToolId> known) {
        return new TrainingQuery(academie, tools, themes, from, to, afterStart, afterId, limit, known);
    }

    /**
     * This query with another limit.
     *
     * @param n at most this many
     * @return the query
     */
    public TrainingQuery limit(int n) {
        return new TrainingQuery(academie, tools, themes, from, to, afterStart, afterId, n, knownTools);
    }

    /**
     * Whether {@code t} passes every filter of this query, the page key included: the reference every answer must agree
     * with (the TCK checks them against it).
     *
     * @param t a training
     * @return whether it belongs to the answer
     */
    public boolean matches(Training t) {
        if (t.start().isBefore(from) || !t.start().isBefore(to)) {
            return false;
        }
        if (afterStart != null) {
            int c = t.start().compareTo(afterStart);
            if (c < 0 || c == 0 && t.id().compareTo(afterId) <= 0) {
                return false;
            }
        }
        if (t.academie() != null && t.academie() != academie) {
            return false;
        }
        if (!tools.isEmpty() && t.tools().stream().noneMatch(tools::contains)) {
            return false;
        }
        return themes.isEmpty() || t.themes().stream().anyMatch(themes::contains);
    }

    /**
     * The answer out of candidates in any order: those that match, in {@link #ORDER}, the first of each id, at most the
     * limit — how a catalogue or a store that cannot ask its source better builds it.
     *
     * @param candidates trainings, possibly more than the answer and in any order
     * @return the answer
     */
    public List<Training> select(Collection<Training> candidates) {
        return FirstOfEach.select(candidates, this::matches, ORDER, Training::id, limit);
    }
}

package fr.sharenum.spi;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Guide;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * "Guides that match every filter given, newest first (then by id), after the key {@code (afterPublished, afterId)},
 * at most {@code limit}": what {@link GuideCatalog#search} answers.
 *
 * <p>Filters, each ignored when empty or {@code null}: <b>tools</b> — guides about one of {@code tools};
 * <b>themes</b> — guides about one of {@code themes} (given both, a guide must pass both); <b>académie</b> — guides of
 * {@code academie} and national ones (whose académie is {@code null}); <b>period</b> — guides published on or after
 * {@code from} and before {@code to}: with either bound, undated guides are left out.
 *
 * <p>Order ({@link #ORDER}): the most recently published first, undated guides last, then by id
 * ({@link String#compareTo}). A page key is the last guide's date and id; an undated last guide gives
 * {@code afterPublished == null} with its {@code afterId}.
 *
 * @param tools          tools (any of), empty for any
 * @param themes         themes (any of), empty for any
 * @param academie       the académie whose guides (and national ones) are wanted, or {@code null} for every guide
 * @param from           earliest publication date (inclusive), or {@code null}
 * @param to             latest publication date (exclusive), or {@code null}; after {@code from} when both are given
 * @param afterPublished publication date of the last guide of the previous page ({@code null} when it is undated or
 *                       for the first page)
 * @param afterId        id of that guide, or {@code null} for the first page
 * @param limit          at most this many, 1 to 1,000
 * @param knownTools     every tool of ShareNum's tool catalogue: what the default {@link GuideCatalog#search} asks
 *                       {@link GuideCatalog#find} about when neither {@code tools} nor {@code themes} is given (a
 *                       catalogue answering search itself ignores it)
 */
public record GuideQuery(Set<ToolId> tools, Set<Theme> themes, Academie academie, LocalDate from, LocalDate to,
                         LocalDate afterPublished, String afterId, int limit, Set<ToolId> knownTools) {
    /** Largest page. */
    public static final int MAX_LIMIT = 1_000;
    /** The order of the answers: newest first, undated last, then by id. */
    public static final Comparator<Guide> ORDER = Comparator.comparing(Guide::published,
            Comparator.nullsLast(Comparator.<LocalDate>reverseOrder())).thenComparing(Guide::id);

    /**
     * Checks and normalises the components.
     *
     * @param tools tools (any of), empty for any
     * @param themes themes (any of), empty for any
     * @param academie the académie, or {@code null} for every guide
     * @param from earliest publication date (inclusive), or {@code null}
     * @param to latest publication date (exclusive), or {@code null}
     * @param afterPublished publication date of the last guide of the previous page, or {@code null}
     * @param afterId id of that guide, or {@code null} for the first page
     * @param limit at most this many, 1 to 1,000
     * @param knownTools every tool of ShareNum's tool catalogue
     */
    public GuideQuery {
        tools = tools == null ? Set.of() : Set.copyOf(tools);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        knownTools = knownTools == null ? Set.of() : Set.copyOf(knownTools);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidValueException("to", "a period ends after it starts");
        }
        if (afterPublished != null && afterId == null) {
            throw new InvalidValueException("afterId", "a page key has an id");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /**
     * Every guide, the first {@code limit}.
     *
     * @param limit at most this many
     * @return the query, without filters
     */
    public static GuideQuery all(int limit) {
        return new GuideQuery(Set.of(), Set.of(), null, null, null, null, null, limit, Set.of());
    }

    /**
     * This query restricted to guides about one of {@code t} and one of {@code th}.
     *
     * @param t tools, empty for any
     * @param th themes, empty for any
     * @return the query
     */
    public GuideQuery about(Set<ToolId> t, Set<Theme> th) {
        return new GuideQuery(t, th, academie, from, to, afterPublished, afterId, limit, knownTools);
    }

    /**
     * This query restricted to the guides of an académie (and national ones) published in {@code [f, t)}.
     *
     * @param a the académie, or {@code null} for any
     * @param f earliest publication date, or {@code null}
     * @param t latest publication date (exclusive), or {@code null}
     * @return the query
     */
    public GuideQuery of(Academie a, LocalDate f, LocalDate t) {
        return new GuideQuery(tools, themes, a, f, t, afterPublished, afterId, limit, knownTools);
    }

    /**
     * This query for the page after a guide.
     *
     * @param published the last guide's publication date, or {@code null} when it is undated
     * @param id the last guide's id
     * @return the query
     */
    public GuideQuery after(LocalDate published, String id) {
        return new GuideQuery(tools, themes, academie, from, to, published, id, limit, knownTools);
    }

    /**
     * This query with the tools ShareNum knows (for the default {@link GuideCatalog#search}).
     *
     * @param known every tool of the tool catalogue
     * @return the query
     */
    public GuideQuery knowing(Set<ToolId> known) {
        return new GuideQuery(tools, themes, academie, from, to, afterPublished, afterId, limit, known);
    }

    /**
     * This query with another limit.
     *
     * @param n at most this many
     * @return the query
     */
    public GuideQuery limit(int n) {
        return new GuideQuery(tools, themes, academie, from, to, afterPublished, afterId, n, knownTools);
    }

    /**
     * Whether {@code g} comes after this query's page key in {@link #ORDER} (every guide does on the first page).
     *
     * @param g a guide
     * @return whether it is past the key
     */
    public boolean pastKey(Guide g) {
        if (afterId == null) {
            return true;
        }
        int c;
        if (g.published() == null) {
            c = afterPublished == null ? 0 : 1;
        } else {
            c = afterPublished == null ? -1 : afterPublished.compareTo(g.published());
        }
        return c > 0 || c == 0 && g.id().compareTo(afterId) > 0;
    }

    /**
     * Whether {@code g} passes every filter of this query, the page key included: the reference every answer must agree
     * with.
     *
     * @param g a guide
     * @return whether it belongs to the answer
     */
    public boolean matches(Guide g) {
        if (from != null || to != null) {
            if (g.published() == null || from != null && g.published().isBefore(from)
                    || to != null && !g.published().isBefore(to)) {
                return false;
            }
        }
        if (academie != null && g.academie() != null && g.academie() != academie) {
            return false;
        }
        if (!tools.isEmpty() && g.tools().stream().noneMatch(tools::contains)) {
            return false;
        }
        if (!themes.isEmpty() && g.themes().stream().noneMatch(themes::contains)) {
            return false;
        }
        return pastKey(g);
    }

    /**
     * The answer out of candidates in any order: those that match, in {@link #ORDER}, the first of each id, at most the
     * limit.
     *
     * @param candidates guides, possibly more than the answer and in any order
     * @return the answer
     */
    public List<Guide> select(Collection<Guide> candidates) {
        return FirstOfEach.select(candidates, this::matches, ORDER, Guide::id, limit);
    }
}

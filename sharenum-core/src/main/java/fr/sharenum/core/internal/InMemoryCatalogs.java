package fr.sharenum.core.internal;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Guide;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.spi.GuideCatalog;
import fr.sharenum.spi.GuideQuery;
import fr.sharenum.spi.TrainingCatalog;
import fr.sharenum.spi.TrainingQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Function;

/**
 * Immutable list-backed catalogues. Each keeps its items sorted in its search order, per académie and national apart:
 * a page is found by binary search on its key and read forward until full, never by reading the whole catalogue.
 */
public final class InMemoryCatalogs {
    private InMemoryCatalogs() {
    }

    public static TrainingCatalog trainings(List<Training> trainings) {
        return new Trainings(trainings);
    }

    /** Guides ranked by how many of the asked tools and themes they cover, then by title ({@code find}). */
    public static GuideCatalog guides(List<Guide> guides) {
        return new Guides(guides);
    }

    /** Items sorted in {@code order}, split by académie ({@code null}: national). */
    private static <T> Map<Academie, List<T>> byAcademie(List<T> sorted, Function<T, Academie> academie) {
        Map<Academie, List<T>> out = new EnumMap<>(Academie.class);
        for (T x : sorted) {
            Academie a = academie.apply(x);
            if (a != null) {
                out.computeIfAbsent(a, k -> new ArrayList<>()).add(x);
            }
        }
        return out;
    }

    /** The first index of {@code sorted} whose item satisfies {@code past}, a predicate false then true along the list. */
    private static <T> int lowerBound(List<T> sorted, Predicate<T> past) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (past.test(sorted.get(mid))) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Reads two sorted lists forward from their lower bounds, in {@code order}, keeping what {@code keep} accepts until
     * {@code limit} are kept or {@code stop} says no later item can match.
     */
    private static <T> List<T> merge(List<T> a, List<T> b, Predicate<T> past, Comparator<T> order, Predicate<T> stop,
                                     Predicate<T> keep, int limit) {
        List<T> out = new ArrayList<>(Math.min(limit, 64));
        int i = lowerBound(a, past);
        int j = lowerBound(b, past);
        while (out.size() < limit) {
            T x;
            if (i < a.size() && (j >= b.size() || order.compare(a.get(i), b.get(j)) <= 0)) {
                x = a.get(i++);
            } else if (j < b.size()) {
                x = b.get(j++);
            } else {
                break;
            }
            if (stop.test(x)) {
                break;
            }
            if (keep.test(x)) {
                out.add(x);
            }
        }
        return out;
    }

    private static final class Trainings implements TrainingCatalog {
        private final List<Training> all;
        private final List<Training> national;
        private final Map<Academie, List<Training>> regional;

        Trainings(List<Training> trainings) {
            all = trainings.stream().sorted(TrainingQuery.ORDER).toList();
            national = all.stream().filter(t -> t.academie() == null).toList();
            regional = byAcademie(all, Training::academie);
        }

        @Override
        public List<Training> find(Academie academie, Set<ToolId> tools, Instant from, Instant to) {
            return all.stream()
                    .filter(t -> t.academie() == null || t.academie() == academie)
                    .filter(t -> !Collections.disjoint(t.tools(), tools))
                    .filter(t -> !t.start().isBefore(from) && t.start().isBefore(to))
                    .toList();
        }

        @Override
        public List<Training> search(TrainingQuery q) {
            Predicate<Training> past = t -> !t.start().isBefore(q.from()) && (q.afterStart() == null
                    || t.start().isAfter(q.afterStart()) || t.start().equals(q.afterStart()) && t.id().compareTo(q.afterId()) > 0);
            return merge(regional.getOrDefault(q.academie(), List.of()), national, past, TrainingQuery.ORDER,
                    t -> !t.start().isBefore(q.to()), q::matches, q.limit());
        }
    }

    private static final class Guides implements GuideCatalog {
        private final List<Guide> all;
        private final List<Guide> sorted;
        private final List<Guide> national;
        private final Map<Academie, List<Guide>> regional;

        Guides(List<Guide> guides) {
            all = List.copyOf(guides);
            sorted = all.stream().sorted(GuideQuery.ORDER).toList();
            national = sorted.stream().filter(g -> g.academie() == null).toList();
            regional = byAcademie(sorted, Guide::academie);
        }

        @Override
        public List<Guide> find(Set<ToolId> tools, Set<Theme> themes) {
            return all.stream()
                    .filter(g -> !Collections.disjoint(g.tools(), tools) || !Collections.disjoint(g.themes(), themes))
                    .sorted(Comparator.comparingLong((Guide g) -> -(g.tools().stream().filter(tools::contains).count()
                                    + g.themes().stream().filter(themes::contains).count()))
                            .thenComparing(Guide::title))
                    .toList();
        }

        @Override
        public List<Guide> search(GuideQuery q) {
            boolean dated = q.from() != null || q.to() != null;
            // in newest-first order, "published before to" turns true once and stays so (undated guides come last)
            Predicate<Guide> past = g -> q.pastKey(g) && (q.to() == null || g.published() == null || g.published().isBefore(q.to()));
            Predicate<Guide> stop = g -> dated && (g.published() == null || q.from() != null && g.published().isBefore(q.from()));
            if (q.academie() == null) {
                return merge(sorted, List.of(), past, GuideQuery.ORDER, stop, q::matches, q.limit());
            }
            return merge(regional.getOrDefault(q.academie(), List.of()), national, past, GuideQuery.ORDER, stop, q::matches,
                    q.limit());
        }
    }
}

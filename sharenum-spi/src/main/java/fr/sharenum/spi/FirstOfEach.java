package fr.sharenum.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A catalogue query's answer out of candidates in any order ({@link TrainingQuery#select}, {@link GuideQuery#select}):
 * those that match, in the query's order, the first of each id, at most the limit.
 */
final class FirstOfEach {
    private FirstOfEach() {
    }

    static <T> List<T> select(Collection<T> candidates, Predicate<T> matches, Comparator<? super T> order,
                              Function<T, String> id, int limit) {
        List<T> matching = new ArrayList<>();
        for (T c : candidates) {
            if (matches.test(c)) {
                matching.add(c);
            }
        }
        matching.sort(order);
        List<T> out = new ArrayList<>(Math.min(limit, matching.size()));
        Set<String> seen = new HashSet<>();
        for (T c : matching) {
            if (out.size() == limit) {
                break;
            }
            if (seen.add(id.apply(c))) {
                out.add(c);
            }
        }
        return out;
    }
}

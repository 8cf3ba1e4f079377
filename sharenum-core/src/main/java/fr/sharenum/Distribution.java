package fr.sharenum;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An exact, mergeable distribution of whole numbers (minutes, in the indicators): each distinct value with how many
 * times it occurred. Two distributions of disjoint populations merge by adding counts, so the median and percentiles
 * of a union of territories or months come from the aggregates alone, exactly — no sketch, no error. Its size is the
 * number of distinct values, which the indicators bound (a delay in minutes is at most a ticket's lifetime: 43,200
 * values for 30 days), whatever the number of tickets.
 *
 * <p>Merge only distributions of disjoint populations (two académies, two periods): a ticket in both would count
 * twice. For overlapping territories, define their union as a custom territory ({@link Territory#custom}) and ask
 * its report, which counts every ticket once. Immutable and thread-safe (its arrays are copied in and out).
 *
 * @param values the distinct values, increasing
 * @param counts how many times each occurred, each at least 1
 */
public record Distribution(long[] values, long[] counts) {
    private static final Distribution EMPTY = new Distribution(new long[0], new long[0]);

    /**
     * Checks and copies the components.
     *
     * @param values the distinct values, increasing
     * @param counts how many times each occurred, each at least 1
     * @throws IllegalArgumentException when the values do not increase, a count is below 1, or the lengths differ
     */
    public Distribution {
        values = values.clone();
        counts = counts.clone();
        if (values.length != counts.length) {
            throw new IllegalArgumentException(values.length + " values for " + counts.length + " counts");
        }
        for (int i = 0; i < values.length; i++) {
            if (counts[i] < 1 || i > 0 && values[i] <= values[i - 1]) {
                throw new IllegalArgumentException("values increase and each count is at least 1");
            }
        }
    }

    /**
     * The distinct values, increasing; a copy.
     *
     * @return the values
     */
    @Override
    public long[] values() {
        return values.clone();
    }

    /**
     * How many times each value occurred; a copy.
     *
     * @return the counts
     */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /**
     * The empty distribution.
     *
     * @return a distribution counting nothing
     */
    public static Distribution empty() {
        return EMPTY;
    }

    /**
     * A distribution from counts per value.
     *
     * @param countsByValue how many times each value occurred (counts below 1 are left out)
     * @return the distribution
     * @throws IllegalArgumentException when a count is negative
     */
    public static Distribution of(Map<Long, ? extends Number> countsByValue) {
        Objects.requireNonNull(countsByValue, "countsByValue");
        TreeMap<Long, Long> sorted = new TreeMap<>();
        countsByValue.forEach((v, c) -> {
            long n = c.longValue();
            if (n < 0) {
                throw new IllegalArgumentException("the count of " + v + " is negative: " + n);
            }
            if (n > 0) {
                sorted.merge(v, n, Long::sum);
            }
        });
        long[] vs = new long[sorted.size()];
        long[] cs = new long[sorted.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e : sorted.entrySet()) {
            vs[i] = e.getKey();
            cs[i++] = e.getValue();
        }
        return new Distribution(vs, cs);
    }

    /**
     * How many values were counted.
     *
     * @return the number of values counted
     */
    public long count() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /**
     * The counts per value, in value order.
     *
     * @return a copy of the counts per value
     */
    public Map<Long, Long> asMap() {
        TreeMap<Long, Long> out = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            out.put(values[i], counts[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * This distribution and another of a disjoint population together.
     *
     * @param other the other distribution
     * @return the merged distribution
     */
    public Distribution merge(Distribution other) {
        Objects.requireNonNull(other, "other");
        long[] vs = new long[values.length + other.values.length];
        long[] cs = new long[vs.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < values.length || j < other.values.length) {
            if (j == other.values.length || i < values.length && values[i] < other.values[j]) {
                vs[k] = values[i];
                cs[k++] = counts[i++];
            } else if (i == values.length || other.values[j] < values[i]) {
                vs[k] = other.values[j];
                cs[k++] = other.counts[j++];
            } else {
                vs[k] = values[i];
                cs[k++] = counts[i++] + other.counts[j++];
            }
        }
        return new Distribution(Arrays.copyOf(vs, k), Arrays.copyOf(cs, k));
    }

    /**
     * The lower {@code q}-quantile: the value of 0-based rank {@code floor(q × (count − 1))} in sorted order, so
     * {@code quantile(0.5)} is the lower median, {@code quantile(0)} the minimum and {@code quantile(1)} the maximum.
     *
     * @param q between 0 and 1
     * @return the value, or {@code null} when the distribution is empty
     * @throws IllegalArgumentException when {@code q} is outside [0, 1]
     */
    public Long quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("a quantile is between 0 and 1, was " + q);
        }
        long total = count();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.floor(q * (total - 1));
        for (int i = 0; i < values.length; i++) {
            rank -= counts[i];
            if (rank < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /**
     * The lower median.
     *
     * @return the lower median, or {@code null} when empty
     */
    public Long median() {
        return quantile(0.5);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Distribution d && Arrays.equals(values, d.values) && Arrays.equals(counts, d.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Distribution" + asMap();
    }
}

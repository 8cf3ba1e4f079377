package fr.sharenum.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** Generated datasets, kept per JVM so a fork generates each size once. */
final class Datasets {
    private static final Map<Integer, SyntheticFrance> CACHE = new HashMap<>();

    private Datasets() {
    }

    static synchronized SyntheticFrance national(int members) {
        return CACHE.computeIfAbsent(members, SyntheticFrance::national);
    }
}

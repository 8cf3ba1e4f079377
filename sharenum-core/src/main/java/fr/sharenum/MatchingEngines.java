package fr.sharenum;

import fr.sharenum.core.internal.ReferenceMatchingEngine;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.MatchingEngineProvider;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finding a {@link MatchingEngine}. {@link #discover()} loads the highest-priority
 * {@link MatchingEngineProvider} on the class or module path (add {@code sharenum-geo} for the fast
 * spatial-index engine) and falls back to {@link #reference()}.
 */
public final class MatchingEngines {

    private MatchingEngines() {
    }

    /**
     * The exhaustive reference engine: scans every candidate for each query. Correct by
     * construction, thread-safe, and fine up to tens of thousands of members; the yardstick other
     * engines are tested against.
     *
     * @return the exhaustive reference engine: scans every candidate for each query
     */
    public static MatchingEngine reference() {
        return new ReferenceMatchingEngine();
    }

    /**
     * Providers found by {@link ServiceLoader}, highest priority first.
     *
     * @return the providers
     */
    public static List<MatchingEngineProvider> providers() {
        return ServiceLoader.load(MatchingEngineProvider.class, MatchingEngines.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(MatchingEngineProvider::priority).reversed()
                        .thenComparing(MatchingEngineProvider::name))
                .toList();
    }

    /**
     * The highest-priority provider found, if any.
     *
     * @return the highest-priority provider found, if any
     */
    public static Optional<MatchingEngineProvider> bestProvider() {
        return providers().stream().findFirst();
    }

    /**
     * A new engine from the best provider found, or the reference engine when none is.
     *
     * @return a new engine from the best provider found, or the reference engine when none is
     */
    public static MatchingEngine discover() {
        return bestProvider().map(MatchingEngineProvider::create).orElseGet(MatchingEngines::reference);
    }
}

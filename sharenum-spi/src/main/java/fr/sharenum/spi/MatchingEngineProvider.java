package fr.sharenum.spi;

/**
 * Service-provider entry for a {@link MatchingEngine}, listed in
 * {@code META-INF/services/fr.sharenum.spi.MatchingEngineProvider} (or {@code provides} in a module
 * descriptor). When several are present, ShareNum takes the highest {@link #priority()}.
 */
public interface MatchingEngineProvider {

    /**
     * Short name for logs, e.g. {@code "geo-strtree"}.
     *
     * @return the name
     */
    String name();

    /**
     * Higher wins. ShareNum's reference engine has priority 0 and is used when nothing else is found.
     *
     * @return the priority
     */
    int priority();

    /**
     * A new, empty engine.
     *
     * @return a new, empty engine
     */
    MatchingEngine create();
}

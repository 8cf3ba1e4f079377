package fr.sharenum.geo.internal;

import fr.sharenum.geo.GeoMatchingEngine;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.MatchingEngineProvider;

/** Makes {@link GeoMatchingEngine} discoverable by {@link java.util.ServiceLoader}. */
public final class GeoMatchingEngineProvider implements MatchingEngineProvider {

    /** Above the reference engine's 0. */
    public static final int PRIORITY = 100;

    @Override
    public String name() {
        return "geo-strtree";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public MatchingEngine create() {
        return GeoMatchingEngine.create();
    }
}

package fr.sharenum.geo;

import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.tck.MatchingEngineContract;

/** The same contract with the site cache off, so the uncached path is proven too. */
class UncachedGeoMatchingEngineContractTest extends MatchingEngineContract {
    @Override
    protected MatchingEngine newEngine() {
        return GeoMatchingEngine.builder().siteCacheWeight(0).build();
    }
}

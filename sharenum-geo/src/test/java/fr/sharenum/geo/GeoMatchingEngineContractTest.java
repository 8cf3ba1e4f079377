package fr.sharenum.geo;

import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.tck.MatchingEngineContract;

class GeoMatchingEngineContractTest extends MatchingEngineContract {
    @Override
    protected MatchingEngine newEngine() {
        return GeoMatchingEngine.create();
    }
}

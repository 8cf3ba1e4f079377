package fr.sharenum.geo;

import fr.sharenum.model.MemberId;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.tck.MatchingEngineContract;

import java.util.Map;

/**
 * The same contract with every engine loaded one member at a time, so that the paths that change a
 * packed index (new sites, buckets replaced, indexes packed again) answer the whole contract too.
 */
class IncrementalGeoMatchingEngineContractTest extends MatchingEngineContract {
    @Override
    protected MatchingEngine newEngine() {
        return GeoMatchingEngine.create();
    }

    @Override
    protected MatchingEngine loaded(Map<MemberId, MatchCandidate> all) {
        MatchingEngine engine = newEngine();
        all.values().forEach(engine::upsert);
        return engine;
    }
}

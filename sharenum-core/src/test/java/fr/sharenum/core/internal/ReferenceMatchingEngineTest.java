package fr.sharenum.core.internal;

import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.tck.MatchingEngineContract;

class ReferenceMatchingEngineTest extends MatchingEngineContract {
    @Override
    protected MatchingEngine newEngine() {
        return new ReferenceMatchingEngine();
    }
}

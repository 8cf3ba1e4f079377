package fr.sharenum.postgis;

import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.tck.MatchingEngineContract;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The matching-engine TCK on a real PostgreSQL with PostGIS, started by the test in a temporary folder (a
 * fresh schema per engine). Skipped, with the reason, when PostgreSQL or PostGIS is not installed.
 */
class PostgisMatchingEngineContractTest extends MatchingEngineContract {

    @BeforeAll
    static void postgis() {
        Assumptions.assumeTrue(PostgisTesting.missing().isEmpty(), () -> PostgisTesting.missing().orElse(""));
    }

    @Override
    protected MatchingEngine newEngine() {
        return PostgisTesting.newEngine("tck");
    }
}

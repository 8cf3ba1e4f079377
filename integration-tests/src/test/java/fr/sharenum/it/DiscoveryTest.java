package fr.sharenum.it;

import fr.sharenum.model.Actor;
import fr.sharenum.MatchingEngines;
import fr.sharenum.ShareNum;
import fr.sharenum.geo.GeoMatchingEngine;
import fr.sharenum.spi.MatchingEngineProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With sharenum-geo on the class path, core finds it through ServiceLoader; an explicit engine wins.
 * sharenum-postgis is on the class path too and is not discovered: a host picks it with its data source.
 */
class DiscoveryTest {

    @Test
    void core_discovers_the_geo_engine_through_service_loader() {
        assertThat(MatchingEngines.providers()).extracting(MatchingEngineProvider::name).containsExactly("geo-strtree");
        assertThat(MatchingEngines.discover()).isInstanceOf(GeoMatchingEngine.class);
        assertThat(ShareNum.builder().build().matchingEngine(Actor.host("test"))).isInstanceOf(GeoMatchingEngine.class);
    }

    @Test
    void an_explicit_engine_overrides_discovery() {
        assertThat(ShareNum.builder().matchingEngine(MatchingEngines.reference()).build().matchingEngine(Actor.host("test")))
                .isNotInstanceOf(GeoMatchingEngine.class);
    }
}

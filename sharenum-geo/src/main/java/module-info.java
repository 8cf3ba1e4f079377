/**
 * ShareNum's spatial-index matching engine. Add this module to the class or module path and
 * {@code ShareNum.builder().build()} finds it through {@link java.util.ServiceLoader}; or build one
 * explicitly with {@link fr.sharenum.geo.GeoMatchingEngine#builder()}.
 */
module fr.sharenum.geo {
    requires fr.sharenum.spi;
    requires org.slf4j;

    exports fr.sharenum.geo;

    provides fr.sharenum.spi.MatchingEngineProvider with fr.sharenum.geo.internal.GeoMatchingEngineProvider;
}

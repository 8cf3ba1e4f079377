/**
 * ShareNum core: the domain rules and workflows, in-memory defaults and the {@link fr.sharenum.ShareNum}
 * entry point. Matching engines are discovered through {@link fr.sharenum.spi.MatchingEngineProvider};
 * the exhaustive reference engine is used when none is found.
 */
module fr.sharenum.core {
    requires transitive fr.sharenum.spi;
    requires fr.sharenum.json;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires com.google.common;
    requires ical4j.core;
    // optional: metrics are recorded in a Micrometer registry only when the host gives one (ShareNum.Builder.meterRegistry)
    requires static micrometer.core;

    exports fr.sharenum;

    // kernel documents are JSON written and read by Jackson
    opens fr.sharenum.core.internal.kernel to com.fasterxml.jackson.databind;
    opens fr.sharenum.core.internal.store to com.fasterxml.jackson.databind;
    // change-feed facts are JSON too
    opens fr.sharenum.core.internal.feed to com.fasterxml.jackson.databind;

    uses fr.sharenum.spi.MatchingEngineProvider;
}

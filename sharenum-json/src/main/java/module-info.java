/**
 * JSON for ShareNum: a Jackson module for every value type of {@code fr.sharenum.model} and
 * {@code fr.sharenum.spi}, and GeoJSON (RFC 7946) export of establishments, matches and events.
 */
module fr.sharenum.json {
    requires transitive fr.sharenum.spi;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports fr.sharenum.json;

    opens fr.sharenum.json to com.fasterxml.jackson.databind;
}

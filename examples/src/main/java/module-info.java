/** The ShareNum story: a host written only against the public API. */
module fr.sharenum.examples {
    requires fr.sharenum.core;
    requires fr.sharenum.geo;
    requires fr.sharenum.jdbc;
    requires fr.sharenum.json;
}

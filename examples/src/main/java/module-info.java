/** The ShareNum story: a host written only against the public API. */
module fr.sharenum.examples {
    requires fr.sharenum.core;
    requires fr.sharenum.geo;
    requires fr.sharenum.jdbc;
    requires fr.sharenum.json;
    // MVStoreKernel: a store written on the kernel alone, over H2's MVStore
    requires com.h2database;

    exports fr.sharenum.examples.kernel;
}

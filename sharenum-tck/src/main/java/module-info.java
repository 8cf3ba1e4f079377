/**
 * Technology compatibility kit: abstract JUnit 5 test classes that any implementation of a ShareNum
 * SPI extends to prove it keeps the contract.
 */
module fr.sharenum.tck {
    requires transitive fr.sharenum.spi;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;

    exports fr.sharenum.tck;
    opens fr.sharenum.tck to org.junit.platform.commons;
}

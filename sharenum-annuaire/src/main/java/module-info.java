/**
 * Streaming import of the establishments of the official "Annuaire de l'éducation" open data
 * (and of its "adresse et géolocalisation" sibling) into ShareNum {@link fr.sharenum.model.Establishment}s.
 */
module fr.sharenum.annuaire {
    requires transitive fr.sharenum.spi;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports fr.sharenum.annuaire;
}

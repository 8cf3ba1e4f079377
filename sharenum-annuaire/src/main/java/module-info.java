/**
 * Streaming import of the establishments of the official "Annuaire de l'éducation" open data (and of
 * its "adresse et géolocalisation" sibling) into ShareNum {@link fr.sharenum.model.Establishment}s, and
 * the synchronisation of a platform's establishments with it ({@link fr.sharenum.annuaire.DirectorySync}).
 */
module fr.sharenum.annuaire {
    requires transitive fr.sharenum.spi;
    requires org.slf4j;

    exports fr.sharenum.annuaire;
}

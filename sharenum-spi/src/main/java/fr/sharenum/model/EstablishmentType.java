package fr.sharenum.model;

/**
 * Kind of establishment or service a member works at. How the official nomenclature (the
 * Annuaire de l'éducation's {@code Type_etablissement} and nature codes) maps onto these kinds is
 * tabulated in {@code fr.sharenum.annuaire.AnnuaireImporter}.
 */
public enum EstablishmentType {
    /** École maternelle or élémentaire (premier degré). */
    ECOLE,
    /** Collège, including specialised and climatic collèges and SEGPA sections. */
    COLLEGE,
    /** Lycée général, technologique or polyvalent, and the schools holding only post-bac classes (STS, CPGE). */
    LYCEE,
    /** Lycée professionnel, and the vocational sections (SEP) of lycées polyvalents. */
    LYCEE_PROFESSIONNEL,
    /** Établissement régional d'enseignement adapté (EREA, LEA). */
    EREA,
    /** University or other higher-education institution (not listed by the Annuaire de l'éducation). */
    UNIVERSITE,
    /** A service rather than a school: DANE, Canopé, CNED, rectorat, DSDEN, circonscription, CIO… */
    SERVICE,
    /** Anything else: médico-social institutes, maisons familiales rurales, … */
    OTHER
}

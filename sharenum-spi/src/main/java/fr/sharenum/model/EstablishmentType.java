package fr.sharenum.model;

/** Kind of establishment or service a member works at. */
public enum EstablishmentType {
    /** École maternelle or élémentaire (premier degré). */
    ECOLE,
    COLLEGE,
    /** Lycée général, technologique or polyvalent. */
    LYCEE,
    LYCEE_PROFESSIONNEL,
    /** Établissement régional d'enseignement adapté. */
    EREA,
    UNIVERSITE,
    /** A service rather than a school: DANE, Canopé, CNED, rectorat, circonscription, CIO… */
    SERVICE,
    /** Anything else (médico-social, …). */
    OTHER
}

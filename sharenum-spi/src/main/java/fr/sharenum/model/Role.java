package fr.sharenum.model;

/** What a member does in the education system. */
public enum Role {
    /** Teacher primary. */
    TEACHER_PRIMARY,
    /** Teacher secondary. */
    TEACHER_SECONDARY,
    /** Professeur documentaliste. */
    DOCUMENTALISTE,
    /** Chef d'établissement or adjoint, directeur d'école. */
    HEAD,
    /** Conseiller principal d'éducation. */
    CPE,
    /** Enseignant référent pour les usages du numérique. */
    ERUN,
    /** Trainer. */
    TRAINER,
    /** Canope mediator. */
    CANOPE_MEDIATOR,
    /** Staff of a DANE or another académie service. */
    ACADEMIE_STAFF,
    /** Other. */
    OTHER
}

package fr.sharenum.model;

/** What a member does in the education system. */
public enum Role {
    TEACHER_PRIMARY,
    TEACHER_SECONDARY,
    /** Professeur documentaliste. */
    DOCUMENTALISTE,
    /** Chef d'établissement or adjoint, directeur d'école. */
    HEAD,
    /** Conseiller principal d'éducation. */
    CPE,
    /** Enseignant référent pour les usages du numérique. */
    ERUN,
    TRAINER,
    CANOPE_MEDIATOR,
    /** Staff of a DANE or another académie service. */
    ACADEMIE_STAFF,
    OTHER
}

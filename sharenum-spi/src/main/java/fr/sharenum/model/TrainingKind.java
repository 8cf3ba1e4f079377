package fr.sharenum.model;

/** Kinds of institutional training shown before a ticket is opened. */
public enum TrainingKind {
    /** A session of the plan académique de formation. */
    PAF_SESSION,
    /** An atelier run by Canopé. */
    CANOPE_WORKSHOP,
    /** An animation in a coopérative pédagogique numérique. */
    COOPERATIVE_ANIMATION,
    /** A virtual class (CNED, Canopé, DANE). */
    VIRTUAL_CLASS,
    /** A tool-testing session in a coopérative or another institutional place. */
    TOOL_TESTING
}

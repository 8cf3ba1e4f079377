package fr.sharenum.model;

/**
 * A right that is granted, never declared: only an existing holder of the right privilege (or the host)
 * grants it, and every grant and revocation is recorded ({@link Grant}). Privileges of one académie
 * ({@link #isAcademieScoped()}) bind to that académie only.
 */
public enum Privilege {
    /** Staff of a DANE or another académie service: administers the académie's members, reads its indicators. */
    ACADEMIE_STAFF(true),
    /** A Canopé mediator: publishes trainings of the académie. */
    CANOPE(true),
    /** An animator of a coopérative pédagogique numérique: publishes trainings of the académie. */
    COOPERATIVE(true),
    /** A national administrator: grants every privilege, administers every académie. */
    NATIONAL_ADMIN(false),
    /** A researcher: reads indicators of every territory and pseudonymised exports. */
    RESEARCHER(false);

    private final boolean academieScoped;

    Privilege(boolean academieScoped) {
        this.academieScoped = academieScoped;
    }

    /**
     * Whether a grant of this privilege names one académie (else it is national).
     *
     * @return true for ACADEMIE_STAFF, CANOPE and COOPERATIVE
     */
    public boolean isAcademieScoped() {
        return academieScoped;
    }
}

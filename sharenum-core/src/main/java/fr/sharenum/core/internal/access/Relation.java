package fr.sharenum.core.internal.access;

import fr.sharenum.model.ShareNumException;

import java.util.Locale;

/**
 * How an actor stands to the subject of a call (a ticket, an event, a member, a territory…): the
 * vocabulary of the access matrix ({@link Operation}). A call is allowed when the actor has at least one
 * of the relations its operation lists.
 */
public enum Relation {
    /** Any actor, signed in or not, suspended or not: public data and token-based steps. */
    ANYONE,
    /** The host application acting as itself. */
    HOST,
    /** An active member (verified, not suspended, not erased). */
    MEMBER,
    /** The subject member is the actor, who is active. */
    SELF,
    /** The subject member is the actor, whatever their status: rights that suspension does not remove (RGPD). */
    SELF_ANY_STATUS,
    /** The requester of the subject ticket. */
    REQUESTER,
    /** A member alerted for the subject ticket. */
    ALERTED,
    /** The accepted helper of the subject ticket. */
    ACCEPTED_HELPER,
    /**
     * A member at the minimum helper level on one of the subject ticket's tools whose establishment lies within its
     * radius (and to whom it is addressed, when it is addressed to someone): who sees it on their board.
     */
    QUALIFIED,
    /** An organiser of the subject event. */
    ORGANISER,
    /** A member invited to co-organise the subject event. */
    INVITED,
    /** A member who held a seat at the subject event. */
    REGISTRANT,
    /** A member of the project team of the subject campaign. */
    TEAM,
    /** A member working at the establishment of the subject campaign. */
    COLLEAGUE,
    /** A holder of {@code ACADEMIE_STAFF} for the subject's académie. */
    STAFF,
    /** A holder of {@code CANOPE}, {@code COOPERATIVE} or {@code ACADEMIE_STAFF} for the subject's académie. */
    PUBLISHER,
    /** A holder of {@code NATIONAL_ADMIN}. */
    NATIONAL_ADMIN,
    /** A holder of {@code RESEARCHER}. */
    RESEARCHER;

    /**
     * Who this relation is, in words.
     *
     * @param locale the reader's locale
     * @return e.g. "le demandeur de la demande"
     */
    public String describe(Locale locale) {
        return ShareNumException.phrase("relation." + name(), locale);
    }
}

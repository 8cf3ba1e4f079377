package fr.sharenum.model;

/** Account state of a member. Only {@link #ACTIVE} members open tickets, offer help and are matched. */
public enum MemberStatus {
    /** Registered; the professional address is not confirmed yet. */
    PENDING_VERIFICATION,
    /** Verified and active. */
    ACTIVE,
    /** Suspended by an administrator: kept, but invisible to matching and unable to act. */
    SUSPENDED,
    /**
     * Erased at the member's request (RGPD): the record is anonymised and kept only so that past
     * tickets and events keep their counts; it can never act again.
     */
    ERASED
}

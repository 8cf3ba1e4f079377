package fr.sharenum.model;

/** How a member stands to an event, for "my events". */
public enum Participation {
    /** They organise it. */
    ORGANISING,
    /** They hold a seat. */
    REGISTERED,
    /** They wait for a seat. */
    WAITLISTED
}

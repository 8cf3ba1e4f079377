package fr.sharenum.model;

/** What kind of gathering an event is. */
public enum EventKind {
    /** An atelier: hands-on workshop around a tool or a practice. */
    WORKSHOP,
    /** A rencontre: meeting to exchange experience. */
    MEETING
}

package fr.sharenum.model;

/** State of a helper's offer on a ticket. */
public enum OfferStatus {
    /** Waiting for the requester's answer. */
    PENDING,
    /** The requester chose this helper. */
    ACCEPTED,
    /** Not taken: the requester chose another helper. */
    DECLINED
}

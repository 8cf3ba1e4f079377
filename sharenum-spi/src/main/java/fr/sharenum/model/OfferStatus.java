package fr.sharenum.model;

/** State of a helper's offer on a ticket. */
public enum OfferStatus { PENDING, ACCEPTED, DECLINED }

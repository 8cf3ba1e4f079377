package fr.sharenum.model;

/**
 * How members take part in an event: what a search filters on. An event has one or more formats: a hybrid event
 * (a venue and a visio link) is both {@link #ON_SITE} and {@link #ONLINE}; an event in a BusNum is {@link #ON_SITE}
 * and {@link #BUSNUM}.
 */
public enum EventFormat {
    /** At a venue (an establishment or an address). */
    ON_SITE,
    /** In a virtual class: a visio link ({@link OnlineAccess}). */
    ONLINE,
    /** In a BusNum parked at the venue. */
    BUSNUM
}

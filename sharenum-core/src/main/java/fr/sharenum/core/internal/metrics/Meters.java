package fr.sharenum.core.internal.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The meters of one ShareNum instance: their names, what they count, their units. {@code docs/integration-guide.md}
 * lists them for hosts; {@code MetricsTest} pins their counts on a scripted scenario.
 */
public final class Meters {
    /** Timer of every facade call; tags {@code operation} ("tickets.open"), {@code outcome} (ok, refused, error). */
    public static final String CALLS = "sharenum.calls";
    /** Counter of refusals ({@code ShareNumException}); tags {@code code} (its stable code), {@code operation}. */
    public static final String REFUSALS = "sharenum.refusals";
    /** Counter of tickets opened. */
    public static final String TICKETS_OPENED = "sharenum.tickets.opened";
    /** Counter of alerts recorded on tickets as they open (sent now or held). */
    public static final String ALERTS_CHOSEN = "sharenum.alerts.chosen";
    /** Counter of alerts held for later at opening (quiet hours, digests). */
    public static final String ALERTS_HELD = "sharenum.alerts.held";
    /** Counter of alerts delivered to the notifier (alone or in a digest). */
    public static final String ALERTS_SENT = "sharenum.alerts.sent";
    /**
     * Counter of qualified helpers not alerted, tag {@code reason} (cool-down, cap, muted, quiet hours…): for the alert
     * rules to report.
     */
    public static final String ALERTS_EXCLUDED = "sharenum.alerts.excluded";
    /** Counter of offers made on tickets. */
    public static final String OFFERS = "sharenum.offers";
    /** Counter of events created. */
    public static final String EVENTS_CREATED = "sharenum.events.created";
    /** Counter of events confirmed (and announced). */
    public static final String EVENTS_CONFIRMED = "sharenum.events.confirmed";
    /** Counter of registrations to events; tag {@code status} (seated, waitlisted). */
    public static final String EVENT_REGISTRATIONS = "sharenum.events.registrations";
    /** Counter of members registered (self or by the host). */
    public static final String MEMBERS_REGISTERED = "sharenum.members.registered";
    /** Counter of members who confirmed their address. */
    public static final String MEMBERS_VERIFIED = "sharenum.members.verified";
    /** Counter of notifications handed to the notifier and accepted; tag {@code kind}. */
    public static final String NOTIFICATIONS_DELIVERED = "sharenum.notifications.delivered";
    /** Counter of failed delivery attempts (retried later); tag {@code kind}. */
    public static final String NOTIFICATIONS_FAILED = "sharenum.notifications.failed";
    /** Counter of notifications given up on (dead letters); tag {@code kind}. */
    public static final String NOTIFICATIONS_DEAD = "sharenum.notifications.dead";
    /** Counter of verification intents settled without a mail (the member no longer waits for one). */
    public static final String NOTIFICATIONS_DISCARDED = "sharenum.notifications.discarded";
    /**
     * Timer from the commit that enqueued a notification to its delivery; tag {@code path}: immediate, held (from
     * the end of the hold), retried (from the commit).
     */
    public static final String DELIVERY_LATENCY = "sharenum.delivery.latency";
    /** Gauge: notifications waiting in the outbox (pending or being sent), every instance's. */
    public static final String OUTBOX_PENDING = "sharenum.outbox.pending";
    /** Gauge: dead letters in the outbox. */
    public static final String OUTBOX_DEAD = "sharenum.outbox.dead";
    /** Gauge: age of the oldest waiting notification, in seconds (0 when none). */
    public static final String OUTBOX_OLDEST_AGE = "sharenum.outbox.oldest.age";
    /** Timer of matching queries; tag {@code query} (qualified, followers). */
    public static final String MATCHING_QUERIES = "sharenum.matching.queries";
    /** Counter of members found by matching queries; tag {@code query}. */
    public static final String MATCHING_HITS = "sharenum.matching.hits";
    /** Gauge: members in this instance's matching engine. */
    public static final String MATCHING_SIZE = "sharenum.matching.size";
    /** Gauge: changes committed to the feed that this instance has not applied yet. */
    public static final String FEED_LAG = "sharenum.feed.lag";
    /** Gauge: seconds since this instance last found nothing more to apply in the feed. */
    public static final String FEED_SINCE_CATCH_UP = "sharenum.feed.since.catch.up";

    private static final Map<String, String[]> ABOUT = new LinkedHashMap<>();

    static {
        about(CALLS, "ShareNum facade calls, by operation and outcome", null);
        about(REFUSALS, "ShareNum refusals, by stable code and operation", "refusals");
        about(TICKETS_OPENED, "Tickets opened", "tickets");
        about(ALERTS_CHOSEN, "Alerts recorded on tickets as they open", "alerts");
        about(ALERTS_HELD, "Alerts held at opening for the end of quiet hours or a digest", "alerts");
        about(ALERTS_SENT, "Alerts delivered to the notifier, alone or in a digest", "alerts");
        about(ALERTS_EXCLUDED, "Qualified helpers not alerted, by reason", "helpers");
        about(OFFERS, "Offers of help made on tickets", "offers");
        about(EVENTS_CREATED, "Events created", "events");
        about(EVENTS_CONFIRMED, "Events confirmed and announced", "events");
        about(EVENT_REGISTRATIONS, "Registrations to events, seated or waitlisted", "registrations");
        about(MEMBERS_REGISTERED, "Members registered", "members");
        about(MEMBERS_VERIFIED, "Members who confirmed their address", "members");
        about(NOTIFICATIONS_DELIVERED, "Notifications accepted by the notifier, by kind", "notifications");
        about(NOTIFICATIONS_FAILED, "Failed delivery attempts, retried with backoff, by kind", "notifications");
        about(NOTIFICATIONS_DEAD, "Notifications given up on (dead letters), by kind", "notifications");
        about(NOTIFICATIONS_DISCARDED, "Verification intents settled without a mail (nothing left to verify)", "notifications");
        about(DELIVERY_LATENCY, "Time from the commit (or the end of a hold) to the delivery", null);
        about(OUTBOX_PENDING, "Notifications waiting in the outbox", "notifications");
        about(OUTBOX_DEAD, "Dead letters in the outbox", "notifications");
        about(OUTBOX_OLDEST_AGE, "Age of the oldest notification waiting in the outbox", "seconds");
        about(MATCHING_QUERIES, "Matching engine queries", null);
        about(MATCHING_HITS, "Members found by matching engine queries", "members");
        about(MATCHING_SIZE, "Members in this instance's matching engine", "members");
        about(FEED_LAG, "Changes committed to the feed not applied by this instance yet", "changes");
        about(FEED_SINCE_CATCH_UP, "Time since this instance last caught up with the change feed", "seconds");
    }

    private Meters() {
    }

    private static void about(String name, String description, String unit) {
        ABOUT.put(name, new String[] {description, unit});
    }

    /** @return every meter's name, in the order above */
    public static Set<String> names() {
        return Collections.unmodifiableSet(ABOUT.keySet());
    }

    static String description(String name) {
        String[] a = ABOUT.get(name);
        return a == null ? null : a[0];
    }

    static String unit(String name) {
        String[] a = ABOUT.get(name);
        return a == null ? null : a[1];
    }
}

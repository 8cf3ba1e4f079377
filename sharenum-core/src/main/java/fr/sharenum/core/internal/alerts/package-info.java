/**
 * Who a ticket alerts, and when: the selection of helpers as a list of small rules, each a class built from the plain
 * values it uses (candidates with their distance, level, preferences and alert counts; the requester's preferences;
 * the host's limits; the time), never the engine nor the store, so that each is tested alone. {@link
 * fr.sharenum.core.internal.alerts.AlertSelection} composes them in their documented order; {@link
 * fr.sharenum.core.internal.alerts.AlertTiming} decides whether an alert goes now, when quiet hours end, or with the
 * next digest.
 */
package fr.sharenum.core.internal.alerts;

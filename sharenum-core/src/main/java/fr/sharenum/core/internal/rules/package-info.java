/**
 * The checks workflows make before they change anything, each a small class built from the plain values it uses
 * and tested alone: the guards of opening a ticket ({@link fr.sharenum.core.internal.rules.RadiusWithinBounds},
 * {@link fr.sharenum.core.internal.rules.DailyTicketLimit}, {@link fr.sharenum.core.internal.rules.TrainingsFirst},
 * {@link fr.sharenum.core.internal.rules.NonEmptyText}) and the booking rules of a BusNum
 * ({@link fr.sharenum.core.internal.rules.BusBookingRules}). The workflow calls them in its documented order, which
 * decides the refusal a caller sees first.
 */
package fr.sharenum.core.internal.rules;

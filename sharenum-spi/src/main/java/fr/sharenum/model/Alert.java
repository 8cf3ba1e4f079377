package fr.sharenum.model;

/**
 * A member alerted for a ticket, with why: their best level on the ticket's tools and the
 * great-circle distance between establishments.
 *
 * @param helper     the alerted member
 * @param tool       the ticket tool they qualified on (their best one)
 * @param level      their level on it
 * @param distanceKm distance from the requester's establishment, in km
 */
public record Alert(MemberId helper, ToolId tool, CompetenceLevel level, double distanceKm) {
    /**
     * Checks and normalises the components.
     *
     * @param helper the alerted member
     * @param tool the ticket tool they qualified on (their best one)
     * @param level their level on it
     * @param distanceKm distance from the requester's establishment, in km
     */
    public Alert {
        InvalidValueException.requireNonNull("helper", helper);
        InvalidValueException.requireNonNull("tool", tool);
        InvalidValueException.requireNonNull("level", level);
        if (!(distanceKm >= 0)) {
            throw new InvalidValueException("distanceKm", "must be a non-negative number");
        }
    }
}

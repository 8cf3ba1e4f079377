package fr.sharenum.model;

/** How well a member masters a tool. Ordered: {@code NOVICE < INTERMEDIATE < EXPERIENCED}. */
public enum CompetenceLevel {
    /** Discovering the tool. */
    NOVICE,
    /** Uses it regularly in class. */
    INTERMEDIATE,
    /** "Ex-pair": able to accompany colleagues. */
    EXPERIENCED;

    /**
     * Whether this level is {@code other} or higher.
     *
     * @param other the other one
     * @return whether this level is {@code other} or higher
     */
    public boolean isAtLeast(CompetenceLevel other) {
        return compareTo(other) >= 0;
    }
}

package fr.sharenum.model;

/** Identifier of a BusNum, as a lower-case slug chosen by the fleet's owner ({@code "busnum-dijon-1"}). */
public record BusId(String value) implements Comparable<BusId> {

    /**
     * Checks and normalises the components.
     *
     * @param value the value
     */
    public BusId {
        value = Texts.slug("busId", value);
    }

    /**
     * The {@code BusId} of the given values.
     *
     * @param value the value
     * @return the {@code BusId}
     */
    public static BusId of(String value) {
        return new BusId(value);
    }

    @Override
    public int compareTo(BusId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package fr.sharenum.model;

import java.util.UUID;

/**
 * Identifier of a member. Hosts may use their own identifiers (an ENT account id) or let ShareNum
 * draw a random one. Up to 128 printable characters, no spaces. A member id is also the {@link Actor} a
 * member acts as.
 */
public record MemberId(String value) implements Comparable<MemberId>, Actor {

    /**
     * Checks and normalises the components.
     *
     * @param value the value
     */
    public MemberId {
        value = InvalidValueException.require("memberId", value);
        if (value.length() > 128 || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidValueException("memberId", "must be 1 to 128 printable ASCII characters without spaces");
        }
    }

    /**
     * The {@code MemberId} of the given values.
     *
     * @param value the value
     * @return the {@code MemberId}
     */
    public static MemberId of(String value) {
        return new MemberId(value);
    }

    /**
     * A fresh random identifier.
     *
     * @return a fresh random identifier
     */
    public static MemberId random() {
        return new MemberId(UUID.randomUUID().toString());
    }

    @Override
    public int compareTo(MemberId o) {
        return value.compareTo(o.value);
    }

    /** {@code member:<id>}. */
    @Override
    public String describe() {
        return "member:" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}

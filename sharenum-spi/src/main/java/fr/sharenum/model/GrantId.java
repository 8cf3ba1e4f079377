package fr.sharenum.model;

import java.util.UUID;

/**
 * Identifier of a {@link Grant}.
 *
 * @param value 1 to 128 printable ASCII characters without spaces
 */
public record GrantId(String value) {

    /**
     * Checks and normalises the components.
     *
     * @param value 1 to 128 printable ASCII characters without spaces
     */
    public GrantId {
        value = InvalidValueException.require("grantId", value);
        if (value.length() > 128 || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidValueException("grantId", "must be 1 to 128 printable ASCII characters without spaces");
        }
    }

    /**
     * @param value the identifier
     * @return the id
     */
    public static GrantId of(String value) {
        return new GrantId(value);
    }

    /** @return a fresh random identifier */
    public static GrantId random() {
        return new GrantId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

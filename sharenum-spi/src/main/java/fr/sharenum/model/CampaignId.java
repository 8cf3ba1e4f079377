package fr.sharenum.model;

import java.util.UUID;

/**
 * Identifier of a {@link Campaign}.
 *
 * @param value 1 to 128 printable ASCII characters without spaces
 */
public record CampaignId(String value) {

    /**
     * Checks and normalises the components.
     *
     * @param value 1 to 128 printable ASCII characters without spaces
     */
    public CampaignId {
        value = InvalidValueException.require("campaignId", value);
        if (value.length() > 128 || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidValueException("campaignId", "must be 1 to 128 printable ASCII characters without spaces");
        }
    }

    /**
     * @param value the identifier
     * @return the id
     */
    public static CampaignId of(String value) {
        return new CampaignId(value);
    }

    /** @return a fresh random identifier */
    public static CampaignId random() {
        return new CampaignId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

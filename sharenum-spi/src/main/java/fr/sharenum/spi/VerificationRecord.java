package fr.sharenum.spi;

import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;

import java.time.Instant;

/**
 * A pending e-mail verification as stored: never the token itself, only its SHA-256 hash (hex).
 *
 * @param member    who must verify
 * @param tokenHash lower-case hex SHA-256 of the token sent
 * @param expiresAt when the token stops being accepted
 */
public record VerificationRecord(MemberId member, String tokenHash, Instant expiresAt) {
    /**
     * Checks and normalises the components.
     *
     * @param member who must verify
     * @param tokenHash lower-case hex SHA-256 of the token sent
     * @param expiresAt when the token stops being accepted
     */
    public VerificationRecord {
        if (member == null || expiresAt == null) {
            throw new InvalidValueException("verification", "member and expiresAt are required");
        }
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            throw new InvalidValueException("tokenHash", "must be a hex SHA-256 digest");
        }
    }
}

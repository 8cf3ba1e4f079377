package fr.sharenum.model;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A PIX certification result a member records in their profile, shown as evidence beside their
 * self-declared levels. The host may check it against PIX with the verification code.
 *
 * @param score            the certified PIX score, 0 to 1024
 * @param certifiedOn      the day of the certification (not in the future)
 * @param verificationCode PIX's verification code, {@code P-} followed by 8 letters or digits
 */
public record PixCertification(int score, LocalDate certifiedOn, String verificationCode) {
    /** Highest PIX score. */
    public static final int MAX_SCORE = 1024;

    /**
     * Checks and normalises the components.
     *
     * @param score the certified PIX score, 0 to 1024
     * @param certifiedOn the day of the certification (not in the future)
     * @param verificationCode PIX's verification code, {@code P-} followed by 8 letters or digits
     */
    public PixCertification {
        if (score < 0 || score > MAX_SCORE) {
            throw new InvalidValueException("score", "a PIX score is between 0 and " + MAX_SCORE + ", was " + score);
        }
        InvalidValueException.requireNonNull("certifiedOn", certifiedOn);
        verificationCode = InvalidValueException.require("verificationCode", verificationCode).toUpperCase(Locale.ROOT);
        if (!verificationCode.matches("P-[A-Z0-9]{8}")) {
            throw new InvalidValueException("verificationCode", "'" + verificationCode + "' is not a PIX verification code"
                    + " (P- followed by 8 letters or digits)");
        }
    }
}

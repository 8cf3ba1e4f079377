package fr.sharenum.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically valid e-mail address, lower-cased. Whether its domain is acceptable is decided
 * by the host's email policy, not here.
 *
 * @param value the normalised address, {@code local@domain}
 */
public record Email(String value) {

    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * Checks and normalises the components.
     *
     * @param value the normalised address, {@code local@domain}
     */
    public Email {
        if (value == null || value.isBlank()) {
            throw new EmailNotAllowedException("an e-mail address is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254) {
            throw new EmailNotAllowedException("address is longer than 254 characters");
        }
        int at = value.indexOf('@');
        if (at < 0 || at != value.lastIndexOf('@')) {
            throw new EmailNotAllowedException("'" + value + "' must contain exactly one '@'");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.isEmpty() || local.length() > 64 || !LOCAL.matcher(local).matches()) {
            throw new EmailNotAllowedException("'" + value + "' has an invalid part before the '@'");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            throw new EmailNotAllowedException("'" + value + "' has no valid domain after the '@'");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new EmailNotAllowedException("'" + value + "' has an invalid domain '" + domain + "'");
            }
        }
    }

    /**
     * The {@code Email} of the given values.
     *
     * @param value the value
     * @return the {@code Email}
     */
    public static Email of(String value) {
        return new Email(value);
    }

    /**
     * The part after the '@'.
     *
     * @return the part after the '@'
     */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}

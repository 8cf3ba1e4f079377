package fr.sharenum.model;

/**
 * A value given to ShareNum is malformed or out of range (a coordinate beyond ±90°, an empty name,
 * a radius outside the host's bounds…). {@link #field()} names the offending input.
 */
public class InvalidValueException extends ShareNumException {
    private static final long serialVersionUID = 1L;
    /** The field refused. */
    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the field
     * @param message the message, in French, for people
     */
    public InvalidValueException(String field, String message) {
        this("invalid-value", field, message);
    }

    /**
     * A refusal of {@code field} with its own code.
     *
     * @param code    the stable code
     * @param field   the input refused
     * @param message what people read
     */
    protected InvalidValueException(String code, String field, String message) {
        super(code, field + ": " + message);
        this.field = field;
    }

    /**
     * The name of the input that was refused, e.g. {@code "latitude"} or {@code "radiusKm"}.
     *
     * @return the name of the input that was refused, e.g
     */
    public String field() {
        return field;
    }

    static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be empty");
        }
        return value.strip();
    }

    static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    /**
     * The refused field, for the bundle's sentence.
     *
     * @return the values
     */
    @Override
    protected Object[] messageArguments() {
        return new Object[] {field};
    }
}

package fr.sharenum.http.internal;

import java.util.List;

/**
 * A refusal of the HTTP layer itself (a malformed body, a missing If-Match, too many requests), answered as a
 * problem with {@code status} and {@code code}; the detail is the bundle entry {@code detail.<code>} formatted
 * with {@code arguments}.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<Object> arguments;
    private final String field;

    /**
     * @param status    the HTTP status
     * @param code      the stable code
     * @param arguments what the detail shows
     */
    public ApiError(int status, String code, Object... arguments) {
        this(status, code, null, arguments);
    }

    private ApiError(int status, String code, String field, Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.field = field;
        this.arguments = List.of(arguments);
    }

    /**
     * A bad query or path parameter.
     *
     * @param name the parameter
     * @return the error
     */
    public static ApiError badParameter(String name) {
        return new ApiError(400, "request.bad-parameter", name, name);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the stable code */
    public String code() {
        return code;
    }

    /** @return the detail's arguments */
    public List<Object> arguments() {
        return arguments;
    }

    /** @return the refused input, or null */
    public String field() {
        return field;
    }
}

package fr.sharenum.http;

import fr.sharenum.model.NotAllowedException;

/**
 * The request carries credentials that were refused: a token whose signature, issuer, audience or dates are
 * wrong, an unknown development session. Answered with {@code 401 Unauthorized} and a
 * {@code WWW-Authenticate: Bearer} challenge; its {@link #code()} starts with {@code auth.}
 * ({@code auth.invalid-token}, {@code auth.expired-token}, {@code auth.unknown-session}), its message is
 * French (English through {@link #message(java.util.Locale)}) from the API's own bundle.
 */
public final class AuthenticationException extends NotAllowedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param code   the stable code, {@code auth.…}
     * @param reason what was wrong, for the logs and the message (never the token itself)
     */
    public AuthenticationException(String code, String reason) {
        super(code, reason);
    }
}

package fr.sharenum.http;

import fr.sharenum.model.Actor;

import java.util.Optional;

/**
 * Who acts in an HTTP request: the one contract between the HTTP API and the host's identity. The API then
 * passes that {@link Actor} to the ShareNum facades, whose access matrix decides; an authenticator grants no
 * right by itself. Implementations: {@link OidcAuthenticator} (bearer tokens of an OpenID Connect provider),
 * {@link DevSignIn} (the demo's sign-in, off unless the host turns it on), or the host's own.
 *
 * <p>Implementations are called on every request, from many threads at once: they must be thread-safe and
 * fast (cache what they can).
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * Reads the request's credentials.
     *
     * @param request the request's headers and remote address
     * @return the actor, or empty when the request carries no credentials this authenticator recognises
     *         (the next authenticator is asked; when none recognises it, the request acts as
     *         {@link Actor#anonymous()})
     * @throws AuthenticationException when the request carries credentials this authenticator recognises
     *                                 but refuses (bad signature, expired, unknown session): answered with
     *                                 401 and the exception's code
     */
    Optional<Actor> authenticate(Credentials request);

    /**
     * Tries each authenticator in turn; the first that recognises the credentials decides.
     *
     * @param authenticators the authenticators, in order
     * @return the combined authenticator
     */
    static Authenticator firstOf(Authenticator... authenticators) {
        Authenticator[] copy = authenticators.clone();
        return request -> {
            for (Authenticator a : copy) {
                Optional<Actor> actor = a.authenticate(request);
                if (actor.isPresent()) {
                    return actor;
                }
            }
            return Optional.empty();
        };
    }

    /**
     * What an authenticator sees of a request.
     *
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param remoteAddress the client's address, as the server sees it
     */
    record Credentials(String authorization, String remoteAddress) {

        /**
         * The token of an {@code Authorization: Bearer …} header.
         *
         * @return the token, empty when the header is absent or of another scheme
         */
        public Optional<String> bearerToken() {
            if (authorization == null || authorization.length() < 8
                    || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.empty();
            }
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
    }
}

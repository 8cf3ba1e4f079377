package fr.sharenum.http;

import fr.sharenum.IdentityAssertion;
import fr.sharenum.ShareNum;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The development sign-in of the demo: a person picks one of the accounts the host listed and gets a
 * session token, with no password — a stand-in for the ENT's identity provider. The account is signed in
 * through {@code members().signIn(host, assertion)} exactly as {@link OidcAuthenticator} would, so the access
 * matrix applies unchanged. <strong>Never enable it in production:</strong> the API serves it only when the
 * host passes it to {@link ShareNumHttp.Builder#devSignIn(DevSignIn)}. Thread-safe.
 *
 * <p>Tokens are {@code dev.} and 128 random bits, kept in memory only (a restart signs everyone out).
 */
public final class DevSignIn implements Authenticator {

    /** The issuer the demo accounts are linked to. */
    public static final String ISSUER = "urn:sharenum:dev-sign-in";

    private final ShareNum sharenum;
    private final Actor host;
    private final Map<String, IdentityAssertion> accounts;
    private final Map<String, MemberId> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param sharenum the library the accounts sign in to
     * @param accounts who may sign in, by their address
     */
    public DevSignIn(ShareNum sharenum, List<IdentityAssertion> accounts) {
        this.sharenum = Objects.requireNonNull(sharenum, "sharenum");
        this.host = Actor.host("dev-sign-in");
        Map<String, IdentityAssertion> byEmail = new LinkedHashMap<>();
        for (IdentityAssertion a : accounts) {
            byEmail.put(a.email(), a);
        }
        this.accounts = Map.copyOf(byEmail);
        this.order = List.copyOf(byEmail.keySet());
    }

    private final List<String> order;

    /**
     * An account the demo offers.
     *
     * @param email       its address, what the sign-in form sends
     * @param displayName its name
     */
    public record Account(String email, String displayName) {
    }

    /** @return the accounts one may sign in as, in the order given */
    public List<Account> accounts() {
        return order.stream().map(e -> new Account(e, accounts.get(e).displayName())).toList();
    }

    /**
     * Signs an account in.
     *
     * @param email the account's address
     * @return the session token and the member
     * @throws AuthenticationException {@code auth.unknown-account} when no such account is offered
     */
    public Session signIn(String email) {
        IdentityAssertion who = email == null ? null : accounts.get(email.strip());
        if (who == null) {
            throw new AuthenticationException("auth.unknown-account", "no demo account " + email);
        }
        Member member = sharenum.members().signIn(host, who);
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = "dev." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, member.id());
        return new Session(token, member);
    }

    /**
     * Ends a session.
     *
     * @param token the session token
     */
    public void signOut(String token) {
        sessions.remove(token);
    }

    @Override
    public Optional<Actor> authenticate(Credentials request) {
        Optional<String> token = request.bearerToken().filter(t -> t.startsWith("dev."));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        MemberId member = sessions.get(token.get());
        if (member == null) {
            throw new AuthenticationException("auth.unknown-session", "unknown or ended development session");
        }
        return Optional.of(member);
    }

    /**
     * A signed-in session.
     *
     * @param token  what the browser sends as {@code Authorization: Bearer …}
     * @param member who signed in
     */
    public record Session(String token, Member member) {
    }
}

package fr.sharenum.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import fr.sharenum.IdentityAssertion;
import fr.sharenum.ShareNum;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Role;
import fr.sharenum.model.Uai;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Bearer tokens of an OpenID Connect provider (the ENT's, the académie's): the JWT's signature is checked
 * against the provider's published keys (JWKS, fetched and cached by Nimbus JOSE + JWT), then its issuer,
 * audience, expiry and not-before; its claims become the {@link IdentityAssertion} of the trust boundary,
 * given to {@code members().signIn(host, …)}, which creates or updates the member, links the identity and
 * grants the privileges the directory asserts — the access matrix then applies unchanged. Thread-safe.
 *
 * <p>A token's sign-in is remembered until the token expires (by a hash of the token, at most 10,000), so a
 * page's many requests write the store once.
 *
 * <pre>{@code
 * Authenticator oidc = OidcAuthenticator.builder(sharenum, "https://auth.ac-dijon.fr", "sharenum")
 *         .jwksUri(URI.create("https://auth.ac-dijon.fr/jwks.json"))
 *         .establishmentClaim("uai").build();
 * }</pre>
 */
public final class OidcAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(OidcAuthenticator.class);
    private static final int CACHE_SIZE = 10_000;

    private final ShareNum sharenum;
    private final Actor host;
    private final String issuer;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final String emailClaim;
    private final String nameClaim;
    private final String establishmentClaim;
    private final Function<JWTClaimsSet, Role> role;
    private final Function<JWTClaimsSet, Set<Privilege>> privileges;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private record Session(MemberId member, Instant expires) {
    }

    private OidcAuthenticator(Builder b) {
        this.sharenum = b.sharenum;
        this.host = b.host;
        this.issuer = b.issuer;
        this.emailClaim = b.emailClaim;
        this.nameClaim = b.nameClaim;
        this.establishmentClaim = b.establishmentClaim;
        this.role = b.role;
        this.privileges = b.privileges;
        this.clock = b.clock;
        JWKSource<SecurityContext> keys = b.keys;
        if (keys == null) {
            try {
                keys = JWKSourceBuilder.create(b.jwksUri.toURL()).build();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("jwksUri is not a URL: " + b.jwksUri, e);
            }
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
                JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384), keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(b.audience,
                new JWTClaimsSet.Builder().issuer(b.issuer).build(), Set.of("sub", "exp")));
    }

    /**
     * Starts configuring the authenticator of one provider.
     *
     * @param sharenum the library the members sign in to
     * @param issuer   the provider's issuer identifier, exactly as in the tokens' {@code iss}
     * @param audience the audience the tokens must name in {@code aud} (the API's client id)
     * @return a builder
     */
    public static Builder builder(ShareNum sharenum, String issuer, String audience) {
        return new Builder(sharenum, issuer, audience);
    }

    @Override
    public Optional<Actor> authenticate(Credentials request) {
        Optional<String> bearer = request.bearerToken();
        if (bearer.isEmpty() || bearer.get().chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();   // not a JWT: another authenticator's (a development session, say)
        }
        String token = bearer.get();
        String key = sha256(token);
        Instant now = clock.instant();
        Session known = sessions.get(key);
        if (known != null && known.expires().isAfter(now)) {
            return Optional.of(known.member());
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (BadJWTException e) {
            boolean expired = e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("expired");
            throw new AuthenticationException(expired ? "auth.expired-token" : "auth.invalid-token", e.getMessage());
        } catch (BadJOSEException | ParseException | JOSEException e) {
            LOG.debug("refused bearer token: {}", e.getMessage());
            throw new AuthenticationException("auth.invalid-token", e.getMessage());
        }
        Member member = sharenum.members().signIn(host, assertion(claims));
        Instant expires = claims.getExpirationTime().toInstant();
        if (sessions.size() >= CACHE_SIZE) {
            sessions.values().removeIf(s -> !s.expires().isAfter(now));
            if (sessions.size() >= CACHE_SIZE) {
                sessions.clear();
            }
        }
        sessions.put(key, new Session(member.id(), expires));
        return Optional.of(member.id());
    }

    private IdentityAssertion assertion(JWTClaimsSet claims) {
        IdentityAssertion.Builder b = IdentityAssertion.builder(issuer, claims.getSubject())
                .email(string(claims, emailClaim))
                .displayName(string(claims, nameClaim));
        String uai = string(claims, establishmentClaim);
        if (uai != null) {
            b.establishment(Uai.of(uai));
        }
        b.role(role.apply(claims));
        privileges.apply(claims).forEach(b::privilege);
        return b.build();
    }

    private static String string(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v == null ? null : v.toString();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Configures an {@link OidcAuthenticator}. Not thread-safe. */
    public static final class Builder {
        private final ShareNum sharenum;
        private final String issuer;
        private final String audience;
        private URI jwksUri;
        private JWKSource<SecurityContext> keys;
        private Actor host = Actor.host("oidc");
        private String emailClaim = "email";
        private String nameClaim = "name";
        private String establishmentClaim = "uai";
        private Function<JWTClaimsSet, Role> role = claims -> roleClaim(claims, "sharenum_role");
        private Function<JWTClaimsSet, Set<Privilege>> privileges = claims -> Set.of();
        private Clock clock = Clock.systemUTC();

        private Builder(ShareNum sharenum, String issuer, String audience) {
            this.sharenum = Objects.requireNonNull(sharenum, "sharenum");
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            this.audience = Objects.requireNonNull(audience, "audience");
        }

        /**
         * Where the provider publishes its keys (its {@code jwks_uri}).
         *
         * @param uri the JWKS address
         * @return this builder
         */
        public Builder jwksUri(URI uri) {
            this.jwksUri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /**
         * The provider's keys given directly (instead of {@link #jwksUri}).
         *
         * @param keys the key source
         * @return this builder
         */
        public Builder keys(JWKSource<SecurityContext> keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * The host actor that signs members in (written in the audit trail); default {@code host:oidc}.
         *
         * @param host the host actor
         * @return this builder
         */
        public Builder host(Actor host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Names of the claims holding the verified professional address, the display name and the UAI of the
         * establishment; default {@code email}, {@code name}, {@code uai}.
         *
         * @param email         the address claim
         * @param name          the name claim
         * @param establishment the UAI claim
         * @return this builder
         */
        public Builder claims(String email, String name, String establishment) {
            this.emailClaim = Objects.requireNonNull(email, "email");
            this.nameClaim = Objects.requireNonNull(name, "name");
            this.establishmentClaim = Objects.requireNonNull(establishment, "establishment");
            return this;
        }

        /**
         * Shorthand for the UAI claim alone.
         *
         * @param name the claim holding the establishment's UAI
         * @return this builder
         */
        public Builder establishmentClaim(String name) {
            this.establishmentClaim = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * How the directory function is read from the claims; default the {@code sharenum_role} claim (a
         * {@link Role} name), else {@link Role#TEACHER_SECONDARY}.
         *
         * @param role the mapping
         * @return this builder
         */
        public Builder role(Function<JWTClaimsSet, Role> role) {
            this.role = Objects.requireNonNull(role, "role");
            return this;
        }

        /**
         * Which privileges the directory asserts, from the claims; default none (privileges then come only
         * from grants made in ShareNum).
         *
         * @param privileges the mapping
         * @return this builder
         */
        public Builder privileges(Function<JWTClaimsSet, Set<Privilege>> privileges) {
            this.privileges = Objects.requireNonNull(privileges, "privileges");
            return this;
        }

        /**
         * Time source for the session cache; default the UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the authenticator
         * @throws IllegalStateException when neither {@link #jwksUri} nor {@link #keys} was given
         */
        public OidcAuthenticator build() {
            if (jwksUri == null && keys == null) {
                throw new IllegalStateException("give the provider's jwksUri or keys");
            }
            return new OidcAuthenticator(this);
        }

        private static Role roleClaim(JWTClaimsSet claims, String name) {
            Object v = claims.getClaim(name);
            if (v == null) {
                return Role.TEACHER_SECONDARY;
            }
            try {
                return Role.valueOf(v.toString());
            } catch (IllegalArgumentException e) {
                return Role.TEACHER_SECONDARY;
            }
        }
    }
}

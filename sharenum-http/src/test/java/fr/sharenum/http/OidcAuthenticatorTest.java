package fr.sharenum.http;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.sharenum.ShareNum;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Uai;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenID Connect bearer tokens against keys the test generates and serves as a JWKS itself: a good token signs the
 * member in through the library's single sign-on; a bad signature, issuer, audience or an expired token is a 401
 * problem and signs nobody in. Also the rate limits and CORS of the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class OidcAuthenticatorTest {

    private static final String ISSUER = "https://auth.ac-dijon.test";
    private final OpenApiValidator validator = new OpenApiValidator();
    private RSAKey key;
    private Javalin provider;
    private ShareNumHttp http;
    private ShareNum sharenum;
    private String base;

    @BeforeAll
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        provider = Javalin.create(c -> c.showJavalinBanner = false)
                .get("/jwks.json", ctx -> ctx.contentType("application/json").result(jwks)).start("127.0.0.1", 0);
        sharenum = ShareNum.builder().build();
        sharenum.establishments().put(Actor.host("test"), new Establishment(Uai.of("0211136W"), "Collège Gaston Roupnel",
                EstablishmentType.COLLEGE, Academie.DIJON, GeoPoint.of(47.3364, 5.0429), "21231"));
        OidcAuthenticator oidc = OidcAuthenticator.builder(sharenum, ISSUER, "sharenum")
                .jwksUri(URI.create("http://127.0.0.1:" + provider.port() + "/jwks.json")).build();
        http = ShareNumHttp.builder(sharenum, ShareNum.inMemoryStore()).authenticator(oidc).rateLimits(20, 1_000)
                .corsOrigins("https://ent.example.fr").webFrontEnd(false).build().start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + http.port();
    }

    @AfterAll
    void stop() {
        http.stop();
        provider.stop();
    }

    private String token(RSAKey signer, String issuer, String audience, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("ent-4242")
                .expirationTime(Date.from(expires)).issueTime(new Date()).claim("email", "claire.martin@ac-dijon.fr")
                .claim("name", "Claire Martin").claim("uai", "0211136W").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    @Test
    void a_valid_token_signs_the_member_in_through_single_sign_on() throws Exception {
        Client client = new Client(base, token(key, ISSUER, "sharenum", Instant.now().plusSeconds(300)), validator);
        Client.Res me = client.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asText()).isEqualTo("claire.martin@ac-dijon.fr");
        assertThat(me.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(client.get("/api/v1/me").json().get("id")).isEqualTo(me.json().get("id"));
    }

    @Test
    void bad_tokens_are401_and_sign_nobody_in() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
        Map<String, String> cases = Map.of(
                token(other, ISSUER, "sharenum", Instant.now().plusSeconds(300)), "auth.invalid-token",
                token(key, "https://evil.test", "sharenum", Instant.now().plusSeconds(300)), "auth.invalid-token",
                token(key, ISSUER, "another-api", Instant.now().plusSeconds(300)), "auth.invalid-token",
                token(key, ISSUER, "sharenum", Instant.now().minus(Duration.ofHours(1))), "auth.expired-token",
                "a.b.c", "auth.invalid-token");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Client.Res r = new Client(base, c.getKey(), validator).get("/api/v1/me");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.code()).isEqualTo(c.getValue());
            assertThat(r.header("WWW-Authenticate")).contains("invalid_token");
        }
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void over_the_rate_limit_a429_says_when_to_come_back() throws Exception {
        Client client = new Client(base, token(key, ISSUER, "sharenum", Instant.now().plusSeconds(300)), validator);
        Client.Res last = null;
        for (int i = 0; i < 25 && (last == null || last.status() != 429); i++) {
            last = client.get("/api/v1/health");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("rate-limited");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
    }

    @Test
    void cors_allows_only_the_configured_origins() throws Exception {
        java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient();
        for (String origin : new String[] {"https://ent.example.fr", "https://evil.example"}) {
            var r = c.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/api/v1/tools"))
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                    .header("Access-Control-Request-Method", "GET").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin").orElse(null))
                    .isEqualTo(origin.contains("ent") ? origin : null);
        }
    }
}

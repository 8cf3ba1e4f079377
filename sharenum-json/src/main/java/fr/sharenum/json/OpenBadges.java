package fr.sharenum.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.BadgeDefinition;
import fr.sharenum.model.Email;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;

/**
 * Open Badges 2.0 documents (JSON-LD) for the badges ShareNum awards, verified by hosting: the host
 * serves each document at its {@code id} — the issuer profile at {@code <base>/issuer}, each badge
 * class at {@code <base>/badges/<key>}, each assertion at {@code <base>/assertions/<award id>} — so a
 * backpack (Badgr/Canvas Credentials, the Open Badge Factory…) verifies an assertion by fetching it.
 * The recipient is identified by a salted SHA-256 of their e-mail, never the address itself.
 *
 * <pre>{@code
 * OpenBadges badges = OpenBadges.builder(URI.create("https://ent.example.fr/sharenum/openbadges"))
 *         .issuer("DANE de l'académie de Dijon", URI.create("https://dane.ac-dijon.fr"), Email.of("dane@ac-dijon.fr"))
 *         .build();
 * ObjectNode assertion = badges.assertion(award, definition, member.email());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class OpenBadges {
    /** The Open Badges 2.0 JSON-LD context. */
    public static final String CONTEXT = "https://w3id.org/openbadges/v2";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String base;
    private final String issuerName;
    private final URI issuerUrl;
    private final Email issuerEmail;
    private final Function<String, URI> image;

    private OpenBadges(Builder b) {
        this.base = b.base.toString().endsWith("/") ? b.base.toString().substring(0, b.base.toString().length() - 1)
                : b.base.toString();
        this.issuerName = b.issuerName;
        this.issuerUrl = b.issuerUrl;
        this.issuerEmail = b.issuerEmail;
        this.image = b.image != null ? b.image : key -> URI.create(base + "/badges/" + key + ".png");
    }

    /**
     * @param base where the host serves the documents (https)
     *
     * @return the builder
     */
    public static Builder builder(URI base) {
        return new Builder(base);
    }

    /**
     * The issuer id.
     *
     * @return the issuer id
     */
    public String issuerId() {
        return base + "/issuer";
    }

    /**
     * The badge class id.
     *
     * @param key the key
     * @return the badge class id
     */
    public String badgeClassId(String key) {
        return base + "/badges/" + key;
    }

    /**
     * The assertion id.
     *
     * @param award the award
     * @return the assertion id
     */
    public String assertionId(BadgeAward award) {
        return base + "/assertions/" + award.id();
    }

    /**
     * The issuer's profile (type Issuer).
     *
     * @return the issuer's profile (type Issuer)
     */
    public ObjectNode issuer() {
        ObjectNode o = NODES.objectNode();
        o.put("@context", CONTEXT);
        o.put("type", "Issuer");
        o.put("id", issuerId());
        o.put("name", issuerName);
        o.put("url", issuerUrl.toString());
        o.put("email", issuerEmail.value());
        return o;
    }

    /**
     * The badge class of a definition.
     *
     * @param badge the badge
     * @return the badge class of a definition
     */
    public ObjectNode badgeClass(BadgeDefinition badge) {
        Objects.requireNonNull(badge, "badge");
        ObjectNode o = NODES.objectNode();
        o.put("@context", CONTEXT);
        o.put("type", "BadgeClass");
        o.put("id", badgeClassId(badge.key()));
        o.put("name", badge.name());
        o.put("description", badge.description());
        o.put("image", image.apply(badge.key()).toString());
        o.putObject("criteria").put("narrative", badge.criteria());
        o.put("issuer", issuerId());
        return o;
    }

    /**
     * The assertion of an award, its recipient's address hashed with a fresh random salt.
     *
     * @param award the award
     * @param badge the badge
     * @param recipient the recipient
     * @return the assertion of an award, its recipient's address hashed with a fresh random salt
     */
    public ObjectNode assertion(BadgeAward award, BadgeDefinition badge, Email recipient) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return assertion(award, badge, recipient, HexFormat.of().formatHex(salt));
    }

    /**
     * The assertion of an award, its recipient's address hashed with {@code salt}.
     *
     * @param award the award
     * @param badge the badge
     * @param recipient the recipient
     * @param salt the salt
     * @return the assertion of an award, its recipient's address hashed with {@code salt}
     */
    public ObjectNode assertion(BadgeAward award, BadgeDefinition badge, Email recipient, String salt) {
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(salt, "salt");
        if (!award.badge().equals(badge.key())) {
            throw new IllegalArgumentException("award " + award.id() + " is for badge " + award.badge() + ", not " + badge.key());
        }
        ObjectNode o = NODES.objectNode();
        o.put("@context", CONTEXT);
        o.put("type", "Assertion");
        o.put("id", assertionId(award));
        ObjectNode r = o.putObject("recipient");
        r.put("type", "email");
        r.put("hashed", true);
        r.put("salt", salt);
        r.put("identity", "sha256$" + sha256(recipient.value() + salt));
        o.put("badge", badgeClassId(badge.key()));
        o.put("issuedOn", DateTimeFormatter.ISO_INSTANT.format(award.issuedOn()));
        o.putObject("verification").put("type", "hosted");
        o.putArray("evidence").addObject().put("narrative", "Atelier ShareNum tenu (événement " + award.evidence() + ").");
        return o;
    }

    /** Hex SHA-256 of a text, as Open Badges hashes recipients. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Configures {@link OpenBadges}. Not thread-safe. */
    public static final class Builder {
        private final URI base;
        private String issuerName;
        private URI issuerUrl;
        private Email issuerEmail;
        private Function<String, URI> image;

        private Builder(URI base) {
            Objects.requireNonNull(base, "base");
            if (!"https".equalsIgnoreCase(base.getScheme())) {
                throw new IllegalArgumentException("hosted Open Badges are served over https, was " + base);
            }
            this.base = base;
        }

        /**
         * Who issues the badges (required): a name, a web site and a contact address.
         *
         * @param name the name
         * @param url the url
         * @param email the professional address
         * @return this builder
         */
        public Builder issuer(String name, URI url, Email email) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the issuer needs a name");
            }
            this.issuerName = name.strip();
            this.issuerUrl = Objects.requireNonNull(url, "url");
            this.issuerEmail = Objects.requireNonNull(email, "email");
            return this;
        }

        /**
         * Where each badge's image is (PNG or SVG); default {@code <base>/badges/<key>.png}.
         *
         * @param image the image
         * @return this builder
         */
        public Builder images(Function<String, URI> image) {
            this.image = Objects.requireNonNull(image, "image");
            return this;
        }

        /**
         * Builds the {@code OpenBadges}.
         *
         * @return the {@link OpenBadges}
         */
        public OpenBadges build() {
            if (issuerName == null) {
                throw new IllegalStateException("say who issues the badges: issuer(name, url, email)");
            }
            return new OpenBadges(this);
        }
    }
}

package fr.sharenum;

import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Role;
import fr.sharenum.model.Uai;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a host that authenticates its users through the ENT's single sign-on (CAS, OIDC, SAML) asserts about
 * one of them, from the identity provider's claims: who they are, their verified professional address,
 * their establishment, their function in the directory and the privileges the directory gives them. Given
 * to {@link Members#signIn}, it replaces the mailed verification token; ShareNum records that the identity
 * came from the host. Built with {@link #builder(String, String)}.
 *
 * <pre>{@code
 * IdentityAssertion who = IdentityAssertion.builder("https://cas.ac-dijon.fr", claims.sub())
 *         .email(claims.email()).displayName(claims.name()).establishment(Uai.of(claims.uai()))
 *         .role(Role.TEACHER_SECONDARY).build();
 * Member m = sharenum.members().signIn(Actor.host("sso"), who);
 * }</pre>
 *
 * @param issuer        the identity provider (an issuer URL, a CAS server), 1–300 characters
 * @param subject       the provider's stable identifier of the person, 1–300 characters
 * @param memberId      the id to give a member created by this sign-in, or {@code null} for a random one
 * @param email         the professional address the provider verified (still checked by the host's e-mail policy)
 * @param displayName   the name to show
 * @param establishment where the person works
 * @param role          their function in the directory (institutional functions included: the host vouches for them)
 * @param privileges    privileges the directory gives them; académie-scoped ones bind to the establishment's
 *                      académie; granted (and revoked when no longer asserted) in the audit trail as the host's
 */
public record IdentityAssertion(String issuer, String subject, MemberId memberId, String email, String displayName,
                                Uai establishment, Role role, Set<Privilege> privileges) {

    /**
     * Checks and normalises the components.
     *
     * @param issuer the identity provider (an issuer URL, a CAS server), 1–300 characters
     * @param subject the provider's stable identifier of the person, 1–300 characters
     * @param memberId the id to give a member created by this sign-in, or {@code null} for a random one
     * @param email the professional address the provider verified (still checked by the host's e-mail policy)
     * @param displayName the name to show
     * @param establishment where the person works
     * @param role their function in the directory (institutional functions included: the host vouches for them)
     * @param privileges privileges the directory gives them; académie-scoped ones bind to the establishment's académie; granted (and revoked when no longer asserted) in the audit trail as the host's
     */
    public IdentityAssertion {
        if (issuer == null || issuer.isBlank() || issuer.length() > 300) {
            throw new InvalidValueException("issuer", "an identity provider is named in 1 to 300 characters");
        }
        if (subject == null || subject.isBlank() || subject.length() > 300) {
            throw new InvalidValueException("subject", "the provider's identifier is 1 to 300 characters");
        }
        if (email == null) {
            throw new InvalidValueException("email", "is required");
        }
        if (establishment == null) {
            throw new InvalidValueException("establishment", "is required");
        }
        if (role == null) {
            throw new InvalidValueException("role", "is required");
        }
        privileges = privileges == null || privileges.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(privileges));
    }

    /**
     * @param issuer  the identity provider
     * @param subject its identifier of the person
     * @return a builder
     */
    public static Builder builder(String issuer, String subject) {
        return new Builder(issuer, subject);
    }

    /** Builds an {@link IdentityAssertion}. Not thread-safe. */
    public static final class Builder {
        private final String issuer;
        private final String subject;
        private MemberId memberId;
        private String email;
        private String displayName;
        private Uai establishment;
        private Role role = Role.TEACHER_SECONDARY;
        private final Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);

        private Builder(String issuer, String subject) {
            this.issuer = issuer;
            this.subject = subject;
        }

        /**
         * @param id the id to give the member if this sign-in creates them (the ENT account id, say)
         * @return this
         */
        public Builder memberId(MemberId id) {
            this.memberId = id;
            return this;
        }

        /**
         * @param email the verified professional address
         * @return this
         */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /**
         * @param displayName the name to show
         * @return this
         */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /**
         * @param uai where the person works
         * @return this
         */
        public Builder establishment(Uai uai) {
            this.establishment = uai;
            return this;
        }

        /**
         * @param role the function in the directory
         * @return this
         */
        public Builder role(Role role) {
            this.role = Objects.requireNonNull(role, "role");
            return this;
        }

        /**
         * @param privilege a privilege the directory gives the person
         * @return this
         */
        public Builder privilege(Privilege privilege) {
            privileges.add(Objects.requireNonNull(privilege, "privilege"));
            return this;
        }

        /** @return the assertion */
        public IdentityAssertion build() {
            return new IdentityAssertion(issuer, subject, memberId, email, displayName, establishment, role, privileges);
        }
    }
}

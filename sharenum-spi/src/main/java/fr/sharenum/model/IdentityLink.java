package fr.sharenum.model;

import java.time.Instant;

/**
 * A member whose identity was asserted by the host's single sign-on (CAS, OIDC, SAML) rather than proven
 * with a mailed token: the identity provider and its subject identifier, which find the member again at
 * the next sign-in.
 *
 * @param issuer   the identity provider, e.g. {@code https://cas.ac-dijon.fr}, 1–300 characters
 * @param subject  the provider's identifier of the person, 1–300 characters
 * @param member   the member
 * @param linkedAt when the link was made
 * @param lastSeen the last sign-in through it
 */
public record IdentityLink(String issuer, String subject, MemberId member, Instant linkedAt, Instant lastSeen) {

    /**
     * Checks and normalises the components.
     *
     * @param issuer the identity provider, e.g. {@code https://cas.ac-dijon.fr}, 1–300 characters
     * @param subject the provider's identifier of the person, 1–300 characters
     * @param member the member
     * @param linkedAt when the link was made
     * @param lastSeen the last sign-in through it
     */
    public IdentityLink {
        issuer = Texts.text("issuer", issuer, 300);
        subject = Texts.text("subject", subject, 300);
        InvalidValueException.requireNonNull("member", member);
        InvalidValueException.requireNonNull("linkedAt", linkedAt);
        InvalidValueException.requireNonNull("lastSeen", lastSeen);
    }
}

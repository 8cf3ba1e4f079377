package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Email;
import fr.sharenum.model.EmailNotAllowedException;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which e-mail addresses may register: professional addresses only. Immutable and thread-safe.
 *
 * <p>The {@linkplain #defaults() default policy} accepts every académie domain of the
 * {@link Academie} catalogue ({@code ac-dijon.fr}, {@code ac-normandie.fr}, {@code ac-noumea.nc}…),
 * {@code education.gouv.fr}, {@code reseau-canope.fr} and {@code cned.fr}. The domain must match
 * exactly, ignoring case: {@code prof@ac-dijon.fr.evil.com}, {@code prof@sub.ac-dijon.fr} and
 * {@code prof@ac-foo.fr} are refused, each with a message saying why.
 *
 * <pre>{@code
 * EmailPolicy policy = EmailPolicy.defaults().toBuilder()
 *         .allowDomain("region-academique-bfc.fr")
 *         .build();
 * Email email = policy.check("Claire.Martin@AC-DIJON.fr");   // claire.martin@ac-dijon.fr
 * }</pre>
 */
public final class EmailPolicy {

    /** National domains accepted by default besides the académies'. */
    public static final Set<String> NATIONAL_DOMAINS = Set.of("education.gouv.fr", "reseau-canope.fr", "cned.fr");

    private final Set<String> domains;

    private EmailPolicy(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    /** Académie domains of the catalogue plus {@link #NATIONAL_DOMAINS}. */
    public static EmailPolicy defaults() {
        return builder().allowAcademieDomains().allowDomains(NATIONAL_DOMAINS).build();
    }

    /** An empty builder: nothing is accepted until domains are added. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy's domains. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.domains.addAll(domains);
        return b;
    }

    /** The accepted domains, lower case. */
    public Set<String> domains() {
        return domains;
    }

    /** Whether {@code address} would be accepted. */
    public boolean accepts(String address) {
        try {
            check(address);
            return true;
        } catch (EmailNotAllowedException e) {
            return false;
        }
    }

    /**
     * Parses {@code address} and checks its domain.
     *
     * @return the normalised address
     * @throws EmailNotAllowedException when it is malformed or its domain is not professional
     */
    public Email check(String address) {
        Email email = new Email(address);
        String domain = email.domain();
        if (domains.contains(domain)) {
            return email;
        }
        for (String allowed : domains) {
            if (domain.endsWith("." + allowed)) {
                throw new EmailNotAllowedException("'" + domain + "' is a sub-domain of " + allowed
                        + "; only the professional domain itself is accepted");
            }
            if (domain.startsWith(allowed + ".")) {
                throw new EmailNotAllowedException("'" + domain + "' only imitates " + allowed
                        + "; it is not a professional domain");
            }
        }
        if (domain.matches("ac-[a-z0-9-]+\\.[a-z]+")) {
            throw new EmailNotAllowedException("'" + domain + "' is not the domain of any académie");
        }
        throw new EmailNotAllowedException("'" + domain + "' is not a professional domain; use your académie, "
                + "education.gouv.fr, reseau-canope.fr or cned.fr address");
    }

    @Override
    public String toString() {
        return "EmailPolicy" + new TreeSet<>(domains);
    }

    /** Builds an {@link EmailPolicy}. Not thread-safe. */
    public static final class Builder {
        private final Set<String> domains = new TreeSet<>();

        private Builder() {
        }

        /** Accepts every mail domain of the {@link Academie} catalogue. */
        public Builder allowAcademieDomains() {
            for (Academie a : Academie.values()) {
                domains.addAll(a.mailDomains());
            }
            return this;
        }

        /** Accepts {@code domain} exactly (case-insensitive). */
        public Builder allowDomain(String domain) {
            domains.add(normalise(domain));
            return this;
        }

        public Builder allowDomains(Collection<String> more) {
            more.forEach(this::allowDomain);
            return this;
        }

        public Builder allowDomains(String... more) {
            return allowDomains(Arrays.asList(more));
        }

        /** Stops accepting {@code domain}. */
        public Builder denyDomain(String domain) {
            domains.remove(normalise(domain));
            return this;
        }

        public EmailPolicy build() {
            if (domains.isEmpty()) {
                throw new IllegalStateException("an email policy must accept at least one domain");
            }
            return new EmailPolicy(domains);
        }

        private static String normalise(String domain) {
            if (domain == null || domain.isBlank()) {
                throw new IllegalArgumentException("domain must not be empty");
            }
            String d = domain.strip().toLowerCase(Locale.ROOT);
            if (d.startsWith("@")) {
                d = d.substring(1);
            }
            // validate through Email's domain rules
            new Email("x@" + d);
            return d;
        }
    }
}

package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Email;
import fr.sharenum.model.EmailNotAllowedException;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which e-mail addresses may register: professional addresses only. Immutable and thread-safe.
 *
 * <p>The {@linkplain #defaults() default policy} accepts every académie domain of the
 * {@link Academie} catalogue ({@code ac-dijon.fr}, {@code ac-normandie.fr}, {@code ac-noumea.nc}…),
 * {@code education.gouv.fr}, {@code reseau-canope.fr} and {@code cned.fr}. The domain must match
 * exactly, ignoring case: {@code prof@ac-dijon.fr.evil.com}, {@code prof@sub.ac-dijon.fr} and
 * {@code prof@ac-foo.fr} are refused, each with a message saying why. An address holding a
 * character beyond ASCII is refused with a message in French naming the character, its code point
 * and, for a letter of another alphabet imitating a Latin one (the Cyrillic {@code і} of
 * {@code ac-dіjon.fr}, U+0456), the letter it imitates.
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

    /**
     * Académie domains of the catalogue plus {@link #NATIONAL_DOMAINS}.
     *
     * @return the defaults
     */
    public static EmailPolicy defaults() {
        return builder().allowAcademieDomains().allowDomains(NATIONAL_DOMAINS).build();
    }

    /**
     * An empty builder: nothing is accepted until domains are added.
     *
     * @return an empty builder: nothing is accepted until domains are added
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this policy's domains.
     *
     * @return a builder starting from this policy's domains
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.domains.addAll(domains);
        return b;
    }

    /**
     * The accepted domains, lower case.
     *
     * @return the accepted domains, lower case
     */
    public Set<String> domains() {
        return domains;
    }

    /**
     * Whether {@code address} would be accepted.
     *
     * @param address the address
     * @return whether {@code address} would be accepted
     */
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
     * @param address the address
     */
    public Email check(String address) {
        refuseCharactersBeyondAscii(address, domains);
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

    /**
     * Letters of other alphabets that look like Latin ones (Unicode confusables): the Cyrillic і of
     * {@code ac-dіjon.fr}, the Greek ο, the dotless ı… Fullwidth and mathematical letters are found by
     * compatibility decomposition instead.
     */
    private static final Map<Integer, Character> CONFUSABLES = confusables();

    private static Map<Integer, Character> confusables() {
        Map<Integer, Character> m = new HashMap<>();
        String[] pairs = {
            // Cyrillic
            "\u0430a", "\u0435e", "\u043Eo", "\u0440p", "\u0441c", "\u0443y", "\u0445x", "\u0455s", "\u0456i",
            "\u0458j", "\u04BBh", "\u04CFl", "\u0501d", "\u051Bq", "\u051Dw", "\u043Ak", "\u0442t", "\u0432b",
            "\u043Dh", "\u043Cm", "\u0410A", "\u0412B", "\u0415E", "\u041AK", "\u041CM", "\u041DH", "\u041EO",
            "\u0420P", "\u0421C", "\u0422T", "\u0425X", "\u0405S", "\u0406I", "\u0408J", "\u04AEY", "\u0417E",
            // Greek
            "\u03B1a", "\u03BFo", "\u03BDv", "\u03B9i", "\u03BAk", "\u03C1p", "\u03C5u", "\u03C7x", "\u03B5e",
            "\u0391A", "\u0392B", "\u0395E", "\u0396Z", "\u0397H", "\u0399I", "\u039AK", "\u039CM", "\u039DN",
            "\u039FO", "\u03A1P", "\u03A4T", "\u03A5Y", "\u03A7X",
            // Latin look-alikes
            "\u0131i", "\u0251a", "\u0261g", "\u026Ai", "\u1D00a", "\u2113l", "\u0269i"};
        for (String p : pairs) {
            m.put((int) p.charAt(0), p.charAt(1));
        }
        return Map.copyOf(m);
    }

    /**
     * Refuses an address holding a character beyond ASCII — a letter of another alphabet imitating a
     * Latin one, an accented letter, an invisible character — naming it, its code point and, for a
     * look-alike, the Latin letter it imitates, so that a person can retype the address.
     */
    private static void refuseCharactersBeyondAscii(String address, Set<String> accepted) {
        if (address == null) {
            return;
        }
        String a = address.strip();
        int position = 0;
        for (int i = 0; i < a.length(); ) {
            int cp = a.codePointAt(i);
            position++;
            if (cp > 0x7F) {
                throw new EmailNotAllowedException(describeForeign(a, cp, position, accepted));
            }
            i += Character.charCount(cp);
        }
    }

    private static String describeForeign(String address, int cp, int position, Set<String> accepted) {
        String ch = new String(Character.toChars(cp));
        String codePoint = String.format("U+%04X", cp);
        String name = Character.getName(cp);
        String named = codePoint + (name == null ? "" : ", " + name);
        Character latin = imitated(cp);
        String start = "l'adresse « " + address + " » contient ";
        if (latin != null) {
            String skeleton = skeleton(address);
            String domain = skeleton == null ? null : skeleton.substring(skeleton.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            String looksLike = skeleton == null ? ""
                    : accepted.contains(domain) ? " : elle imite l'adresse professionnelle " + skeleton.toLowerCase(Locale.ROOT)
                    + " mais n'est pas la même" : " : elle ressemble à " + skeleton + " mais n'est pas la même";
            return start + "le caractère « " + ch + " » (" + named + ") en position " + position
                    + ", qui imite la lettre latine « " + latin + " »" + looksLike
                    + " ; retapez-la au clavier plutôt que de la copier";
        }
        String base = Normalizer.normalize(ch, Normalizer.Form.NFD);
        if (base.length() > 1 && base.charAt(0) < 0x80 && Character.isLetter(base.charAt(0))) {
            return start + "la lettre accentuée « " + ch + " » (" + named + ") en position " + position
                    + " : les adresses professionnelles s'écrivent sans accents (« " + base.charAt(0) + " »)";
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.CONTROL || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return start + "un caractère invisible ou un espace (" + named + ") en position " + position
                    + ", sans doute venu d'un copier-coller ; retapez l'adresse au clavier";
        }
        return start + "le caractère « " + ch + " » (" + named + ") en position " + position
                + ", qui n'a pas sa place dans une adresse professionnelle (lettres sans accents, chiffres, « . », « - », « _ », « + »)";
    }

    /** The Latin letter or digit {@code cp} imitates, or {@code null}. */
    private static Character imitated(int cp) {
        Character known = CONFUSABLES.get(cp);
        if (known != null) {
            return known;
        }
        String compatible = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        if (compatible.length() == 1 && compatible.charAt(0) < 0x80 && Character.isLetterOrDigit(compatible.charAt(0))) {
            return compatible.charAt(0);
        }
        return null;
    }

    /** The address with every look-alike replaced by the letter it imitates, or {@code null} if some character has none. */
    private static String skeleton(String address) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < address.length(); ) {
            int cp = address.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                b.append((char) cp);
                continue;
            }
            Character latin = imitated(cp);
            if (latin == null) {
                return null;
            }
            b.append(latin.charValue());
        }
        return b.toString();
    }

    /** Builds an {@link EmailPolicy}. Not thread-safe. */
    public static final class Builder {
        private final Set<String> domains = new TreeSet<>();

        private Builder() {
        }

        /**
         * Accepts every mail domain of the {@link Academie} catalogue.
         *
         * @return this builder
         */
        public Builder allowAcademieDomains() {
            for (Academie a : Academie.values()) {
                domains.addAll(a.mailDomains());
            }
            return this;
        }

        /**
         * Accepts {@code domain} exactly (case-insensitive).
         *
         * @param domain the domain
         * @return this builder
         */
        public Builder allowDomain(String domain) {
            domains.add(normalise(domain));
            return this;
        }

        /**
         * Allows more mail domains (and their subdomains).
         *
         * @param more more of them
         * @return this builder
         */
        public Builder allowDomains(Collection<String> more) {
            more.forEach(this::allowDomain);
            return this;
        }

        /**
         * Allows more mail domains (and their subdomains).
         *
         * @param more more of them
         * @return this builder
         */
        public Builder allowDomains(String... more) {
            return allowDomains(Arrays.asList(more));
        }

        /**
         * Stops accepting {@code domain}.
         *
         * @param domain the domain
         * @return this builder
         */
        public Builder denyDomain(String domain) {
            domains.remove(normalise(domain));
            return this;
        }

        /**
         * Builds the {@code EmailPolicy}.
         *
         * @return the {@link EmailPolicy}
         */
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
            // validate through the policy's character check, then Email's domain rules
            refuseCharactersBeyondAscii(d, Set.of());
            new Email("x@" + d);
            return d;
        }
    }
}

package fr.sharenum.core.internal.store;

import fr.sharenum.model.Academie;
import fr.sharenum.model.AuditEntry;
import fr.sharenum.model.Grant;
import fr.sharenum.model.GrantId;
import fr.sharenum.model.IdentityLink;
import fr.sharenum.model.MemberId;
import fr.sharenum.spi.Documents;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Grants, the audit trail and single-sign-on identity links, kept as kernel documents in every store.
 */
public final class TrustStore {
    private static final String NATIONAL = "national";

    static final DocCollection<Grant> GRANTS = new DocCollection<>("grant", Grant.class, g -> g.id().value(),
            g -> Map.of("member", g.member().value(), "academie", Keys.join(scope(g.academie()), Keys.time(g.grantedAt()))));
    static final DocCollection<AuditEntry> AUDIT = new DocCollection<>("audit", AuditEntry.class, AuditEntry::id,
            a -> Map.of("academie", Keys.join(scope(a.academie()), Keys.time(a.at())),
                    "subject", Keys.join(a.subject().value(), Keys.time(a.at()))));
    static final DocCollection<IdentityLink> LINKS = new DocCollection<>("identity-link", IdentityLink.class,
            l -> Keys.join(l.issuer(), l.subject()), l -> Map.of("member", l.member().value()));

    private static final AtomicLong SEQUENCE =
            new AtomicLong(System.currentTimeMillis() * 1000);

    private TrustStore() {
    }

    /**
     * A new audit line id: lines written at the same instant keep their order (within an instance) and never
     * collide (across instances).
     *
     * @return the id
     */
    public static String newAuditId() {
        return String.format("%019d", SEQUENCE.incrementAndGet()) + "-" + UUID.randomUUID();
    }

    private static String scope(Academie a) {
        return a == null ? NATIONAL : a.code();
    }

    /**
     * @param d      the transaction's kernel
     * @param member a member
     * @return every grant of the member, active and revoked, oldest first
     */
    public static List<Grant> grantsOf(Documents d, MemberId member) {
        return GRANTS.all(d, "member", member.value()).stream()
                .sorted(Comparator.comparing(Grant::grantedAt).thenComparing(g -> g.id().value())).toList();
    }

    /**
     * @param d  the transaction's kernel
     * @param id a grant id
     * @return the grant with its document version
     */
    public static Optional<Grant> grant(Documents d, GrantId id) {
        return GRANTS.get(d, id.value());
    }

    /**
     * @param d the transaction's kernel
     * @param g a new grant
     */
    public static void insertGrant(Documents d, Grant g) {
        GRANTS.insert(d, g);
    }

    /**
     * @param d       the transaction's kernel
     * @param revoked the grant, revoked (next version)
     */
    public static void updateGrant(Documents d, Grant revoked) {
        GRANTS.replace(d, revoked, revoked.version() - 1);
    }

    /**
     * @param d     the transaction's kernel
     * @param entry an audit line
     */
    public static void audit(Documents d, AuditEntry entry) {
        AUDIT.insert(d, entry);
    }

    /**
     * @param d        the transaction's kernel
     * @param academie the académie, or {@code null} for national actions
     * @param from     first instant
     * @param to       instant after the last
     * @param limit    at most this many
     * @return audit lines of the académie in {@code [from, to)}, oldest first
     */
    public static List<AuditEntry> auditOf(Documents d, Academie academie, Instant from, Instant to, int limit) {
        return AUDIT.range(d, "academie", Keys.join(scope(academie), Keys.time(from)), Keys.join(scope(academie), Keys.time(to)),
                limit);
    }

    /**
     * @param d      the transaction's kernel
     * @param member a member
     * @return every audit line about the member, oldest first
     */
    public static List<AuditEntry> auditAbout(Documents d, MemberId member) {
        return AUDIT.all(d, "subject", member.value());
    }

    /**
     * @param d       the transaction's kernel
     * @param issuer  an identity provider
     * @param subject its identifier of the person
     * @return the link, if the person signed in before
     */
    public static Optional<IdentityLink> link(Documents d, String issuer, String subject) {
        return LINKS.get(d, Keys.join(issuer, subject));
    }

    /**
     * @param d    the transaction's kernel
     * @param link a link, new or seen again
     */
    public static void putLink(Documents d, IdentityLink link) {
        LINKS.put(d, link);
    }

    /**
     * @param d    the transaction's kernel
     * @param link a link to forget (erasure)
     */
    public static void deleteLink(Documents d, IdentityLink link) {
        LINKS.delete(d, Keys.join(link.issuer(), link.subject()));
    }

    /**
     * @param d      the transaction's kernel
     * @param member a member
     * @return the member's identity links
     */
    public static List<IdentityLink> linksOf(Documents d, MemberId member) {
        return LINKS.all(d, "member", member.value());
    }
}

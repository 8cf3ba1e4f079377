package fr.sharenum.core.internal;

import fr.sharenum.Roles;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.core.internal.store.TrustStore;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.AuditEntry;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Grant;
import fr.sharenum.model.GrantId;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Privilege;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Granted privileges and the audit trail. */
final class RolesImpl implements Roles {
    private final Transactions transactions;
    private final Settings settings;

    /**
     * @param transactions the unit of work
     * @param settings     the host's settings (clock, staff address rule)
     */
    RolesImpl(Transactions transactions, Settings settings) {
        this.transactions = transactions;
        this.settings = settings;
    }

    @Override
    public Grant grant(Actor actor, MemberId member, Privilege privilege, Academie academie, String reason) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(privilege, "privilege");
        String why = MembersImpl.requireReason(reason);
        if (privilege.isAcademieScoped() != (academie != null)) {
            throw new InvalidValueException("academie", privilege.isAcademieScoped()
                    ? privilege + " is granted for one académie: name it" : privilege + " is national: name no académie");
        }
        Instant now = settings.clock().instant();
        return transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            requireGranter(p, privilege, academie);
            Member m = t.member(member).orElseThrow(() -> new NotFoundException("member", member));
            if (!m.isActive()) {
                throw NotAllowedException.access("access.grant-inactive", member.value());
            }
            if (actor.equals(member)) {
                throw NotAllowedException.access("access.self-grant", member.value());
            }
            if (privilege == Privilege.ACADEMIE_STAFF && settings.staffAddressMustMatchAcademie()
                    && !academie.mailDomains().contains(m.email().domain())) {
                throw NotAllowedException.access("access.grant-address", privilege.name(), academie.label(),
                        String.join(", ", academie.mailDomains()), member.value());
            }
            for (Grant g : TrustStore.grantsOf(t, member)) {
                if (g.isActive() && g.privilege() == privilege && g.academie() == academie) {
                    throw new DuplicateException("member " + member + " already holds " + privilege
                            + (academie == null ? "" : " for " + academie.label()) + " (grant " + g.id() + ")");
                }
            }
            Grant g = new Grant(GrantId.random(), member, privilege, academie, actor.describe(), now, why, null, null, null, 1);
            TrustStore.insertGrant(t, g);
            TrustStore.audit(t, new AuditEntry(TrustStore.newAuditId(), now, actor.describe(), AuditEntry.Action.GRANT,
                    member, academie, privilege + " : " + why));
            return g;
        });
    }

    @Override
    public Grant revoke(Actor actor, GrantId id, String reason) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "grant");
        String why = MembersImpl.requireReason(reason);
        Instant now = settings.clock().instant();
        return transactions.retryingConflicts(() -> transactions.tx(t -> {
            Grant g = TrustStore.grant(t, id).orElseThrow(() -> new NotFoundException("grant", id));
            requireGranter(Access.principal(t, actor), g.privilege(), g.academie());
            if (!g.isActive()) {
                throw new IllegalTransitionException("grant " + id, "REVOKED", "REVOKED");
            }
            Grant revoked = g.revoked(actor, now, why);
            TrustStore.updateGrant(t, revoked);
            TrustStore.audit(t, new AuditEntry(TrustStore.newAuditId(), now, actor.describe(), AuditEntry.Action.REVOKE,
                    g.member(), g.academie(), g.privilege() + " : " + why));
            return revoked;
        }));
    }

    /** The host and national administrators grant everything; staff of an académie its académie-scoped privileges. */
    private static void requireGranter(Principal p, Privilege privilege, Academie academie) {
        Access.Relations r = Access.relations(p, privilege.isAcademieScoped() ? academie : null);
        try {
            Access.require(Operation.ROLES_GRANT, r);
        } catch (NotAllowedException e) {
            if (p.isActiveMember()) {
                throw privilege.isAcademieScoped()
                        ? NotAllowedException.access("access.grant-scope", privilege.name(), academie.label())
                        : NotAllowedException.access("access.grant-national", privilege.name());
            }
            throw e;
        }
    }

    @Override
    public List<Grant> of(Actor actor, MemberId member) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(member, "member");
        return transactions.tx(t -> {
            Member m = t.member(member).orElseThrow(() -> new NotFoundException("member", member));
            Access.require(Operation.ROLES_READ, MembersImpl.relations(t, Access.principal(t, actor), m));
            return TrustStore.grantsOf(t, member);
        });
    }

    @Override
    public List<AuditEntry> audit(Actor actor, Academie academie, Instant from, Instant to, int limit) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new InvalidValueException("to", "must be after from");
        }
        if (limit < 1 || limit > 10_000) {
            throw new InvalidValueException("limit", "must be between 1 and 10000, was " + limit);
        }
        return transactions.tx(t -> {
            Access.require(Operation.ROLES_AUDIT, Access.relations(Access.principal(t, actor), academie));
            return TrustStore.auditOf(t, academie, from, to, limit);
        });
    }

}

package fr.sharenum.core.internal.access;

import fr.sharenum.core.internal.Tx;
import fr.sharenum.core.internal.store.TrustStore;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Grant;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberNotVerifiedException;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.ShareNumException;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The trust boundary: who an actor is according to the store ({@link #principal}), how they stand to a
 * call's subject ({@link #relations}), and whether the access matrix lets them act ({@link #require}).
 * Refusals are {@link NotAllowedException}s of the {@code access.} family, with the operation and the
 * relations it needs in the message.
 */
public final class Access {

    private Access() {
    }

    /**
     * The actor as the store knows them: a member's stored record, académie and active grants.
     *
     * @param t     the transaction
     * @param actor who acts
     * @return the principal
     */
    public static Principal principal(Tx t, Actor actor) {
        Objects.requireNonNull(actor, "actor");
        if (actor instanceof MemberId id) {
            Member m = t.member(id).orElse(null);
            if (m == null) {
                return new Principal(actor, null, null, List.of());
            }
            Academie a = t.establishment(m.establishment()).map(Establishment::academie).orElse(null);
            List<Grant> grants = m.status() == MemberStatus.ACTIVE
                    ? TrustStore.grantsOf(t, id).stream().filter(Grant::isActive).toList() : List.of();
            return new Principal(actor, m, a, grants);
        }
        return new Principal(actor, null, null, List.of());
    }

    /**
     * What an actor is to a subject: a builder of the relations the access matrix is checked against.
     *
     * @param p        the principal
     * @param academie the subject's académie, or {@code null} when it has none (the country, a national record)
     * @return the relations every actor has (ANYONE, HOST, MEMBER, NATIONAL_ADMIN, RESEARCHER, STAFF, PUBLISHER)
     */
    public static Relations relations(Principal p, Academie academie) {
        return new Relations(p, academie);
    }

    /**
     * Refuses the call unless the actor has one of the relations {@code op} allows.
     *
     * @param op        the operation
     * @param relations what the actor is to the subject
     * @throws NotAllowedException {@code access.unknown-actor}, {@code access.suspended}, {@code access.erased},
     *                             {@code access.not-verified} or {@code access.denied}
     */
    public static void require(Operation op, Relations relations) {
        Set<Relation> have = relations.set();
        for (Relation r : op.allowed()) {
            if (have.contains(r)) {
                return;
            }
        }
        throw refusal(op, relations.principal());
    }

    /**
     * Whether the actor has one of the relations {@code op} allows (a check that refuses nothing: what a list shows).
     *
     * @param op        the operation
     * @param relations what the actor is to the subject
     * @return whether {@link #require} would let them
     */
    public static boolean allows(Operation op, Relations relations) {
        Set<Relation> have = relations.set();
        return op.allowed().stream().anyMatch(have::contains);
    }

    /**
     * The refusal of {@code op} for {@code p}: the most helpful reason first (unknown, suspended, erased,
     * not verified), else who the operation is for.
     *
     * @param op the operation refused
     * @param p  the principal
     * @return the exception, to throw
     */
    public static NotAllowedException refusal(Operation op, Principal p) {
        if (p.actor() instanceof MemberId id && p.member() == null) {
            return NotAllowedException.access("access.unknown-actor", id.value());
        }
        if (p.isMember() && !p.isActiveMember()) {
            switch (p.member().status()) {
                case SUSPENDED:
                    return NotAllowedException.access("access.suspended", p.member().id().value());
                case ERASED:
                    return NotAllowedException.access("access.erased", p.member().id().value());
                default:
                    return new MemberNotVerifiedException(p.member().id());
            }
        }
        ShareNumException.Phrase who = new ShareNumException.Phrase(op.allowed().stream().map(r -> "relation." + r.name()).toList());
        return NotAllowedException.access("access.denied", ShareNumException.Phrase.of("operation." + op.name()), who,
                p.actor().describe());
    }

    /**
     * Refuses a blockable operation between two members when either blocked the other.
     *
     * @param t     the transaction
     * @param op    the operation (checked only when {@link Operation#blockable()})
     * @param actor the acting member
     * @param other the member on the other side (the requester, an organiser…)
     * @throws NotAllowedException {@code access.blocked}
     */
    public static void requireNotBlocked(Tx t, Operation op, MemberId actor, MemberId other) {
        if (!op.blockable() || actor == null || other == null || actor.equals(other)) {
            return;
        }
        boolean blocked = t.alertPreferences(actor).map(p -> p.blocks(other)).orElse(false)
                || t.alertPreferences(other).map(p -> p.blocks(actor)).orElse(false);
        if (blocked) {
            throw NotAllowedException.access("access.blocked", actor.value(), other.value());
        }
    }

    /** The relations of one actor to one subject, built up by the workflow that knows the subject. */
    public static final class Relations {
        private final Principal principal;
        private final EnumSet<Relation> set = EnumSet.of(Relation.ANYONE);
        private final boolean active;

        Relations(Principal p, Academie academie) {
            this.principal = p;
            this.active = p.isActiveMember();
            if (p.isHost()) {
                set.add(Relation.HOST);
            }
            if (active) {
                set.add(Relation.MEMBER);
                if (p.holds(Privilege.NATIONAL_ADMIN, null)) {
                    set.add(Relation.NATIONAL_ADMIN);
                }
                if (p.holds(Privilege.RESEARCHER, null)) {
                    set.add(Relation.RESEARCHER);
                }
                if (academie != null && p.holds(Privilege.ACADEMIE_STAFF, academie)) {
                    set.add(Relation.STAFF);
                    set.add(Relation.PUBLISHER);
                }
                if (academie != null && (p.holds(Privilege.CANOPE, academie) || p.holds(Privilege.COOPERATIVE, academie))) {
                    set.add(Relation.PUBLISHER);
                }
            }
        }

        /** @return the principal these relations are of */
        public Principal principal() {
            return principal;
        }

        /**
         * Adds {@code relation} when {@code holds} and the actor is an active member.
         *
         * @param relation a member relation (SELF, REQUESTER, ORGANISER…)
         * @param holds    whether the actor has it
         * @return this
         */
        public Relations add(Relation relation, boolean holds) {
            if (holds && active) {
                set.add(relation);
            }
            return this;
        }

        /**
         * Adds SELF (when active) and SELF_ANY_STATUS when the actor is the member {@code subject}.
         *
         * @param subject the member the call is about
         * @return this
         */
        public Relations self(MemberId subject) {
            if (principal.isMember() && principal.member().id().equals(subject)) {
                set.add(Relation.SELF_ANY_STATUS);
                if (active) {
                    set.add(Relation.SELF);
                }
            }
            return this;
        }

        /** @return the relations */
        public Set<Relation> set() {
            return EnumSet.copyOf(set);
        }
    }
}

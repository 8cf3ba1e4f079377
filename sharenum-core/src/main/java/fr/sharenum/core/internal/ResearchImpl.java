package fr.sharenum.core.internal;

import fr.sharenum.Research;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.core.internal.store.ResearchStore;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.NotFoundException;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/** Members' consent to research, kept as kernel documents; the host's default for those who never answered. */
final class ResearchImpl implements Research {
    private final Transactions transactions;
    private final Clock clock;
    private final boolean byDefault;

    /**
     * @param transactions the unit of work
     * @param clock        the time consents are given
     * @param byDefault    whether members who never answered consent
     */
    ResearchImpl(Transactions transactions, Clock clock, boolean byDefault) {
        this.transactions = transactions;
        this.clock = clock;
        this.byDefault = byDefault;
    }

    private static Member subject(Tx t, MemberId member) {
        return t.member(member).orElseThrow(() -> new NotFoundException("member", member));
    }

    private static void require(Operation op, Principal p, Member subject) {
        Access.require(op, Access.relations(p, null).self(subject.id()));
    }

    @Override
    public void consent(Actor actor, MemberId member, boolean given) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(member, "member");
        transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            require(Operation.RESEARCH_CONSENT, p, subject(t, member));
            ResearchStore.putConsent(t, new ResearchStore.Consent(member, given, clock.instant()));
            return null;
        });
    }

    @Override
    public boolean consented(Actor actor, MemberId member) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(member, "member");
        return transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Member m = subject(t, member);
            require(Operation.RESEARCH_CONSENT_READ, p, m);
            return m.status() == MemberStatus.ACTIVE || m.status() == MemberStatus.PENDING_VERIFICATION
                    ? ResearchStore.consent(t, member).map(ResearchStore.Consent::given).orElse(byDefault) : false;
        });
    }

    @Override
    public Predicate<MemberId> consents(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return transactions.tx(t -> {
            Access.require(Operation.RESEARCH_CONSENTS, Access.relations(Access.principal(t, actor), null));
            Map<MemberId, Boolean> said = new HashMap<>();
            ResearchStore.consents(t).forEach(c -> said.put(c.member(), c.given()));
            Set<MemberId> never = new HashSet<>();
            t.forEachMember(m -> {
                if (m.status() == MemberStatus.ERASED || m.status() == MemberStatus.SUSPENDED) {
                    never.add(m.id());
                }
            });
            return new Consents(Map.copyOf(said), Set.copyOf(never), byDefault);
        });
    }

    /** A snapshot of every member's consent. */
    private record Consents(Map<MemberId, Boolean> said, Set<MemberId> never, boolean byDefault) implements Predicate<MemberId> {
        @Override
        public boolean test(MemberId member) {
            return member != null && !never.contains(member) && said.getOrDefault(member, byDefault);
        }
    }
}

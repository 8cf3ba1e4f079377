package fr.sharenum.core.internal;

import fr.sharenum.LevelChange;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.feed.LevelChangeFacts;
import fr.sharenum.core.internal.feed.MemberFacts;
import fr.sharenum.core.internal.store.ResearchStore;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.ToolId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A member's progression, read from the level changes kept for them. */
final class Progression {

    private Progression() {
    }

    static List<LevelChange> of(Transactions transactions, Actor actor, MemberId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "member");
        return transactions.tx(t -> {
            Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            Access.require(Operation.MEMBERS_PROGRESSION, MembersImpl.relations(t, Access.principal(t, actor), m));
            List<LevelChangeFacts> kept = ResearchStore.levelChangesOf(t, id).stream().map(ResearchStore.StoredLevelChange::facts).toList();
            List<LevelChange> out = new ArrayList<>();
            // what they counted as before the first change kept: since they registered (as the indicators count it)
            Set<ToolId> seen = new HashSet<>();
            for (LevelChangeFacts c : kept) {
                if (seen.add(c.tool()) && c.from() != null) {
                    out.add(new LevelChange(c.tool(), null, c.from(), m.registeredAt(), false));
                }
            }
            LevelChangeFacts.counted(MemberFacts.of(m)).forEach((tool, level) -> {
                if (!seen.contains(tool)) {
                    out.add(new LevelChange(tool, null, level, m.registeredAt(), false));
                }
            });
            out.sort(Comparator.comparing(LevelChange::at).thenComparing(c -> c.tool().value()));
            for (LevelChangeFacts c : kept) {
                out.add(new LevelChange(c.tool(), c.from(), c.to(), c.at(), !c.inPlace() && c.from() != null && c.to() != null));
            }
            return List.copyOf(out);
        });
    }
}

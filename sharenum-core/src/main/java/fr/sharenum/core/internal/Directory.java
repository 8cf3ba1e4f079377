package fr.sharenum.core.internal;

import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.DirectoryEntry;
import fr.sharenum.Page;
import fr.sharenum.PageRequest;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.model.Actor;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.QualifiedQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The directory of ex-pairs: the matching engine answers "experienced on a tool near a point" (nearest first, from
 * memory), the set of members who chose to be listed (derived from the change feed, like the engine) keeps those who
 * opted in, and the page is read back from the store (an erased or suspended member a moment ago is not shown).
 */
final class Directory {
    private final Transactions transactions;
    private final Settings settings;
    private final MatchingEngine matching;
    private final Set<MemberId> listed;

    /**
     * @param transactions the unit of work
     * @param settings     the host's settings (radius bounds)
     * @param matching     the matching engine, as workflows query it
     * @param listed       the members listed in the directory, as the change feed brings them (read-only view)
     */
    Directory(Transactions transactions, Settings settings, MatchingEngine matching, Set<MemberId> listed) {
        this.transactions = transactions;
        this.settings = settings;
        this.matching = matching;
        this.listed = listed;
    }

    boolean list(Actor actor, MemberId id, boolean listed) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "member");
        return transactions.tx(t -> {
            Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            Access.require(Operation.MEMBERS_PREFERENCES_WRITE, MembersImpl.relations(t, Access.principal(t, actor), m));
            t.putListing(id, listed);
            return listed;
        });
    }

    Page<DirectoryEntry> page(Actor actor, ToolId tool, double radiusKm, PageRequest page) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(page, "page");
        Settings s = settings;
        if (!(radiusKm >= s.minRadiusKm() && radiusKm <= s.maxRadiusKm())) {
            throw new InvalidValueException("radiusKm", "must be between " + s.minRadiusKm() + " and " + s.maxRadiusKm()
                    + " km, was " + radiusKm);
        }
        s.tools().get(tool);
        Cursors.Key after = Cursors.decode("directory", page.cursor());
        transactions.freshen();
        return transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.require(Operation.MEMBERS_DIRECTORY, Access.relations(p, null));
            Member me = p.member();
            Establishment mine = t.establishment(me.establishment())
                    .orElseThrow(() -> new NotFoundException("establishment", me.establishment()));
            Set<MemberId> listed = this.listed;
            AlertPreferences myPrefs = t.alertPreferences(me.id()).orElse(AlertPreferences.NONE);
            // the engine streams the experienced nearest first (exact distance, then id); keep the listed after the cursor
            List<Object[]> candidates = new ArrayList<>();
            int wanted = page.limit() + 1;
            matching.qualified(QualifiedQuery.within(mine.location(), radiusKm, tool, CompetenceLevel.EXPERIENCED)
                    .excluding(Set.of(me.id())), (member, uai, level, km) -> {
                if (!listed.contains(member) || myPrefs.blocks(member)) {
                    return true;
                }
                if (after != null && (km < after.number() || km == after.number() && member.value().compareTo(after.id()) <= 0)) {
                    return true;
                }
                candidates.add(new Object[] {member, uai, level, km});
                return candidates.size() < wanted * 2;
            });
            List<DirectoryEntry> out = new ArrayList<>();
            Object[] last = null;
            boolean more = false;
            for (Object[] c : candidates) {
                MemberId id = (MemberId) c[0];
                Member m = t.member(id).filter(Member::isActive).orElse(null);
                if (m == null || t.alertPreferences(id).map(x -> x.blocks(me.id())).orElse(false)
                        || m.levelOn(tool).orElse(null) != CompetenceLevel.EXPERIENCED) {
                    continue;
                }
                if (out.size() == page.limit()) {
                    more = true;
                    break;
                }
                Establishment e = t.establishment(m.establishment()).orElse(null);
                out.add(new DirectoryEntry(id, m.displayName(), m.role(), m.establishment(), e == null ? "" : e.name(), tool,
                        CompetenceLevel.EXPERIENCED, Math.round((double) c[3])));
                last = c;
            }
            if (!more && candidates.size() >= wanted * 2 && last != null) {
                more = true;   // the stream was cut: there may be more after the last shown
            }
            String next = more ? Cursors.encode("directory", (double) last[3], ((MemberId) last[0]).value()) : null;
            return new Page<>(out, next);
        });
    }
}

package fr.sharenum.core.internal.feed;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One dated change of what a member counts as on one tool: from a level at an establishment to another level (or the
 * same level at another establishment). {@code null} on a side means "not counted": before they registered, were
 * verified or declared the tool, and after they dropped it, were suspended or erased. Kept as its own document and
 * sent through the change feed (kind {@code level}), so that indicators give members per tool and level at any month
 * and the flows between levels, and members see their own progression. No name, no free text.
 *
 * @param member    the member (an opaque id, kept after erasure like the member's tickets and events)
 * @param tool      the tool
 * @param fromPlace where they counted before, or {@code null}
 * @param from      their level before, or {@code null}
 * @param toPlace   where they count after, or {@code null}
 * @param to        their level after, or {@code null}
 * @param at        when it changed
 */
public record LevelChangeFacts(MemberId member, ToolId tool, Uai fromPlace, CompetenceLevel from, Uai toPlace,
                               CompetenceLevel to, Instant at) {

    public LevelChangeFacts {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(at, "at");
        if ((from == null) != (fromPlace == null) || (to == null) != (toPlace == null)) {
            throw new IllegalArgumentException("a level is counted at a place, and only there");
        }
        if (from == null && to == null) {
            throw new IllegalArgumentException("a change has a side");
        }
    }

    /**
     * The changes between a member's facts before and after a write, in tool order.
     *
     * @param before the facts before, or {@code null} for a new member
     * @param after  the facts after, or {@code null}
     * @param at     when the write happened
     * @return the changes, empty when no tool's level or place changed
     */
    public static List<LevelChangeFacts> between(MemberFacts before, MemberFacts after, Instant at) {
        Map<ToolId, CompetenceLevel> was = counted(before);
        Map<ToolId, CompetenceLevel> is = counted(after);
        TreeSet<ToolId> tools = new TreeSet<>(Comparator.comparing(ToolId::value));
        tools.addAll(was.keySet());
        tools.addAll(is.keySet());
        List<LevelChangeFacts> out = new ArrayList<>();
        for (ToolId tool : tools) {
            CompetenceLevel from = was.get(tool);
            CompetenceLevel to = is.get(tool);
            Uai fromPlace = from == null ? null : before.establishment();
            Uai toPlace = to == null ? null : after.establishment();
            if (Objects.equals(from, to) && Objects.equals(fromPlace, toPlace)) {
                continue;
            }
            MemberId id = after != null ? after.id() : before.id();
            out.add(new LevelChangeFacts(id, tool, fromPlace, from, toPlace, to, at));
        }
        return out;
    }

    /** What a member counts as, per tool: their levels while active, nothing otherwise. */
    public static Map<ToolId, CompetenceLevel> counted(MemberFacts m) {
        return m == null || !m.active() ? Map.of() : new HashMap<>(m.levels());
    }

    /** @return whether the member stays at one establishment through the change (a level change, not a move) */
    public boolean inPlace() {
        return fromPlace != null && fromPlace.equals(toPlace);
    }
}

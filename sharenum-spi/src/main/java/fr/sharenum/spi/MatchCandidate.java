package fr.sharenum.spi;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

import java.util.Map;
import java.util.Set;

/**
 * What a matching engine knows of one member: where they work and what they master or follow.
 * Only active members are given to engines.
 *
 * <p>Compact: the levels are kept as two small arrays (an immutable {@link Map} view over them), so
 * making a candidate for each of a million members costs little; engines read them by index with
 * {@link #skillCount()}, {@link #skillTool(int)} and {@link #skillLevel(int)}, allocating nothing.
 *
 * @param member         the member
 * @param establishment  their establishment (engines group members by it)
 * @param location       the establishment's position
 * @param levels         level per tool
 * @param followedTools  tools they follow (event broadcasts)
 * @param followedThemes themes they follow
 */
public record MatchCandidate(MemberId member, Uai establishment, GeoPoint location,
                             Map<ToolId, CompetenceLevel> levels, Set<ToolId> followedTools,
                             Set<Theme> followedThemes) {

    /**
     * Checks and normalises the components.
     *
     * @param member the member
     * @param establishment their establishment (engines group members by it)
     * @param location the establishment's position
     * @param levels level per tool
     * @param followedTools tools they follow (event broadcasts)
     * @param followedThemes themes they follow
     */
    public MatchCandidate {
        if (member == null || establishment == null || location == null) {
            throw new InvalidValueException("candidate", "member, establishment and location are required");
        }
        levels = SkillLevels.copyOf(levels);
        followedTools = followedTools == null ? Set.of() : Set.copyOf(followedTools);
        followedThemes = followedThemes == null ? Set.of() : Set.copyOf(followedThemes);
    }

    /**
     * The candidate for {@code member} working at {@code location}.
     *
     * @param member the member
     * @param location where it is
     * @return the candidate for {@code member} working at {@code location}
     */
    public static MatchCandidate of(Member member, GeoPoint location) {
        Map<ToolId, Skill> skills = member.skills();
        ToolId[] tools = new ToolId[skills.size()];
        byte[] levels = new byte[tools.length];
        int i = 0;
        // entrySet, not values(): AbstractMap caches its values() view in the member's map for good
        for (Map.Entry<ToolId, Skill> e : skills.entrySet()) {
            Skill s = e.getValue();
            tools[i] = s.tool();
            levels[i++] = (byte) s.level().ordinal();
        }
        return new MatchCandidate(member.id(), member.establishment(), location,
                i == 0 ? SkillLevels.EMPTY : new SkillLevels(tools, levels), member.followedTools(), member.followedThemes());
    }

    /**
     * Number of tools the member has a level in: {@code levels().size()}.
     *
     * @return the number of tools with a level
     */
    public int skillCount() {
        return ((SkillLevels) levels).tools.length;
    }

    /**
     * The {@code i}-th tool of {@link #levels()} (in the map's iteration order).
     *
     * @param i index, {@code 0 <= i < skillCount()}
     * @return the tool
     */
    public ToolId skillTool(int i) {
        return ((SkillLevels) levels).tools[i];
    }

    /**
     * The level in {@link #skillTool(int) skillTool(i)}.
     *
     * @param i index, {@code 0 <= i < skillCount()}
     * @return the level in that tool
     */
    public CompetenceLevel skillLevel(int i) {
        return ((SkillLevels) levels).levelAt(i);
    }
}

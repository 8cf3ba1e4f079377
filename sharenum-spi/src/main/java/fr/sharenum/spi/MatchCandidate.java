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

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a matching engine knows of one member: where they work and what they master or follow.
 * Only active members are given to engines.
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
        levels = levels == null ? Map.of() : Map.copyOf(levels);
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
        Map<ToolId, CompetenceLevel> levels = new HashMap<>();
        for (Skill s : member.skills().values()) {
            levels.put(s.tool(), s.level());
        }
        return new MatchCandidate(member.id(), member.establishment(), location, levels,
                member.followedTools(), member.followedThemes());
    }
}

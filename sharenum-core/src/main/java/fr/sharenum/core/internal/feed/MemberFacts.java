package fr.sharenum.core.internal.feed;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MemberProjection;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What derived state knows of a member, taken from the member's record alone: whether they are active, where they
 * work, their levels and what they follow. No name, address or free text. Where their establishment stands is
 * looked up when the fact is applied, in the establishments as the feed has brought them so far.
 *
 * @param id             the member
 * @param active         verified and neither suspended nor erased
 * @param establishment  their establishment
 * @param levels         level per tool
 * @param followedTools  tools they follow
 * @param followedThemes themes they follow
 * @param pixOn          the day of their PIX certification, or {@code null} (RETEX indicators)
 * @param pixScore       its score, or {@code null}
 */
public record MemberFacts(MemberId id, boolean active, Uai establishment, Map<ToolId, CompetenceLevel> levels,
                          Set<ToolId> followedTools, Set<Theme> followedThemes, LocalDate pixOn,
                          Integer pixScore) {

    /**
     * Facts without a PIX certification.
     *
     * @param id             the member
     * @param active         verified and neither suspended nor erased
     * @param establishment  their establishment
     * @param levels         level per tool
     * @param followedTools  tools they follow
     * @param followedThemes themes they follow
     */
    public MemberFacts(MemberId id, boolean active, Uai establishment, Map<ToolId, CompetenceLevel> levels,
                       Set<ToolId> followedTools, Set<Theme> followedThemes) {
        this(id, active, establishment, levels, followedTools, followedThemes, null, null);
    }

    public MemberFacts {
        levels = Map.copyOf(levels);
        followedTools = Set.copyOf(followedTools);
        followedThemes = Set.copyOf(followedThemes);
    }

    /**
     * @param m a member as stored
     * @return the member's facts
     */
    public static MemberFacts of(Member m) {
        return of(MemberProjection.of(m));
    }

    /**
     * @param m a member as a store projects them for derived state
     * @return the member's facts
     */
    public static MemberFacts of(MemberProjection m) {
        return new MemberFacts(m.id(), m.isActive(), m.establishment(), m.levels(), m.followedTools(), m.followedThemes(),
                m.pixOn(), m.pixScore());
    }

    /**
     * @param location where the member's establishment stands, or {@code null} when it is not known
     * @return what the matching engine holds for this member, if it holds them at all
     */
    public Optional<MatchCandidate> candidate(GeoPoint location) {
        if (!active || location == null) {
            return Optional.empty();
        }
        return Optional.of(new MatchCandidate(id, establishment, location, levels, followedTools, followedThemes));
    }
}

package fr.sharenum.spi;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an instance derives from a stored member when it starts — its matching engine and its indicators — and
 * nothing else: no name, no address, no usages. {@link MemberStore#forEachProjection} streams them so that a store
 * can read these fields alone (a national deployment starts on a million members) instead of whole members.
 *
 * @param id             the member
 * @param status         their status
 * @param establishment  their establishment
 * @param levels         their level per tool
 * @param followedTools  the tools they follow
 * @param followedThemes the themes they follow
 * @param registeredAt   when they registered
 * @param pixOn          the day of their PIX certification, or {@code null}
 * @param pixScore       its score, or {@code null} when there is none
 */
public record MemberProjection(MemberId id, MemberStatus status, Uai establishment, Map<ToolId, CompetenceLevel> levels,
                               Set<ToolId> followedTools, Set<Theme> followedThemes, Instant registeredAt,
                               LocalDate pixOn, Integer pixScore) {

    /**
     * Checks the components and copies the collections (levels kept compact, as a {@link MatchCandidate}'s).
     *
     * @param id             the member
     * @param status         their status
     * @param establishment  their establishment
     * @param levels         their level per tool
     * @param followedTools  the tools they follow
     * @param followedThemes the themes they follow
     * @param registeredAt   when they registered
     * @param pixOn          the day of their PIX certification, or {@code null}
     * @param pixScore       its score, or {@code null} when there is none
     * @throws NullPointerException when a component other than the PIX ones is null
     * @throws IllegalArgumentException when only one of the PIX components is given
     */
    public MemberProjection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(establishment, "establishment");
        Objects.requireNonNull(registeredAt, "registeredAt");
        levels = SkillLevels.copyOf(Objects.requireNonNull(levels, "levels"));
        followedTools = Set.copyOf(followedTools);
        followedThemes = Set.copyOf(followedThemes);
        if ((pixOn == null) != (pixScore == null)) {
            throw new IllegalArgumentException("a PIX certification has a day and a score");
        }
    }

    /**
     * @param member a stored member
     * @return its projection
     */
    public static MemberProjection of(Member member) {
        Map<ToolId, CompetenceLevel> levels = new HashMap<>();
        member.skills().forEach((tool, skill) -> levels.put(tool, skill.level()));
        return new MemberProjection(member.id(), member.status(), member.establishment(), levels, member.followedTools(),
                member.followedThemes(), member.registeredAt(), member.pix() == null ? null : member.pix().certifiedOn(),
                member.pix() == null ? null : member.pix().score());
    }

    /** @return whether the member is active: verified, neither suspended nor erased */
    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }
}

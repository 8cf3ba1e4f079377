package fr.sharenum;

import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.PixCertification;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

import java.util.Map;

/**
 * What colleagues see of an active member: no address, no preferences, no status.
 *
 * @param id            the member
 * @param displayName   their name
 * @param establishment where they work
 * @param role          their function
 * @param skills        their declared levels per tool
 * @param pix           their PIX certification, or {@code null}
 */
public record MemberProfile(MemberId id, String displayName, Uai establishment, Role role, Map<ToolId, Skill> skills,
                            PixCertification pix) {

    /**
     * Checks and normalises the components.
     *
     * @param id the member
     * @param displayName their name
     * @param establishment where they work
     * @param role their function
     * @param skills their declared levels per tool
     * @param pix their PIX certification, or {@code null}
     */
    public MemberProfile {
        skills = Map.copyOf(skills);
    }

    /**
     * @param m a member
     * @return their public profile
     */
    public static MemberProfile of(Member m) {
        return new MemberProfile(m.id(), m.displayName(), m.establishment(), m.role(), m.skills(), m.pix());
    }
}

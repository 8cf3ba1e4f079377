package fr.sharenum.core.internal.access;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Grant;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Privilege;

import java.util.List;

/**
 * An actor as the store knows them at the time of the call: for a member, their stored record, the
 * académie of their establishment and their active grants — never what the caller says of them.
 *
 * @param actor    who acts
 * @param member   the member's record, or {@code null} for the host, an anonymous visitor or an unknown id
 * @param academie the académie of the member's establishment, or {@code null}
 * @param grants   the member's active grants
 */
public record Principal(Actor actor, Member member, Academie academie, List<Grant> grants) {

    public Principal {
        grants = List.copyOf(grants);
    }

    /** @return whether the host acts */
    public boolean isHost() {
        return actor instanceof Actor.Host;
    }

    /** @return whether a known member acts, active or not */
    public boolean isMember() {
        return member != null;
    }

    /** @return whether an active member acts */
    public boolean isActiveMember() {
        return member != null && member.status() == MemberStatus.ACTIVE;
    }

    /** @return the acting member's id, or {@code null} */
    public MemberId memberId() {
        return member == null ? null : member.id();
    }

    /**
     * Whether the actor is the active member {@code id}.
     *
     * @param id a member
     * @return true when so
     */
    public boolean is(MemberId id) {
        return isActiveMember() && member.id().equals(id);
    }

    /**
     * Whether the acting member holds {@code privilege} for {@code academie} through an active grant (a national
     * privilege whatever the académie). Inactive members hold nothing.
     *
     * @param privilege the privilege
     * @param academie  the académie concerned, or {@code null} for a national question
     * @return true when they do
     */
    public boolean holds(Privilege privilege, Academie academie) {
        if (!isActiveMember()) {
            return false;
        }
        for (Grant g : grants) {
            if (g.isActive() && g.privilege() == privilege && (g.academie() == null || (academie != null && g.academie() == academie))) {
                return true;
            }
        }
        return false;
    }
}

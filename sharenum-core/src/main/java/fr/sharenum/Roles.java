package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.AuditEntry;
import fr.sharenum.model.Grant;
import fr.sharenum.model.GrantId;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Privilege;

import java.time.Instant;
import java.util.List;

/**
 * Privileges are granted, never declared: registration gives none, a profile edit cannot add one, and only
 * an existing holder of the right privilege — or the host, which bootstraps the first administrators —
 * grants or revokes them. Every grant and revocation is kept (who, when, why) and written to the audit
 * trail. Obtained from {@link ShareNum#roles()}; thread-safe.
 *
 * <p>Who may grant what: the host and national administrators every privilege; staff of an académie
 * ({@link Privilege#ACADEMIE_STAFF}) the académie-scoped privileges of their own académie. By default an
 * {@code ACADEMIE_STAFF} grant requires a member whose address is of that académie's domain
 * ({@code ac-dijon.fr} for Dijon); see {@code ShareNum.Builder.staffAddressMustMatchAcademie}.
 *
 * <pre>{@code
 * sharenum.roles().grant(Actor.host("bootstrap"), dane.id(), Privilege.ACADEMIE_STAFF, Academie.DIJON,
 *         "Référente DANE nommée par le recteur");
 * sharenum.roles().grant(dane.id(), mediator.id(), Privilege.CANOPE, Academie.DIJON, "Médiatrice Canopé 21");
 * }</pre>
 */
public interface Roles {

    /**
     * Grants a privilege to an active member.
     *
     * @param actor     who grants: the host, a national administrator, or staff of {@code academie}
     * @param member    who receives it
     * @param privilege what it allows
     * @param academie  the académie it binds to (académie-scoped privileges), or {@code null} (national ones)
     * @param reason    why, 1–500 characters, kept in the audit trail
     * @return the grant
     * @throws fr.sharenum.model.NotAllowedException    the actor may not grant it, the member is not active, or
     *                                                  their address is not of the académie
     * @throws fr.sharenum.model.DuplicateException     the member already holds it
     * @throws fr.sharenum.model.InvalidValueException  a national privilege with an académie or the reverse, no reason
     * @throws fr.sharenum.model.NotFoundException      no such member
     */
    Grant grant(Actor actor, MemberId member, Privilege privilege, Academie academie, String reason);

    /**
     * Revokes a grant.
     *
     * @param actor  who revokes: as for {@link #grant}
     * @param grant  the grant
     * @param reason why, 1–500 characters
     * @return the revoked grant
     * @throws fr.sharenum.model.NotAllowedException        the actor may not revoke it
     * @throws fr.sharenum.model.IllegalTransitionException it was already revoked
     * @throws fr.sharenum.model.NotFoundException          no such grant
     * @throws fr.sharenum.model.InvalidValueException when the reason is blank
     */
    Grant revoke(Actor actor, GrantId grant, String reason);

    /**
     * A member's grants, active and revoked, oldest first.
     *
     * @param actor  the member themself, staff of their académie, a national administrator, or the host
     * @param member the member
     * @return the grants
     * @throws fr.sharenum.model.NotAllowedException the actor may not see them
     * @throws fr.sharenum.model.NotFoundException   no such member
     */
    List<Grant> of(Actor actor, MemberId member);

    /**
     * The audit trail of an académie (grants, revocations, suspensions, exports and erasures by staff, identities
     * linked by single sign-on), oldest first.
     *
     * @param actor    staff of {@code academie}, a national administrator, or the host
     * @param academie the académie, or {@code null} for national grants
     * @param from     first instant
     * @param to       instant after the last
     * @param limit    at most this many lines, 1–10,000
     * @return the lines
     * @throws fr.sharenum.model.NotAllowedException   the actor may not read it
     * @throws fr.sharenum.model.InvalidValueException a bad period or limit
     */
    List<AuditEntry> audit(Actor actor, Academie academie, Instant from, Instant to, int limit);
}

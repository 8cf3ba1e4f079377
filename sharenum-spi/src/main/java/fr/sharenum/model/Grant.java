package fr.sharenum.model;

import java.time.Instant;

/**
 * A privilege granted to a member: who granted it, when and why, and, once revoked, who revoked it, when
 * and why. Grants are never deleted; together they are the audit trail of roles.
 *
 * @param id           identifier
 * @param member       who holds it
 * @param privilege    what it allows
 * @param academie     the académie it binds to, for an académie-scoped privilege; {@code null} for a national one
 * @param grantedBy    {@link Actor#describe()} of who granted it
 * @param grantedAt    when
 * @param reason       why, 1–500 characters
 * @param revokedBy    {@link Actor#describe()} of who revoked it, or {@code null} while active
 * @param revokedAt    when it was revoked, or {@code null}
 * @param revokeReason why it was revoked, or {@code null}
 * @param version      optimistic-concurrency version, from 1
 */
public record Grant(GrantId id, MemberId member, Privilege privilege, Academie academie, String grantedBy,
                    Instant grantedAt, String reason, String revokedBy, Instant revokedAt, String revokeReason,
                    long version) {

    /**
     * Checks and normalises the components.
     *
     * @param id identifier
     * @param member who holds it
     * @param privilege what it allows
     * @param academie the académie it binds to, for an académie-scoped privilege; {@code null} for a national one
     * @param grantedBy {@link Actor#describe()} of who granted it
     * @param grantedAt when
     * @param reason why, 1–500 characters
     * @param revokedBy {@link Actor#describe()} of who revoked it, or {@code null} while active
     * @param revokedAt when it was revoked, or {@code null}
     * @param revokeReason why it was revoked, or {@code null}
     * @param version optimistic-concurrency version, from 1
     */
    public Grant {
        InvalidValueException.requireNonNull("id", id);
        InvalidValueException.requireNonNull("member", member);
        InvalidValueException.requireNonNull("privilege", privilege);
        if (privilege.isAcademieScoped() && academie == null) {
            throw new InvalidValueException("academie", privilege + " is granted for one académie, none was given");
        }
        if (!privilege.isAcademieScoped() && academie != null) {
            throw new InvalidValueException("academie", privilege + " is national and names no académie");
        }
        grantedBy = Texts.text("grantedBy", grantedBy, 200);
        InvalidValueException.requireNonNull("grantedAt", grantedAt);
        reason = Texts.text("reason", reason, 500);
        if ((revokedBy == null) != (revokedAt == null) || (revokedAt == null) != (revokeReason == null)) {
            throw new InvalidValueException("revokedAt", "a revocation names who, when and why, or nothing");
        }
        if (revokedAt != null) {
            revokedBy = Texts.text("revokedBy", revokedBy, 200);
            revokeReason = Texts.text("revokeReason", revokeReason, 500);
        }
        if (version < 1) {
            throw new InvalidValueException("version", "must be at least 1");
        }
    }

    /** @return whether the grant has not been revoked */
    public boolean isActive() {
        return revokedAt == null;
    }

    /**
     * Whether this active grant gives {@code wanted} over {@code where} (a national grant covers every académie).
     *
     * @param wanted the privilege asked for
     * @param where  the académie concerned, or {@code null} for a national question
     * @return true when it does
     */
    public boolean covers(Privilege wanted, Academie where) {
        return isActive() && privilege == wanted && (academie == null || academie == where);
    }

    /**
     * This grant revoked (next version).
     *
     * @param by     who revokes it
     * @param at     when
     * @param reason why
     * @return the revoked grant
     */
    public Grant revoked(Actor by, Instant at, String reason) {
        return new Grant(id, member, privilege, academie, grantedBy, grantedAt, this.reason, by.describe(), at, reason,
                version + 1);
    }
}

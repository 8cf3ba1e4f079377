package fr.sharenum.model;

import java.time.Instant;

/**
 * One line of the audit trail: an administrative action on a member (a privilege granted or revoked, a
 * suspension, a reinstatement, an export or an erasure of their data, an identity linked by the host's
 * single sign-on), who did it, when and why. Written in the transaction of the action; never changed.
 *
 * @param id       identifier
 * @param at       when
 * @param actor    {@link Actor#describe()} of who acted
 * @param action   what was done
 * @param subject  the member it was done to
 * @param academie the académie concerned (the grant's, or the member's), or {@code null} for a national one
 * @param detail   why, or what (the privilege, the reason given), 1–500 characters
 */
public record AuditEntry(String id, Instant at, String actor, Action action, MemberId subject, Academie academie,
                         String detail) {

    /** What an audit line records. */
    public enum Action {
        /** A privilege was granted. */
        GRANT,
        /** A privilege was revoked. */
        REVOKE,
        /** A member was suspended. */
        SUSPEND,
        /** A suspension was lifted. */
        REINSTATE,
        /** A member's data was exported by someone else than them. */
        EXPORT,
        /** A member's data was erased. */
        ERASE,
        /** The host's single sign-on created a member or linked one to its identity. */
        IDENTITY_LINKED
    }

    /**
     * Checks and normalises the components.
     *
     * @param id identifier
     * @param at when
     * @param actor {@link Actor#describe()} of who acted
     * @param action what was done
     * @param subject the member it was done to
     * @param academie the académie concerned (the grant's, or the member's), or {@code null} for a national one
     * @param detail why, or what (the privilege, the reason given), 1–500 characters
     */
    public AuditEntry {
        id = InvalidValueException.require("id", id);
        InvalidValueException.requireNonNull("at", at);
        actor = Texts.text("actor", actor, 200);
        InvalidValueException.requireNonNull("action", action);
        InvalidValueException.requireNonNull("subject", subject);
        detail = Texts.text("detail", detail, 500);
    }
}

package fr.sharenum;

import java.util.List;

import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Registration, verification and profiles. Obtained from {@link ShareNum#members()}; thread-safe.
 *
 * <p>Every profile edit names the version it was based on; an edit based on an old version is
 * refused with {@link fr.sharenum.model.VersionConflictException} (no lost update).
 */
public interface Members {

    /**
     * Registers a member, pending verification, and sends a verification token through the
     * notifier ({@link fr.sharenum.model.Notification.VerificationRequested}).
     *
     * @throws fr.sharenum.model.EmailNotAllowedException when the address is not professional
     * @throws fr.sharenum.model.DuplicateException       when the address or id is already registered
     * @throws fr.sharenum.model.NotFoundException        when the establishment or a tool is unknown
     * @throws fr.sharenum.model.InvalidValueException    when a field is missing or malformed
     */
    Member register(NewMember request);

    /**
     * Confirms the address with the token sent at registration; the member becomes active and
     * matchable.
     *
     * @throws fr.sharenum.model.VerificationFailedException when the token is wrong, used or expired
     */
    Member verify(MemberId member, String token);

    /** Sends a new verification token (the previous one stops working). */
    void resendVerification(MemberId member);

    Optional<Member> find(MemberId member);

    /** @throws fr.sharenum.model.NotFoundException when unknown */
    Member get(MemberId member);

    /** Sets (adds or replaces) a competence. */
    Member setSkill(MemberId member, long expectedVersion, Skill skill);

    Member removeSkill(MemberId member, long expectedVersion, ToolId tool);

    /** Moves the member to another establishment (they changed school). */
    Member moveTo(MemberId member, long expectedVersion, Uai establishment);

    /**
     * Applies any profile edit (name, role, disciplines, skills, interests, establishment). The edit
     * may not change the id, e-mail, status, registration date or version.
     */
    Member edit(MemberId member, long expectedVersion, UnaryOperator<Member> edit);

    /**
     * An académie administrator (an active member with role {@link fr.sharenum.model.Role#ACADEMIE_STAFF}
     * in the member's académie) suspends a member: they stop being matched and cannot act.
     *
     * @throws fr.sharenum.model.NotAllowedException when {@code admin} is not such an administrator
     */
    Member suspend(MemberId admin, MemberId member);
    /** An académie administrator lifts a suspension (see {@link #suspend}). */
    Member reinstate(MemberId admin, MemberId member);

    /**
     * Everything held about a member (RGPD right of access): profile, availability, tickets opened and
     * helped on, messages written, events, notifications not delivered yet. Scans the store: meant for
     * occasional requests, not hot paths.
     *
     * @param actor the member themselves, or an académie administrator
     * @throws fr.sharenum.model.NotFoundException   when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when {@code actor} is neither
     */
    MemberData exportData(fr.sharenum.model.MemberId actor, fr.sharenum.model.MemberId member);

    /**
     * Erases a member at their request (RGPD right to erasure): the profile is anonymised (name, address,
     * disciplines, skills, interests) and marked {@link fr.sharenum.model.MemberStatus#ERASED}; their
     * ticket texts, offer messages and conversation messages are replaced by a notice; their
     * availability, pending verification and undelivered notifications are deleted; they leave the
     * matching engine. Tickets, events and registrations stay, under the member's opaque id, so every
     * count and indicator stays right. Irreversible.
     *
     * @param actor the member themselves, or an académie administrator
     * @throws fr.sharenum.model.NotFoundException   when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when {@code actor} is neither
     */
    Member erase(fr.sharenum.model.MemberId actor, fr.sharenum.model.MemberId member);

    /** What the member chose about alerts ({@link fr.sharenum.model.AlertPreferences#NONE} by default). */
    fr.sharenum.model.AlertPreferences alertPreferences(fr.sharenum.model.MemberId member);

    /** Mutes (or unmutes) alerts about one tool for the member. */
    fr.sharenum.model.AlertPreferences muteTool(fr.sharenum.model.MemberId member, fr.sharenum.model.ToolId tool, boolean muted);

    /** Pauses every alert until {@code until}; {@code null} resumes them. */
    fr.sharenum.model.AlertPreferences pauseAlerts(fr.sharenum.model.MemberId member, java.time.Instant until);

    /** How the member gets alerts: one by one, or in a daily or weekly digest. */
    fr.sharenum.model.AlertPreferences setDigest(fr.sharenum.model.MemberId member, fr.sharenum.model.AlertPreferences.Digest digest);

    /**
     * The member records their PIX certification, shown beside their self-declared levels (pass
     * {@code null} to remove it).
     *
     * @throws fr.sharenum.model.InvalidValueException   a certification dated in the future
     * @throws fr.sharenum.model.VersionConflictException the profile changed since {@code expectedVersion}
     */
    Member recordPix(MemberId member, long expectedVersion, fr.sharenum.model.PixCertification certification);

    /** The badges the member earned, oldest first (see {@link BadgeRule}). */
    List<fr.sharenum.model.BadgeAward> badges(MemberId member);
}

package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.PixCertification;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Registration, verification, profiles and the members' rights. Obtained from {@link ShareNum#members()};
 * thread-safe. Every method takes the {@link Actor} who acts; the access matrix ({@code docs/security.md})
 * decides, and refuses others with {@link fr.sharenum.model.NotAllowedException} (code {@code access.…});
 * a refused call changes nothing.
 *
 * <p>Every profile edit names the version it was based on; an edit based on an old version is refused
 * with {@link fr.sharenum.model.VersionConflictException} (no lost update). Institutional functions
 * ({@code ACADEMIE_STAFF}, {@code CANOPE_MEDIATOR}, {@code TRAINER}) are never self-declared, and no
 * function gives a privilege: privileges come from {@link Roles}.
 */
public interface Members {

    /**
     * Registers a member, pending verification, and sends them a verification token
     * ({@link fr.sharenum.model.Notification.VerificationRequested}) through the outbox: the mail is recorded with the
     * registration, delivered after the commit, retried with backoff when it fails, and listed by
     * {@link Outbox#undeliveredVerifications} until it has gone out. Self-registration acts as
     * {@link Actor#anonymous()}; only the host may choose the member's id.
     *
     * @param actor   anyone; the host to choose the id
     * @param request the registration
     * @return the member, PENDING_VERIFICATION
     * @throws fr.sharenum.model.EmailNotAllowedException when the address is not professional
     * @throws fr.sharenum.model.DuplicateException       when the address or id is already registered
     * @throws fr.sharenum.model.NotFoundException        when the establishment or a tool is unknown
     * @throws fr.sharenum.model.InvalidValueException    when a field is missing, malformed or over its cap
     * @throws fr.sharenum.model.NotAllowedException      an institutional function declared, or an id chosen by a non-host
     */
    Member register(Actor actor, NewMember request);

    /**
     * Signs in a person the host authenticated through single sign-on: the member linked to the assertion's
     * issuer and subject, created ACTIVE at the first sign-in (no mailed token) or updated (address,
     * name, establishment, function, asserted privileges) at the next ones. The link and every privilege
     * change are in the audit trail.
     *
     * @param actor     the host
     * @param assertion what the identity provider says
     * @return the member
     * @throws fr.sharenum.model.NotAllowedException     for anyone but the host; a suspended or erased member
     * @throws fr.sharenum.model.EmailNotAllowedException the address is not professional
     * @throws fr.sharenum.model.DuplicateException      the address belongs to another member
     * @throws fr.sharenum.model.NotFoundException       the establishment is unknown
     */
    Member signIn(Actor actor, IdentityAssertion assertion);

    /**
     * Confirms the address with the token sent at registration; the member becomes active and matchable.
     *
     * @param actor  anyone (the token is the proof)
     * @param member the member
     * @param token  the token from the mail
     * @return the member
     * @throws fr.sharenum.model.VerificationFailedException when the token is wrong, used or expired
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Member verify(Actor actor, MemberId member, String token);

    /**
     * Sends a new verification token (the previous one stops working); when the previous mail is still waiting or
     * failing in the outbox, it is tried again at once rather than twice. Throttled: at most 3 per member per hour
     * and 10 per address per day.
     *
     * @param actor  anyone
     * @param member the member
     * @throws fr.sharenum.model.VerificationFailedException the member has nothing to verify
     * @throws fr.sharenum.model.LimitExceededException      too many resends
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    void resendVerification(Actor actor, MemberId member);

    /**
     * The whole record of a member (address and status included).
     *
     * @param actor  the member, staff of their académie, a national administrator, or the host
     * @param member the member
     * @return the member, empty when there is none
     * @throws fr.sharenum.model.NotAllowedException the actor may not see it
     */
    Optional<Member> find(Actor actor, MemberId member);

    /**
     * As {@link #find}, for a member that must exist.
     *
     * @param actor  as for {@link #find}
     * @param member the member
     * @return the member
     * @throws fr.sharenum.model.NotFoundException   when unknown
     * @throws fr.sharenum.model.NotAllowedException the actor may not see it
     */
    Member get(Actor actor, MemberId member);

    /**
     * What colleagues see of an active member: name, establishment, function, levels, PIX.
     *
     * @param actor  an active member, or the host
     * @param member the member
     * @return the profile
     * @throws fr.sharenum.model.NotFoundException   when there is no active member with that id
     * @throws fr.sharenum.model.NotAllowedException the actor may not see it
     */
    MemberProfile profile(Actor actor, MemberId member);

    /**
     * Sets (adds or replaces) a competence.
     *
     * @param actor           the member, or the host
     * @param member          the member
     * @param expectedVersion the profile version the edit is based on
     * @param skill           the competence
     * @return the member, next version
     * @throws fr.sharenum.model.VersionConflictException the profile changed since
     * @throws fr.sharenum.model.NotFoundException when there is no such member, or the tool is not in the host's
     *         catalogue
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Member setSkill(Actor actor, MemberId member, long expectedVersion, Skill skill);

    /**
     * Removes a competence.
     *
     * @param actor           the member, or the host
     * @param member          the member
     * @param expectedVersion the profile version the edit is based on
     * @param tool            the tool
     * @return the member, next version
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.VersionConflictException when the profile changed since {@code expectedVersion}
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Member removeSkill(Actor actor, MemberId member, long expectedVersion, ToolId tool);

    /**
     * Moves the member to another establishment (they changed school).
     *
     * @param actor           the member, or the host (its directory)
     * @param member          the member
     * @param expectedVersion the profile version the edit is based on
     * @param establishment   the new establishment
     * @return the member, next version
     * @throws fr.sharenum.model.NotFoundException the establishment is unknown
     * @throws fr.sharenum.model.InvalidValueException when the establishment is closed
     * @throws fr.sharenum.model.VersionConflictException when the profile changed since {@code expectedVersion}
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Member moveTo(Actor actor, MemberId member, long expectedVersion, Uai establishment);

    /**
     * Applies any profile edit (name, function, disciplines, skills, interests, establishment). The edit may
     * not change the id, e-mail, status, registration date or version, nor declare an institutional function.
     *
     * @param actor           the member, or the host
     * @param member          the member
     * @param expectedVersion the profile version the edit is based on
     * @param edit            the change
     * @return the member, next version
     * @throws fr.sharenum.model.InvalidValueException the edit changes what it may not
     * @throws fr.sharenum.model.NotAllowedException   an institutional function declared
     * @throws fr.sharenum.model.NotFoundException when there is no such member, or the edit names an unknown
     *         establishment or tool
     * @throws fr.sharenum.model.VersionConflictException when the profile changed since {@code expectedVersion}
     */
    Member edit(Actor actor, MemberId member, long expectedVersion, UnaryOperator<Member> edit);

    /**
     * Suspends a member: they stop being matched and can neither act nor read anything private (but may still
     * export or erase their data). Written in the audit trail.
     *
     * @param actor  staff of the member's académie, a national administrator, or the host
     * @param member the member
     * @param reason why, 1–500 characters
     * @return the member, SUSPENDED
     * @throws fr.sharenum.model.IllegalTransitionException the member was erased
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.InvalidValueException when the reason is blank
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Member suspend(Actor actor, MemberId member, String reason);

    /**
     * Lifts a suspension (see {@link #suspend}).
     *
     * @param actor  as for {@link #suspend}
     * @param member the member
     * @param reason why, 1–500 characters
     * @return the member, ACTIVE (or PENDING_VERIFICATION)
     * @throws fr.sharenum.model.IllegalTransitionException the member is not suspended
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.InvalidValueException when the reason is blank
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Member reinstate(Actor actor, MemberId member, String reason);

    /**
     * Everything held about a member (RGPD right of access): their profile, grants, identity links,
     * availability, tickets they opened, what they wrote and was written to them on tickets they helped on
     * (never other helpers' offers or alerts), their events, feedback, badges, and notifications not yet
     * delivered to them. An export by anyone else than the member is written in the audit trail.
     *
     * @param actor  the member (even suspended), staff of their académie, a national administrator, or the host
     * @param member the member
     * @return the data
     * @throws fr.sharenum.model.NotFoundException   when there is no such member
     * @throws fr.sharenum.model.NotAllowedException the actor may not export it
     */
    MemberData exportData(Actor actor, MemberId member);

    /**
     * Erases a member (RGPD right to erasure): the profile is anonymised and marked ERASED; their ticket texts,
     * offers, messages and feedback comments are replaced by a notice; their availability, verification,
     * preferences, identity links and every notification to or about them waiting in the outbox (pending or
     * dead) are deleted; they leave the matching engine. Tickets, events and registrations stay under the
     * member's opaque id, so counts and indicators stay right. Irreversible; written in the audit trail.
     *
     * @param actor  the member (even suspended), staff of their académie, a national administrator, or the host
     * @param member the member
     * @return the anonymised member
     * @throws fr.sharenum.model.NotFoundException   when there is no such member
     * @throws fr.sharenum.model.NotAllowedException the actor may not erase them
     */
    Member erase(Actor actor, MemberId member);

    /**
     * What the member chose about alerts ({@link AlertPreferences#NONE} by default).
     *
     * @param actor  the member, or the host
     * @param member the member
     * @return the preferences
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    AlertPreferences alertPreferences(Actor actor, MemberId member);

    /**
     * Mutes (or unmutes) alerts about one tool.
     *
     * @param actor  the member
     * @param member the member
     * @param tool   the tool
     * @param muted  whether to mute it
     * @return the preferences
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    AlertPreferences muteTool(Actor actor, MemberId member, ToolId tool, boolean muted);

    /**
     * Pauses every alert until {@code until}; {@code null} resumes them.
     *
     * @param actor  the member
     * @param member the member
     * @param until  end of the pause, or {@code null}
     * @return the preferences
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    AlertPreferences pauseAlerts(Actor actor, MemberId member, Instant until);

    /**
     * How the member gets alerts: one by one, or in a daily or weekly digest.
     *
     * @param actor  the member
     * @param member the member
     * @param digest the choice
     * @return the preferences
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    AlertPreferences setDigest(Actor actor, MemberId member, AlertPreferences.Digest digest);

    /**
     * The member records their PIX certification, shown beside their self-declared levels ({@code null}
     * removes it).
     *
     * @param actor           the member, or the host
     * @param member          the member
     * @param expectedVersion the profile version the edit is based on
     * @param certification   the certification, or {@code null}
     * @return the member, next version
     * @throws fr.sharenum.model.InvalidValueException   a certification dated in the future
     * @throws fr.sharenum.model.VersionConflictException the profile changed since {@code expectedVersion}
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Member recordPix(Actor actor, MemberId member, long expectedVersion, PixCertification certification);

    /**
     * The badges a member earned, oldest first (see {@link BadgeRule}).
     *
     * @param actor  an active member, or the host
     * @param member the member
     * @return the badges
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    List<BadgeAward> badges(Actor actor, MemberId member);

    /**
     * A member's progression: every dated change of their level on each tool, oldest first, as kept since they
     * joined (levels declared before the history was kept appear from the first change after it).
     *
     * @param actor  the member themself, or the host
     * @param member the member
     * @return the changes
     * @throws fr.sharenum.model.NotAllowedException anyone else
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     */
    List<LevelChange> progression(Actor actor, MemberId member);

    /**
     * Whether the member wants to hear of events near them on their tools and themes (announcements); reminders of
     * events they registered to come either way. Default: yes.
     *
     * @param actor   the member themself
     * @param member  the member
     * @param welcome whether announcements are welcome
     * @return the preferences
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    AlertPreferences setAnnouncements(Actor actor, MemberId member, boolean welcome);

    /**
     * Whether the member is listed in the directory of ex-pairs ({@link #directory}), where colleagues nearby find
     * them by tool with their establishment and a rounded distance. Default: not listed.
     *
     * @param actor  the member themself
     * @param member the member
     * @param listed whether to be listed
     * @return whether they are listed now
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    boolean listInDirectory(Actor actor, MemberId member, boolean listed);

    /**
     * The directory of ex-pairs: members EXPERIENCED on {@code tool} who chose to be listed, whose establishment lies
     * within {@code radiusKm} of the actor's, nearest first (then by id), with their name, function, establishment
     * and the distance rounded to the km — never their address. The actor and members blocking or blocked by them
     * are left out.
     *
     * @param actor    an active member
     * @param tool     the tool
     * @param radiusKm how far at most, within the host's bounds
     * @param page     which page
     * @return the page
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Page<DirectoryEntry> directory(Actor actor, ToolId tool, double radiusKm, PageRequest page);
}

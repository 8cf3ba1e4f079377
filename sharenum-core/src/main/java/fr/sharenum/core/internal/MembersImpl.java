package fr.sharenum.core.internal;

import fr.sharenum.DirectoryEntry;
import fr.sharenum.IdentityAssertion;
import fr.sharenum.LevelChange;
import fr.sharenum.MemberData;
import fr.sharenum.MemberProfile;
import fr.sharenum.Members;
import fr.sharenum.NewMember;
import fr.sharenum.Page;
import fr.sharenum.PageRequest;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.core.internal.access.Relation;
import fr.sharenum.core.internal.store.Throttles;
import fr.sharenum.core.internal.store.TrustStore;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.AuditEntry;
import fr.sharenum.model.Availability;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Grant;
import fr.sharenum.model.GrantId;
import fr.sharenum.model.IdentityLink;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.LimitExceededException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.PixCertification;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.model.VerificationFailedException;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.VerificationRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Registration, single sign-on, verification, profiles, suspension, the members' RGPD rights. */
final class MembersImpl implements Members {
    /** Functions that only an institution gives: never self-declared. */
    static final Set<Role> INSTITUTIONAL = EnumSet.of(Role.ACADEMIE_STAFF, Role.CANOPE_MEDIATOR, Role.TRAINER);
    private static final int RESENDS_PER_MEMBER_PER_HOUR = 3;
    private static final int RESENDS_PER_ADDRESS_PER_DAY = 10;

    private final Transactions transactions;
    private final Settings settings;
    private final Dispatcher dispatcher;
    private final Directory directory;
    private final Erasure erasure = new Erasure();

    /**
     * @param transactions the unit of work
     * @param settings     the host's settings (clock, e-mail policy, tools, verification validity)
     * @param dispatcher   where notifications and verification mails go
     * @param directory    the directory of ex-pairs
     */
    MembersImpl(Transactions transactions, Settings settings, Dispatcher dispatcher, Directory directory) {
        this.transactions = transactions;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.directory = directory;
    }

    // --- registration and identity

    @Override
    public Member register(Actor actor, NewMember request) {
        Objects.requireNonNull(request, "request");
        Email email = settings.emailPolicy().check(request.email());
        if (request.establishment() == null) {
            throw new InvalidValueException("establishment", "is required");
        }
        if (request.role() == null) {
            throw new InvalidValueException("role", "is required");
        }
        boolean host = actor instanceof Actor.Host;
        MemberId id = request.id() != null ? request.id() : MemberId.random();
        Instant now = settings.clock().instant();
        Member member = new Member(id, request.displayName(), email, request.establishment(), request.role(),
                request.disciplines(), request.skillMap(), request.followedTools(), request.followedThemes(),
                MemberStatus.PENDING_VERIFICATION, now, 1);
        checkTools(member);
        Instant expiresAt = now.plus(settings.verificationValidity());
        transactions.tx(t -> {
            Access.require(Operation.MEMBERS_REGISTER, Access.relations(Access.principal(t, actor), null));
            if (request.id() != null && !host) {
                throw NotAllowedException.access("access.host-chooses-id", request.id().value());
            }
            if (INSTITUTIONAL.contains(request.role()) && !host) {
                throw NotAllowedException.access("access.institutional-role", request.role().name());
            }
            requireEstablishment(t, member.establishment());
            if (t.memberByEmail(email).isPresent()) {
                throw new DuplicateException("the address " + email + " is already registered");
            }
            t.insertMember(member);
            // pending until verified: a record no token opens yet (each delivery of the mail mints one)
            t.putVerification(new VerificationRecord(id, Tokens.hash(Tokens.newToken()), expiresAt));
            VerificationMails.request(t, member, now);
            return null;
        });
        dispatcher.wakeUp();
        return member;
    }

    @Override
    public Member signIn(Actor actor, IdentityAssertion a) {
        Objects.requireNonNull(a, "assertion");
        Email email = settings.emailPolicy().check(a.email());
        Instant now = settings.clock().instant();
        Optional<MemberId> existing = transactions.tx(t -> {
            Access.require(Operation.MEMBERS_SIGN_IN, Access.relations(Access.principal(t, actor), null));
            return TrustStore.link(t, a.issuer(), a.subject()).map(IdentityLink::member)
                    .or(() -> t.memberByEmail(email).map(Member::id));
        });
        MemberId id = existing.orElseGet(() -> a.memberId() != null ? a.memberId() : MemberId.random());
        return transactions.tx(t -> {
            Establishment school = requireEstablishment(t, a.establishment());
            Optional<Member> current = t.member(id);
            Member saved;
            if (current.isEmpty()) {
                if (t.memberByEmail(email).isPresent()) {
                    throw new DuplicateException("the address " + email + " is already registered");
                }
                saved = new Member(id, a.displayName(), email, a.establishment(), a.role(), Set.of(), Map.of(), Set.of(),
                        Set.of(), MemberStatus.ACTIVE, now, 1);
                t.insertMember(saved);
                TrustStore.audit(t, new AuditEntry(TrustStore.newAuditId(), now, actor.describe(),
                        AuditEntry.Action.IDENTITY_LINKED, id, school.academie(), "créé par " + a.issuer()));
            } else {
                Member m = current.get();
                if (m.status() == MemberStatus.SUSPENDED) {
                    throw NotAllowedException.access("access.suspended", id.value());
                }
                if (m.status() == MemberStatus.ERASED) {
                    throw NotAllowedException.access("access.erased", id.value());
                }
                if (!m.email().equals(email) && t.memberByEmail(email).filter(o -> !o.id().equals(id)).isPresent()) {
                    throw new DuplicateException("the address " + email + " is already registered");
                }
                Member updated = new Member(id, a.displayName() != null ? a.displayName() : m.displayName(), email,
                        a.establishment(), a.role(), m.disciplines(), m.skills(), m.followedTools(), m.followedThemes(),
                        MemberStatus.ACTIVE, m.registeredAt(), m.version(), m.pix());
                if (TrustStore.link(t, a.issuer(), a.subject()).isEmpty()) {
                    TrustStore.audit(t, new AuditEntry(TrustStore.newAuditId(), now, actor.describe(),
                            AuditEntry.Action.IDENTITY_LINKED, id, school.academie(), "lié par " + a.issuer()));
                }
                if (updated.equals(m)) {
                    saved = m;
                } else {
                    saved = updated.nextVersion();
                    t.updateMember(saved, m.version());
                }
                t.deleteVerification(id);
                VerificationMails.withdraw(t, id);
            }
            Instant linkedAt = TrustStore.link(t, a.issuer(), a.subject()).map(IdentityLink::linkedAt).orElse(now);
            TrustStore.putLink(t, new IdentityLink(a.issuer(), a.subject(), id, linkedAt, now));
            assertPrivileges(t, actor, id, a, school.academie(), now);
            return saved;
        });
    }

    /** Grants the privileges the directory asserts, and revokes those it asserted before and no longer does. */
    private static void assertPrivileges(Tx t, Actor host, MemberId id, IdentityAssertion a, Academie academie,
                                         Instant now) {
        String reason = "annuaire de " + a.issuer();
        Set<Privilege> wanted = new HashSet<>(a.privileges());
        for (Grant g : TrustStore.grantsOf(t, id)) {
            if (!g.isActive()) {
                continue;
            }
            boolean fromDirectory = g.reason().equals(reason);
            boolean stillAsserted = wanted.contains(g.privilege())
                    && (!g.privilege().isAcademieScoped() || g.academie() == academie);
            if (stillAsserted) {
                wanted.remove(g.privilege());
            } else if (fromDirectory) {
                TrustStore.updateGrant(t, g.revoked(host, now, "plus déclaré par " + a.issuer()));
                TrustStore.audit(t, new AuditEntry(TrustStore.newAuditId(), now, host.describe(), AuditEntry.Action.REVOKE,
                        id, g.academie(), g.privilege() + " : plus déclaré par " + a.issuer()));
            }
        }
        for (Privilege p : wanted) {
            Academie scope = p.isAcademieScoped() ? academie : null;
            TrustStore.insertGrant(t, new Grant(GrantId.random(), id, p, scope, host.describe(), now, reason, null, null, null, 1));
            TrustStore.audit(t, new AuditEntry(TrustStore.newAuditId(), now, host.describe(), AuditEntry.Action.GRANT, id,
                    scope, p + " : " + reason));
        }
    }

    @Override
    public Member verify(Actor actor, MemberId id, String token) {
        Objects.requireNonNull(id, "member");
        if (token == null || token.isBlank()) {
            throw new VerificationFailedException("a verification token is required");
        }
        return transactions.tx(t -> {
            Access.require(Operation.MEMBERS_VERIFY, Access.relations(Access.principal(t, actor), null));
            Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            VerificationRecord record = t.verification(id).orElseThrow(() ->
                    new VerificationFailedException("member " + id + " has no pending verification"));
            if (!Tokens.matches(token.strip(), record.tokenHash())) {
                throw new VerificationFailedException("this verification token is not valid");
            }
            if (settings.clock().instant().isAfter(record.expiresAt())) {
                throw new VerificationFailedException("this verification token expired at " + record.expiresAt()
                        + "; ask for a new one");
            }
            t.deleteVerification(id);
            VerificationMails.withdraw(t, id);
            if (m.status() != MemberStatus.PENDING_VERIFICATION) {
                return m;
            }
            Member updated = m.withStatus(MemberStatus.ACTIVE).nextVersion();
            t.updateMember(updated, m.version());
            return updated;
        });
    }

    @Override
    public void resendVerification(Actor actor, MemberId id) {
        Objects.requireNonNull(id, "member");
        Instant now = settings.clock().instant();
        transactions.retryingConflicts(() -> transactions.tx(t -> {
            Access.require(Operation.MEMBERS_RESEND_VERIFICATION, Access.relations(Access.principal(t, actor), null));
            Member member = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            if (member.status() != MemberStatus.PENDING_VERIFICATION) {
                throw new VerificationFailedException("member " + id + " has nothing to verify");
            }
            Throttles.take(t, resendMemberKey(id), RESENDS_PER_MEMBER_PER_HOUR, Duration.ofHours(1), now,
                    next -> new LimitExceededException("verification mails for member " + id + " are limited to "
                            + RESENDS_PER_MEMBER_PER_HOUR + " an hour; the next can be sent after " + next));
            Throttles.take(t, resendAddressKey(member.email()), RESENDS_PER_ADDRESS_PER_DAY, Duration.ofDays(1), now,
                    next -> new LimitExceededException("verification mails to one address are limited to "
                            + RESENDS_PER_ADDRESS_PER_DAY + " a day; the next can be sent after " + next));
            VerificationMails.request(t, member, now);
            return member;
        }));
        dispatcher.wakeUp();
    }

    static String resendMemberKey(MemberId id) {
        return "resend-member|" + id.value();
    }

    static String resendAddressKey(Email email) {
        return "resend-address|" + email.value();
    }

    // --- reading

    @Override
    public Optional<Member> find(Actor actor, MemberId id) {
        Objects.requireNonNull(id, "member");
        return transactions.tx(t -> {
            Optional<Member> m = t.member(id);
            if (m.isEmpty()) {
                Access.require(Operation.MEMBERS_READ, Access.relations(Access.principal(t, actor), null).self(id));
                return m;
            }
            Access.require(Operation.MEMBERS_READ, relations(t, Access.principal(t, actor), m.get()));
            return m;
        });
    }

    @Override
    public Member get(Actor actor, MemberId id) {
        return find(actor, id).orElseThrow(() -> new NotFoundException("member", id));
    }

    @Override
    public MemberProfile profile(Actor actor, MemberId id) {
        Objects.requireNonNull(id, "member");
        return transactions.tx(t -> {
            Access.require(Operation.MEMBERS_PROFILE, Access.relations(Access.principal(t, actor), null));
            Member m = t.member(id).filter(Member::isActive).orElseThrow(() -> new NotFoundException("member", id));
            return MemberProfile.of(m);
        });
    }

    /** What the principal is to a member: SELF, staff of the member's académie… */
    static Access.Relations relations(Tx t, Principal p, Member subject) {
        return Access.relations(p, academieOf(t, subject)).self(subject.id());
    }

    static Academie academieOf(Tx t, Member m) {
        return t.establishment(m.establishment()).map(Establishment::academie).orElse(null);
    }

    // --- profile edits

    @Override
    public Member setSkill(Actor actor, MemberId id, long expectedVersion, Skill skill) {
        Objects.requireNonNull(skill, "skill");
        return change(actor, Operation.MEMBERS_EDIT, id, expectedVersion, m -> m.withSkill(skill));
    }

    @Override
    public Member removeSkill(Actor actor, MemberId id, long expectedVersion, ToolId tool) {
        Objects.requireNonNull(tool, "tool");
        return change(actor, Operation.MEMBERS_EDIT, id, expectedVersion, m -> m.withoutSkill(tool));
    }

    @Override
    public Member moveTo(Actor actor, MemberId id, long expectedVersion, Uai establishment) {
        Objects.requireNonNull(establishment, "establishment");
        return change(actor, Operation.MEMBERS_MOVE, id, expectedVersion, m -> m.withEstablishment(establishment));
    }

    @Override
    public Member edit(Actor actor, MemberId id, long expectedVersion, UnaryOperator<Member> edit) {
        Objects.requireNonNull(edit, "edit");
        return change(actor, Operation.MEMBERS_EDIT, id, expectedVersion, edit);
    }

    @Override
    public Member recordPix(Actor actor, MemberId id, long expectedVersion, PixCertification certification) {
        if (certification != null && certification.certifiedOn().isAfter(LocalDate.ofInstant(settings.clock().instant(), ZoneOffset.UTC).plusDays(1))) {
            throw new InvalidValueException("certifiedOn", "a certification cannot be dated in the future: "
                    + certification.certifiedOn());
        }
        return change(actor, Operation.MEMBERS_EDIT, id, expectedVersion, m -> m.withPix(certification));
    }

    private Member change(Actor actor, Operation op, MemberId id, long expectedVersion, UnaryOperator<Member> edit) {
        Objects.requireNonNull(id, "member");
        return transactions.tx(t -> {
            Member current = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            Principal p = Access.principal(t, actor);
            Access.require(op, relations(t, p, current));
            if (current.version() != expectedVersion) {
                throw new VersionConflictException("member", id, expectedVersion, current.version());
            }
            Member updated = edit.apply(current);
            if (updated == null) {
                throw new InvalidValueException("edit", "returned no member");
            }
            if (!updated.id().equals(current.id()) || !updated.email().equals(current.email())
                    || updated.status() != current.status() || !updated.registeredAt().equals(current.registeredAt())
                    || updated.version() != current.version()) {
                throw new InvalidValueException("edit", "may not change the id, e-mail, status, registration date or version");
            }
            if (updated.role() != current.role() && INSTITUTIONAL.contains(updated.role()) && !p.isHost()) {
                throw NotAllowedException.access("access.institutional-role", updated.role().name());
            }
            checkTools(updated);
            if (!updated.establishment().equals(current.establishment())) {
                requireEstablishment(t, updated.establishment());   // moving: to a known establishment, not a closed one
            }
            Member next = updated.nextVersion();
            t.updateMember(next, expectedVersion);
            return next;
        });
    }

    // --- administration

    @Override
    public Member suspend(Actor actor, MemberId id, String reason) {
        return setStatus(actor, id, MemberStatus.SUSPENDED, reason);
    }

    @Override
    public Member reinstate(Actor actor, MemberId id, String reason) {
        return setStatus(actor, id, null, reason);
    }

    private Member setStatus(Actor actor, MemberId id, MemberStatus target, String reason) {
        Objects.requireNonNull(id, "member");
        String why = requireReason(reason);
        Instant now = settings.clock().instant();
        return transactions.tx(t -> {
            Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            Access.require(Operation.MEMBERS_SUSPEND, relations(t, Access.principal(t, actor), m));
            if (actor.equals(id)) {
                throw NotAllowedException.access("access.self-suspension", id.value());
            }
            MemberStatus to = target != null ? target
                    : t.verification(id).isPresent() ? MemberStatus.PENDING_VERIFICATION : MemberStatus.ACTIVE;
            if (m.status() == MemberStatus.ERASED) {
                throw new IllegalTransitionException("member " + id, m.status(), to);
            }
            if (target == null && m.status() != MemberStatus.SUSPENDED) {
                throw new IllegalTransitionException("member " + id, m.status(), to);
            }
            if (m.status() == to) {
                return m;
            }
            Member next = m.withStatus(to).nextVersion();
            t.updateMember(next, m.version());
            TrustStore.audit(t, new AuditEntry(TrustStore.newAuditId(), now, actor.describe(),
                    target == null ? AuditEntry.Action.REINSTATE : AuditEntry.Action.SUSPEND, id, academieOf(t, m), why));
            return next;
        });
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "say why: it is kept in the audit trail");
        }
        return reason;
    }

    @Override
    public MemberData exportData(Actor actor, MemberId id) {
        Objects.requireNonNull(id, "member");
        return transactions.tx(t -> {
            Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            Access.require(Operation.MEMBERS_EXPORT, relations(t, Access.principal(t, actor), m));
            if (!actor.equals(id)) {
                TrustStore.audit(t, new AuditEntry(TrustStore.newAuditId(), settings.clock().instant(), actor.describe(),
                        AuditEntry.Action.EXPORT, id, academieOf(t, m), "export des données"));
            }
            return new Export().of(t, m);
        });
    }

    @Override
    public Member erase(Actor actor, MemberId id) {
        Objects.requireNonNull(id, "member");
        Member erased = transactions.tx(t -> {
            Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            Access.require(Operation.MEMBERS_ERASE, relations(t, Access.principal(t, actor), m));
            if (m.status() == MemberStatus.ERASED) {
                return m;
            }
            TrustStore.audit(t, new AuditEntry(TrustStore.newAuditId(), settings.clock().instant(), actor.describe(),
                    AuditEntry.Action.ERASE, id, academieOf(t, m), actor.equals(id) ? "à sa demande" : "effacement par l'administration"));
            return erasure.erase(t, m);
        });
        return erased;
    }

    // --- alert preferences

    @Override
    public AlertPreferences alertPreferences(Actor actor, MemberId id) {
        Objects.requireNonNull(id, "member");
        return transactions.tx(t -> {
            Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            Access.require(Operation.MEMBERS_PREFERENCES_READ, relations(t, Access.principal(t, actor), m));
            return t.alertPreferences(id).orElse(AlertPreferences.NONE);
        });
    }

    @Override
    public AlertPreferences muteTool(Actor actor, MemberId id, ToolId tool, boolean muted) {
        Objects.requireNonNull(tool, "tool");
        settings.tools().get(tool);
        return changePreferences(actor, id, p -> p.muting(tool, muted));
    }

    @Override
    public AlertPreferences pauseAlerts(Actor actor, MemberId id, Instant until) {
        return changePreferences(actor, id, p -> p.pausedUntil(until));
    }

    @Override
    public AlertPreferences setDigest(Actor actor, MemberId id, AlertPreferences.Digest digest) {
        Objects.requireNonNull(digest, "digest");
        return changePreferences(actor, id, p -> p.withDigest(digest));
    }

    @Override
    public AlertPreferences setAnnouncements(Actor actor, MemberId id, boolean welcome) {
        return changePreferences(actor, id, p -> p.withAnnouncements(welcome));
    }

    @Override
    public boolean listInDirectory(Actor actor, MemberId id, boolean listed) {
        return directory.list(actor, id, listed);
    }

    @Override
    public Page<DirectoryEntry> directory(Actor actor, ToolId tool, double radiusKm,
                                                                  PageRequest page) {
        return directory.page(actor, tool, radiusKm, page);
    }

    private AlertPreferences changePreferences(Actor actor, MemberId id, UnaryOperator<AlertPreferences> change) {
        Objects.requireNonNull(id, "member");
        return transactions.tx(t -> {
            Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            Access.require(Operation.MEMBERS_PREFERENCES_WRITE, relations(t, Access.principal(t, actor), m));
            AlertPreferences next = change.apply(t.alertPreferences(id).orElse(AlertPreferences.NONE));
            t.putAlertPreferences(id, next);
            return next;
        });
    }

    @Override
    public List<BadgeAward> badges(Actor actor, MemberId id) {
        Objects.requireNonNull(id, "member");
        return transactions.tx(t -> {
            Access.require(Operation.MEMBERS_BADGES, Access.relations(Access.principal(t, actor), null));
            t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            return t.badgesOf(id);
        });
    }

    // --- helpers

    private void checkTools(Member m) {
        for (ToolId tool : m.skills().keySet()) {
            settings.tools().get(tool);
        }
        for (ToolId tool : m.followedTools()) {
            settings.tools().get(tool);
        }
    }

    /** The establishment a member joins or moves to: known, and not closed. */
    private static Establishment requireEstablishment(Tx t, Uai uai) {
        Establishment e = t.establishment(uai).orElseThrow(() -> new NotFoundException("establishment", uai));
        if (!e.status().active()) {
            throw new InvalidValueException("establishment", "the establishment " + uai + " (" + e.name()
                    + ") is closed: members join the establishment where they work now");
        }
        return e;
    }

    /** The relation a principal has to themself, for operations with no other subject. */
    static boolean isSelf(Principal p, MemberId id) {
        return p.is(id);
    }

    static final Locale FR = Locale.FRENCH;
    static final Relation SELF = Relation.SELF;

    @Override
    public List<LevelChange> progression(Actor actor, MemberId id) {
        return Progression.of(transactions, actor, id);
    }
}

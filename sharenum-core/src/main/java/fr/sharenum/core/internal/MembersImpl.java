package fr.sharenum.core.internal;

import fr.sharenum.Members;
import fr.sharenum.NewMember;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Email;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.model.VerificationFailedException;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.StoreTransaction;
import fr.sharenum.spi.VerificationRecord;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

final class MembersImpl implements Members {
    private final Engine engine;

    MembersImpl(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Member register(NewMember request) {
        Objects.requireNonNull(request, "request");
        Email email = engine.settings().emailPolicy().check(request.email());
        if (request.establishment() == null) {
            throw new InvalidValueException("establishment", "is required");
        }
        if (request.role() == null) {
            throw new InvalidValueException("role", "is required");
        }
        MemberId id = request.id() != null ? request.id() : MemberId.random();
        Instant now = engine.now();
        Member member = new Member(id, request.displayName(), email, request.establishment(), request.role(),
                request.disciplines(), request.skillMap(), request.followedTools(), request.followedThemes(),
                MemberStatus.PENDING_VERIFICATION, now, 1);
        checkTools(member);
        String token = Tokens.newToken();
        Instant expiresAt = now.plus(engine.settings().verificationValidity());
        engine.tx(t -> {
            requireEstablishment(t, member.establishment());
            if (t.memberByEmail(email).isPresent()) {
                throw new DuplicateException("the address " + email + " is already registered");
            }
            t.insertMember(member);
            t.putVerification(new VerificationRecord(id, Tokens.hash(token), expiresAt));
            return null;
        });
        engine.dispatcher().sendSecret(verification(member, token, expiresAt));
        return member;
    }

    private static Notification verification(Member m, String token, Instant expiresAt) {
        return new Notification.VerificationRequested("verify:" + m.id() + ":" + Tokens.hash(token).substring(0, 16),
                m.id(), m.email(), token, expiresAt);
    }

    @Override
    public Member verify(MemberId id, String token) {
        Objects.requireNonNull(id, "member");
        if (token == null || token.isBlank()) {
            throw new VerificationFailedException("a verification token is required");
        }
        return engine.changeMember(id, t -> {
                Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
                VerificationRecord record = t.verification(id).orElseThrow(() ->
                        new VerificationFailedException("member " + id + " has no pending verification"));
                if (!Tokens.matches(token.strip(), record.tokenHash())) {
                    throw new VerificationFailedException("this verification token is not valid");
                }
                if (engine.now().isAfter(record.expiresAt())) {
                    throw new VerificationFailedException("this verification token expired at " + record.expiresAt()
                            + "; ask for a new one");
                }
                t.deleteVerification(id);
                if (m.status() != MemberStatus.PENDING_VERIFICATION) {
                    return m;
                }
                Member updated = m.withStatus(MemberStatus.ACTIVE).nextVersion();
                t.updateMember(updated, m.version());
                return updated;
        });
    }

    @Override
    public void resendVerification(MemberId id) {
        String token = Tokens.newToken();
        Instant expiresAt = engine.now().plus(engine.settings().verificationValidity());
        Member m = engine.tx(t -> {
            Member member = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            if (member.status() != MemberStatus.PENDING_VERIFICATION) {
                throw new VerificationFailedException("member " + id + " has nothing to verify");
            }
            t.putVerification(new VerificationRecord(id, Tokens.hash(token), expiresAt));
            return member;
        });
        engine.dispatcher().sendSecret(verification(m, token, expiresAt));
    }

    @Override
    public Optional<Member> find(MemberId id) {
        return engine.tx(t -> t.member(id));
    }

    @Override
    public Member get(MemberId id) {
        return find(id).orElseThrow(() -> new NotFoundException("member", id));
    }

    @Override
    public Member setSkill(MemberId id, long expectedVersion, Skill skill) {
        Objects.requireNonNull(skill, "skill");
        return edit(id, expectedVersion, m -> m.withSkill(skill));
    }

    @Override
    public Member removeSkill(MemberId id, long expectedVersion, ToolId tool) {
        return edit(id, expectedVersion, m -> m.withoutSkill(tool));
    }

    @Override
    public Member moveTo(MemberId id, long expectedVersion, Uai establishment) {
        Objects.requireNonNull(establishment, "establishment");
        return edit(id, expectedVersion, m -> m.withEstablishment(establishment));
    }

    @Override
    public Member edit(MemberId id, long expectedVersion, UnaryOperator<Member> edit) {
        Objects.requireNonNull(edit, "edit");
        return engine.changeMember(id, t -> {
                Member current = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
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
                checkTools(updated);
                requireEstablishment(t, updated.establishment());
                Member next = updated.nextVersion();
                t.updateMember(next, expectedVersion);
                return next;
        });
    }

    @Override
    public Member suspend(MemberId admin, MemberId id) {
        engine.tx(t -> {
            requireAdministrator(t, admin, id, "suspend");
            return null;
        });
        return setStatus(id, MemberStatus.SUSPENDED);
    }

    @Override
    public Member reinstate(MemberId admin, MemberId id) {
        engine.tx(t -> {
            requireAdministrator(t, admin, id, "reinstate");
            return null;
        });
        return setStatus(id, null);
    }

    /**
     * {@code admin} must be an active member with role ACADEMIE_STAFF whose establishment is in the same
     * académie as the member's.
     */
    static void requireAdministrator(StoreTransaction t, MemberId admin, MemberId member, String action) {
        Objects.requireNonNull(admin, "admin");
        Member target = t.member(member).orElseThrow(() -> new NotFoundException("member", member));
        Member a = Engine.activeMember(t, admin);
        boolean sameAcademie = t.establishment(a.establishment()).flatMap(ae -> t.establishment(target.establishment())
                .map(te -> te.academie() == ae.academie())).orElse(false);
        if (a.role() != fr.sharenum.model.Role.ACADEMIE_STAFF || !sameAcademie) {
            throw new fr.sharenum.model.NotAllowedException("only an administrator of member " + member + "'s académie"
                    + " (role ACADEMIE_STAFF) may " + action + " them; " + admin + " is not one");
        }
    }

    /** The member themselves, or an administrator of their académie. */
    private static void requireSelfOrAdministrator(StoreTransaction t, MemberId actor, MemberId member, String action) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.equals(member)) {
            requireAdministrator(t, actor, member, action);
        } else {
            t.member(member).orElseThrow(() -> new NotFoundException("member", member));
        }
    }

    private Member setStatus(MemberId id, MemberStatus target) {
        return engine.changeMember(id, t -> {
                Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
                MemberStatus to = target != null ? target
                        : t.verification(id).isPresent() ? MemberStatus.PENDING_VERIFICATION : MemberStatus.ACTIVE;
                if (m.status() == MemberStatus.ERASED) {
                    throw new fr.sharenum.model.IllegalTransitionException("member " + id, m.status(), to);
                }
                if (target == null && m.status() != MemberStatus.SUSPENDED) {
                    throw new fr.sharenum.model.IllegalTransitionException("member " + id, m.status(), to);
                }
                if (m.status() == to) {
                    return m;
                }
                Member next = m.withStatus(to).nextVersion();
                t.updateMember(next, m.version());
                return next;
        });
    }

    private static final String ERASED_TEXT = ErasureText.TEXT;

    @Override
    public fr.sharenum.MemberData exportData(MemberId actor, MemberId id) {
        Objects.requireNonNull(id, "member");
        return engine.tx(t -> {
            requireSelfOrAdministrator(t, actor, id, "export the data of");
            Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            List<fr.sharenum.model.TicketNum> helped = new java.util.ArrayList<>();
            List<fr.sharenum.model.Message> written = new java.util.ArrayList<>();
            t.forEachMember(other -> {
                for (fr.sharenum.model.TicketNum ticket : t.ticketsOf(other.id())) {
                    if (!other.id().equals(id) && (ticket.wasAlerted(id) || ticket.offerOf(id).isPresent()
                            || id.equals(ticket.acceptedHelper()))) {
                        helped.add(ticket);
                    }
                    if (ticket.isParticipant(id)) {
                        t.messages(ticket.id(), 0, Integer.MAX_VALUE).stream().filter(msg -> msg.sender().equals(id))
                                .forEach(written::add);
                    }
                }
            });
            List<fr.sharenum.model.Event> events = Engine.allEvents(t).stream()
                    .filter(e -> e.isOrganiser(id) || e.isRegistered(id) || e.waitlistPosition(id).isPresent()).toList();
            List<Notification> pending = new java.util.ArrayList<>();
            t.dueNotifications(java.time.Instant.MAX, Integer.MAX_VALUE).stream().map(fr.sharenum.spi.OutboxEntry::notification)
                    .filter(n -> n.recipient().equals(id)).forEach(pending::add);
            t.deadLetters(Integer.MAX_VALUE).stream().map(fr.sharenum.spi.OutboxEntry::notification)
                    .filter(n -> n.recipient().equals(id)).forEach(pending::add);
            return new fr.sharenum.MemberData(engine.now(), m, t.availability(id).orElse(fr.sharenum.model.Availability.NONE),
                    t.ticketsOf(id), helped, written, events, pending);
        });
    }

    @Override
    public Member erase(MemberId actor, MemberId id) {
        Objects.requireNonNull(id, "member");
        engine.tx(t -> {
            requireSelfOrAdministrator(t, actor, id, "erase");
            return null;
        });
        return engine.changeMember(id, t -> {
            Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            if (m.status() == MemberStatus.ERASED) {
                return m;
            }
            Member anonymous = new Member(id, "Membre effacé", fr.sharenum.model.Email.of("efface-" + Tokens.newToken()
                    .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "@sharenum.invalid"), m.establishment(),
                    m.role(), java.util.Set.of(), java.util.Map.of(), java.util.Set.of(), java.util.Set.of(),
                    MemberStatus.ERASED, m.registeredAt(), m.version() + 1);
            t.updateMember(anonymous, m.version());
            t.deleteVerification(id);
            t.availability(id).ifPresent(a -> t.putAvailability(id, fr.sharenum.model.Availability.NONE));
            t.forEachMember(other -> {
                for (fr.sharenum.model.TicketNum ticket : t.ticketsOf(other.id())) {
                    fr.sharenum.model.TicketNum redacted = redact(ticket, id);
                    if (redacted != ticket) {
                        t.updateTicket(redacted.nextVersion(), ticket.version());
                    }
                    if (ticket.isParticipant(id)) {
                        for (fr.sharenum.model.Message msg : t.messages(ticket.id(), 0, Integer.MAX_VALUE)) {
                            if (msg.sender().equals(id)) {
                                t.redactMessage(new fr.sharenum.model.Message(msg.ticket(), msg.seq(), id, ERASED_TEXT, msg.at()));
                            }
                        }
                    }
                }
            });
            for (fr.sharenum.spi.OutboxEntry e : t.dueNotifications(java.time.Instant.MAX, Integer.MAX_VALUE)) {
                if (e.notification().recipient().equals(id)) {
                    t.deleteOutbox(e.id());
                }
            }
            for (fr.sharenum.spi.OutboxEntry e : t.deadLetters(Integer.MAX_VALUE)) {
                if (e.notification().recipient().equals(id)) {
                    t.deleteOutbox(e.id());
                }
            }
            return anonymous;
        });
    }

    /** The ticket with what {@code author} wrote in it replaced, or the same instance when nothing is theirs. */
    private static fr.sharenum.model.TicketNum redact(fr.sharenum.model.TicketNum t, MemberId author) {
        boolean own = t.requester().equals(author);
        boolean offered = t.offerOf(author).isPresent();
        if (!own && !offered) {
            return t;
        }
        List<fr.sharenum.model.Offer> offers = t.offers().stream().map(o -> o.helper().equals(author)
                ? new fr.sharenum.model.Offer(o.helper(), ERASED_TEXT, o.at(), o.status()) : o).toList();
        return new fr.sharenum.model.TicketNum(t.id(), t.requester(), t.establishment(), t.origin(), t.tools(), t.kind(),
                own ? ERASED_TEXT : t.text(), t.radiusKm(), t.openedAt(), t.expiresAt(), t.status(), t.shownTrainings(),
                t.trainingsDeclined(), t.alerts(), offers, t.acceptedHelper(), t.history(), t.version());
    }

    @Override
    public fr.sharenum.model.AlertPreferences alertPreferences(MemberId id) {
        Objects.requireNonNull(id, "member");
        return engine.tx(t -> {
            t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            return t.alertPreferences(id).orElse(fr.sharenum.model.AlertPreferences.NONE);
        });
    }

    @Override
    public fr.sharenum.model.AlertPreferences muteTool(MemberId id, ToolId tool, boolean muted) {
        Objects.requireNonNull(tool, "tool");
        engine.settings().tools().get(tool);
        return changePreferences(id, p -> p.muting(tool, muted));
    }

    @Override
    public fr.sharenum.model.AlertPreferences pauseAlerts(MemberId id, Instant until) {
        return changePreferences(id, p -> p.pausedUntil(until));
    }

    @Override
    public fr.sharenum.model.AlertPreferences setDigest(MemberId id, fr.sharenum.model.AlertPreferences.Digest digest) {
        Objects.requireNonNull(digest, "digest");
        return changePreferences(id, p -> p.withDigest(digest));
    }

    private fr.sharenum.model.AlertPreferences changePreferences(MemberId id,
            java.util.function.UnaryOperator<fr.sharenum.model.AlertPreferences> change) {
        Objects.requireNonNull(id, "member");
        return engine.tx(t -> {
            t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            fr.sharenum.model.AlertPreferences next = change.apply(t.alertPreferences(id).orElse(fr.sharenum.model.AlertPreferences.NONE));
            t.putAlertPreferences(id, next);
            return next;
        });
    }

    @Override
    public Member recordPix(MemberId id, long expectedVersion, fr.sharenum.model.PixCertification certification) {
        if (certification != null && certification.certifiedOn().isAfter(
                java.time.LocalDate.ofInstant(engine.now(), java.time.ZoneOffset.UTC).plusDays(1))) {
            throw new InvalidValueException("certifiedOn", "a certification cannot be dated in the future: "
                    + certification.certifiedOn());
        }
        return edit(id, expectedVersion, m -> m.withPix(certification));
    }

    @Override
    public List<fr.sharenum.model.BadgeAward> badges(MemberId id) {
        Objects.requireNonNull(id, "member");
        return engine.tx(t -> {
            t.member(id).orElseThrow(() -> new NotFoundException("member", id));
            return t.badgesOf(id);
        });
    }

    private void checkTools(Member m) {
        for (ToolId tool : m.skills().keySet()) {
            engine.settings().tools().get(tool);
        }
        for (ToolId tool : m.followedTools()) {
            engine.settings().tools().get(tool);
        }
    }

    private static void requireEstablishment(StoreTransaction t, Uai uai) {
        if (t.establishment(uai).isEmpty()) {
            throw new NotFoundException("establishment", uai);
        }
    }
}

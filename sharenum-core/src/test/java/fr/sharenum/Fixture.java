package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** A ShareNum on embedded defaults with a hand-moved clock and a few Burgundy and Lyon establishments. */
final class Fixture {
    static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    /** The host application, acting as itself (directory imports, scheduled jobs, reads a test makes). */
    static final Actor HOST = Actor.host("test");

    static final Establishment CARNOT = school("0210015C", "Lycée Carnot", EstablishmentType.LYCEE, Academie.DIJON, 47.3226, 5.0466);
    static final Establishment NUITS = school(uai(21, 4001), "Collège de Nuits-Saint-Georges", EstablishmentType.COLLEGE, Academie.DIJON, 47.1375, 4.9497);
    static final Establishment AUXONNE = school(uai(21, 4002), "Collège d'Auxonne", EstablishmentType.COLLEGE, Academie.DIJON, 47.1937, 5.3887);
    static final Establishment BEAUNE = school(uai(21, 4003), "Lycée de Beaune", EstablishmentType.LYCEE, Academie.DIJON, 47.0250, 4.8372);
    static final Establishment REUNION = school(uai(974, 4005), "Lycée de Saint-Denis", EstablishmentType.LYCEE, Academie.LA_REUNION, -20.8821, 55.4507);
    static final Establishment LYON = school(uai(69, 4004), "Lycée du Parc", EstablishmentType.LYCEE, Academie.LYON, 45.7700, 4.8500);

    final MutableClock clock = new MutableClock(START);
    final OutboxNotifier outbox;
    final ShareNum sharenum;
    /** Shared by every fixture, so that two instances on one store never register the same address. */
    private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

    Fixture() {
        this(b -> { });
    }

    Fixture(Consumer<ShareNum.Builder> customise) {
        this(customise, true);
    }

    /** With {@code establishments} false, the store is left as it is (another instance on it already set it up). */
    Fixture(Consumer<ShareNum.Builder> customise, boolean establishments) {
        this(customise, establishments, new OutboxNotifier());
    }

    /**
     * With {@code outbox} shared by several instances on one store: any instance may deliver a notification another
     * enqueued (a verification mail among them), so they read what was sent in one place.
     */
    Fixture(Consumer<ShareNum.Builder> customise, boolean establishments, OutboxNotifier outbox) {
        this.outbox = outbox;
        ShareNum.Builder b = ShareNum.builder().clock(clock).notifier(outbox).matchingEngine(MatchingEngines.reference())
                // bounds off: tests of bounds set their own
                .alertLimits(AlertLimits.builder().perHelperPerWeek(10_000).coolDown(java.time.Duration.ZERO).ticketsPerDay(10_000).build())
                .quietHours(QuietHours.OFF)
                // delivered in the caller's thread right after the commit, and only then: tests read what was sent
                .notificationDelivery(Runnable::run, java.time.Duration.ZERO)
                // reminders only when a test asks (events().sendReminders): a background run would send them unasked
                .reminderPoll(java.time.Duration.ZERO);
        customise.accept(b);
        sharenum = b.build();
        if (establishments) {
            sharenum.establishments().putAll(Fixture.HOST, List.of(CARNOT, NUITS, AUXONNE, BEAUNE, LYON, REUNION));
        }
    }

    static String uai(int dept, int n) {
        String seven = String.format("%03d%04d", dept, n);
        return seven + Uai.checkLetter(seven);
    }

    static Establishment school(String uai, String name, EstablishmentType type, Academie a, double lat, double lon) {
        return new Establishment(Uai.of(uai), name, type, a, GeoPoint.of(lat, lon), null);
    }

    /** Registers a member without verifying them. */
    Member pending(String name, Establishment at, Skill... skills) {
        return pending(name, at, b -> { }, skills);
    }

    /** Registers and verifies a member who follows tools and themes (event broadcasts). */
    Member follower(String name, Establishment at, Set<ToolId> tools, Set<Theme> themes) {
        Member m = pending(name, at, b -> {
            tools.forEach(b::follow);
            themes.forEach(b::follow);
        });
        return sharenum.members().verify(Actor.anonymous(), m.id(), tokenOf(m));
    }

    private Member pending(String name, Establishment at, Consumer<NewMember.Builder> customise, Skill... skills) {
        NewMember.Builder b = NewMember.builder().displayName(name)
                .email(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z ]", "").replaceAll(" +", " ").strip()
                        .toLowerCase().replace(" ", ".") + "." + COUNTER.getAndIncrement() + "@" + at.academie().mailDomains().get(0))
                .establishment(at.uai()).role(Role.TEACHER_SECONDARY);
        for (Skill s : skills) {
            b.skill(s);
        }
        customise.accept(b);
        NewMember request = b.build();
        // institutional functions are asserted by the host's directory, never self-declared
        Actor registrar = java.util.EnumSet.of(Role.ACADEMIE_STAFF, Role.CANOPE_MEDIATOR, Role.TRAINER).contains(request.role()) ? HOST : Actor.anonymous();
        return sharenum.members().register(registrar, request);
    }

    /** Registers and verifies a member with the token they were sent. */
    Member active(String name, Establishment at, Skill... skills) {
        Member m = pending(name, at, skills);
        return sharenum.members().verify(Actor.anonymous(), m.id(), tokenOf(m));
    }

    private Member admin;

    /** Registers and verifies a member with a given function (institutional ones through the host). */
    Member withRole(String name, Establishment at, Role role) {
        Member m = pending(name, at, b -> b.role(role));
        return sharenum.members().verify(Actor.anonymous(), m.id(), tokenOf(m));
    }

    /** Registers and verifies a member, and has the host grant them {@code privilege} for their académie (or nationally). */
    Member granted(String name, Establishment at, Privilege privilege) {
        Member m = active(name, at);
        sharenum.roles().grant(HOST, m.id(), privilege, privilege.isAcademieScoped() ? at.academie() : null,
                "désigné pour les tests");
        return m;
    }

    /** Staff of the Dijon académie (ACADEMIE_STAFF granted by the host), created on first use. */
    synchronized Member admin() {
        if (admin == null) {
            admin = granted("Administratrice DANE", CARNOT, Privilege.ACADEMIE_STAFF);
        }
        return admin;
    }

    /** Registers and verifies a member whose verification mail went to {@code sink} (a host's own notifier). */
    Member activeVia(OutboxNotifier sink, String name, Establishment at, Skill... skills) {
        Member m = pending(name, at, skills);
        String token = sink.sent(Notification.VerificationRequested.class).stream().filter(n -> n.recipient().equals(m.id()))
                .reduce((a, b) -> b).orElseThrow().token();
        return sharenum.members().verify(Actor.anonymous(), m.id(), token);
    }

    /**
     * The last verification token sent to {@code m}; waits for it a little when another instance sharing this outbox is
     * delivering it.
     */
    String tokenOf(Member m) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            List<Notification.VerificationRequested> sent = outbox.sent(Notification.VerificationRequested.class).stream()
                    .filter(n -> n.recipient().equals(m.id())).toList();
            if (!sent.isEmpty() || System.nanoTime() > deadline) {
                return sent.get(sent.size() - 1).token();
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

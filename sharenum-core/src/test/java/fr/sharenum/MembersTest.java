package fr.sharenum;

import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Actor;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.EmailNotAllowedException;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.model.VerificationFailedException;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.QualifiedQuery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.sharenum.Fixture.BEAUNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static fr.sharenum.Fixture.LYON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembersTest {

    private static final ToolId GEOGEBRA = ToolId.of("geogebra");
    private final Fixture f = new Fixture();
    private final Members members = f.sharenum.members();

    private List<Match> geogebraAround(double km) {
        return f.sharenum.matchingEngine(Fixture.HOST).qualified(QualifiedQuery.within(CARNOT.location(), km, GEOGEBRA, CompetenceLevel.NOVICE));
    }

    @Test
    void registration_sends_a_verification_token_and_verification_activates() {
        Member m = f.pending("Claire Martin", CARNOT, new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
        assertThat(m.status()).isEqualTo(MemberStatus.PENDING_VERIFICATION);
        assertThat(m.version()).isEqualTo(1);
        List<Notification.VerificationRequested> sent = f.outbox.sent(Notification.VerificationRequested.class);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).to()).isEqualTo(m.email());
        assertThat(sent.get(0).token()).hasSizeGreaterThanOrEqualTo(22); // at least 128 bits in base64url
        assertThat(geogebraAround(5)).isEmpty();

        Member verified = members.verify(Actor.anonymous(), m.id(), sent.get(0).token());
        assertThat(verified.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(verified.version()).isEqualTo(2);
        assertThat(geogebraAround(5)).extracting(Match::member).containsExactly(m.id());
        // single use
        assertThatThrownBy(() -> members.verify(Actor.anonymous(), m.id(), sent.get(0).token()))
                .isInstanceOf(VerificationFailedException.class);
    }

    @Test
    void a_wrong_or_expired_token_is_refused_and_changes_nothing() {
        Member m = f.pending("Claire Martin", CARNOT);
        String token = f.tokenOf(m);
        assertThatThrownBy(() -> members.verify(Actor.anonymous(), m.id(), token + "x")).isInstanceOf(VerificationFailedException.class)
                .hasMessageContaining("not valid");
        assertThatThrownBy(() -> members.verify(Actor.anonymous(), m.id(), " ")).isInstanceOf(VerificationFailedException.class);
        assertThat(members.get(Fixture.HOST, m.id())).isEqualTo(m);
        f.clock.advance(Duration.ofHours(73));
        assertThatThrownBy(() -> members.verify(Actor.anonymous(), m.id(), token)).isInstanceOf(VerificationFailedException.class)
                .hasMessageContaining("expired");
        assertThat(members.get(Fixture.HOST, m.id())).isEqualTo(m);
        members.resendVerification(Actor.anonymous(), m.id());
        String fresh = f.tokenOf(m);
        assertThat(fresh).isNotEqualTo(token);
        assertThatThrownBy(() -> members.verify(Actor.anonymous(), m.id(), token)).isInstanceOf(VerificationFailedException.class);
        assertThat(members.verify(Actor.anonymous(), m.id(), fresh).isActive()).isTrue();
        assertThatThrownBy(() -> members.resendVerification(Actor.anonymous(), m.id())).isInstanceOf(VerificationFailedException.class);
    }

    @Test
    void only_professional_addresses_register_and_nothing_is_stored_otherwise() {
        NewMember.Builder b = NewMember.builder().displayName("Eve").establishment(CARNOT.uai()).role(Role.HEAD);
        for (String bad : List.of("eve@gmail.com", "eve@ac-dijon.fr.evil.com", "eve@ac-dijon.fr@x", "eve@ac-foo.fr")) {
            assertThatThrownBy(() -> members.register(Actor.anonymous(), b.email(bad).build())).isInstanceOf(EmailNotAllowedException.class);
        }
        assertThat(f.outbox.sent()).isEmpty();
        assertThat(members.register(Actor.anonymous(), b.email("eve@ac-dijon.fr").build()).email().value()).isEqualTo("eve@ac-dijon.fr");
    }

    @Test
    void bad_registrations_are_refused_with_clear_errors() {
        Member first = f.pending("Claire", CARNOT);
        NewMember.Builder dup = NewMember.builder().displayName("Autre").email(first.email().value().toUpperCase())
                .establishment(CARNOT.uai());
        assertThatThrownBy(() -> members.register(Actor.anonymous(), dup.build())).isInstanceOf(DuplicateException.class)
                .hasMessageContaining("already registered");
        NewMember unknownSchool = NewMember.builder().displayName("X").email("x@ac-dijon.fr")
                .establishment(Uai.of("0211928G")).build();
        assertThatThrownBy(() -> members.register(Actor.anonymous(), unknownSchool)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("establishment");
        NewMember unknownTool = NewMember.builder().displayName("X").email("x@ac-dijon.fr").establishment(CARNOT.uai())
                .skill(new Skill(ToolId.of("no-such-tool"), CompetenceLevel.NOVICE)).build();
        assertThatThrownBy(() -> members.register(Actor.anonymous(), unknownTool)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("tool");
        NewMember noName = NewMember.builder().email("x@ac-dijon.fr").establishment(CARNOT.uai()).build();
        assertThatThrownBy(() -> members.register(Actor.anonymous(), noName)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("displayName");
        NewMember noSchool = NewMember.builder().displayName("X").email("x@ac-dijon.fr").build();
        assertThatThrownBy(() -> members.register(Actor.anonymous(), noSchool)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("establishment");
        assertThat(members.find(Fixture.HOST, MemberId.of("nobody"))).isEmpty();
        assertThat(f.outbox.sent()).hasSize(1); // only the first, valid registration
    }

    @Test
    void host_identifiers_are_kept_and_cannot_be_reused() {
        NewMember a = NewMember.builder().id(MemberId.of("ent-42")).displayName("A").email("a@ac-dijon.fr").establishment(CARNOT.uai()).build();
        NewMember b = NewMember.builder().id(MemberId.of("ent-42")).displayName("B").email("b@ac-dijon.fr").establishment(CARNOT.uai()).build();
        assertThat(members.register(Fixture.HOST, a).id()).isEqualTo(MemberId.of("ent-42"));
        assertThatThrownBy(() -> members.register(Fixture.HOST, b)).isInstanceOf(DuplicateException.class);
        // a visitor signing up does not choose their id: someone could take another person's ENT id first
        NewMember squatter = NewMember.builder().id(MemberId.of("ent-43")).displayName("S").email("s@ac-dijon.fr")
                .establishment(CARNOT.uai()).build();
        assertThatThrownBy(() -> members.register(Actor.anonymous(), squatter)).isInstanceOf(NotAllowedException.class)
                .extracting("code").isEqualTo("access.host-chooses-id");
    }

    @Test
    void profile_edits_are_versioned_and_update_matching() {
        Member m = f.active("Claire", CARNOT, new Skill(GEOGEBRA, CompetenceLevel.NOVICE));
        Member v3 = members.setSkill(m.id(), m.id(), m.version(), new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED, Set.of("géométrie")));
        assertThat(v3.version()).isEqualTo(m.version() + 1);
        assertThat(geogebraAround(1)).extracting(Match::level).containsExactly(CompetenceLevel.EXPERIENCED);

        assertThatThrownBy(() -> members.setSkill(m.id(), m.id(), m.version(), new Skill(GEOGEBRA, CompetenceLevel.NOVICE)))
                .isInstanceOf(VersionConflictException.class).hasMessageContaining("reload");
        assertThat(members.get(Fixture.HOST, m.id())).isEqualTo(v3);

        Member moved = members.moveTo(m.id(), m.id(), v3.version(), LYON.uai());
        assertThat(geogebraAround(100)).isEmpty();
        assertThat(f.sharenum.matchingEngine(Fixture.HOST).qualified(QualifiedQuery.within(LYON.location(), 1, GEOGEBRA, CompetenceLevel.NOVICE)))
                .extracting(Match::member).containsExactly(m.id());

        Member interests = members.edit(m.id(), m.id(), moved.version(), x -> x.withInterests(Set.of(ToolId.of("scratch")), Set.of(Theme.of("evaluation"))));
        assertThat(interests.followedThemes()).containsExactly(Theme.of("evaluation"));
        Member noSkill = members.removeSkill(m.id(), m.id(), interests.version(), GEOGEBRA);
        assertThat(noSkill.skills()).isEmpty();
        assertThat(f.sharenum.matchingEngine(Fixture.HOST).qualified(QualifiedQuery.within(LYON.location(), 1, GEOGEBRA, CompetenceLevel.NOVICE))).isEmpty();
    }

    @Test
    void edits_that_touch_protected_fields_or_unknown_things_are_refused() {
        Member m = f.active("Claire", CARNOT);
        assertThatThrownBy(() -> members.edit(m.id(), m.id(), m.version(), x -> x.withStatus(MemberStatus.SUSPENDED)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> members.moveTo(m.id(), m.id(), m.version(), Uai.of("0211928G")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> members.setSkill(m.id(), m.id(), m.version(), new Skill(ToolId.of("nope"), CompetenceLevel.NOVICE)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> members.edit(MemberId.of("ghost"), MemberId.of("ghost"), 1, x -> x)).isInstanceOf(NotFoundException.class);
        assertThat(members.get(Fixture.HOST, m.id())).isEqualTo(m);
    }

    @Test
    void concurrent_edits_of_the_same_version_lose_nothing() throws Exception {
        Member m = f.active("Claire", CARNOT);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        List<ToolId> tools = List.of(GEOGEBRA, ToolId.of("scratch"), ToolId.of("pronote"), ToolId.of("digipad"),
                ToolId.of("capytale"), ToolId.of("genially"), ToolId.of("moodle"), ToolId.of("tni"));
        for (int i = 0; i < threads; i++) {
            ToolId tool = tools.get(i);
            futures.add(pool.submit(() -> {
                go.await();
                try {
                    members.setSkill(m.id(), m.id(), m.version(), new Skill(tool, CompetenceLevel.EXPERIENCED));
                    wins.incrementAndGet();
                } catch (VersionConflictException e) {
                    conflicts.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> fu : futures) {
            fu.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(wins.get()).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(threads - 1);
        Member after = members.get(Fixture.HOST, m.id());
        assertThat(after.version()).isEqualTo(m.version() + 1);
        assertThat(after.skills()).hasSize(1);
    }

    @Test
    void suspended_members_are_not_matched_until_reinstated() {
        Member m = f.active("Claire", CARNOT, new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
        MemberId admin = f.admin().id();
        members.suspend(admin, m.id(), "signalé par la modération");
        assertThat(geogebraAround(5)).isEmpty();
        assertThat(members.get(Fixture.HOST, m.id()).status()).isEqualTo(MemberStatus.SUSPENDED);
        members.reinstate(admin, m.id(), "levée après examen");
        assertThat(geogebraAround(5)).hasSize(1);
        assertThatThrownBy(() -> members.reinstate(admin, m.id(), "levée après examen")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void only_an_administrator_of_the_members_academie_suspends_them() {
        Member m = f.active("Claire", CARNOT);
        Member colleague = f.active("Collègue", NUITS);
        Member lyonAdmin = f.granted("Admin Lyon", LYON, fr.sharenum.model.Privilege.ACADEMIE_STAFF);
        Member selfDeclared = f.withRole("Se dit DANE", CARNOT, fr.sharenum.model.Role.ACADEMIE_STAFF);
        assertThatThrownBy(() -> members.suspend(colleague.id(), m.id(), "signalé par la modération")).isInstanceOf(fr.sharenum.model.NotAllowedException.class)
                .extracting("code").isEqualTo("access.denied");
        assertThatThrownBy(() -> members.suspend(lyonAdmin.id(), m.id(), "signalé par la modération")).isInstanceOf(fr.sharenum.model.NotAllowedException.class)
                .extracting("code").isEqualTo("access.denied");
        // a function asserted by the host's directory is not a privilege
        assertThatThrownBy(() -> members.suspend(selfDeclared.id(), m.id(), "signalé")).isInstanceOf(fr.sharenum.model.NotAllowedException.class);
        assertThatThrownBy(() -> members.exportData(colleague.id(), m.id())).isInstanceOf(fr.sharenum.model.NotAllowedException.class);
        assertThatThrownBy(() -> members.erase(colleague.id(), m.id())).isInstanceOf(fr.sharenum.model.NotAllowedException.class);
        assertThat(members.get(Fixture.HOST, m.id()).status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(members.exportData(f.admin().id(), m.id()).member().id()).isEqualTo(m.id());
    }

    @Test
    void moving_an_establishment_relocates_its_members_for_matching() {
        Member m = f.active("Bertrand", BEAUNE, new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
        assertThat(geogebraAround(10)).isEmpty();
        f.sharenum.establishments().put(Fixture.HOST, BEAUNE.withLocation(CARNOT.location()));
        assertThat(geogebraAround(10)).extracting(Match::member).containsExactly(m.id());
    }

    @Test
    void a_restarted_instance_reloads_matching_from_the_store() {
        var store = ShareNum.inMemoryStore();
        OutboxNotifier outbox = new OutboxNotifier();
        ShareNum first = ShareNum.builder().store(store).notifier(outbox).matchingEngine(MatchingEngines.reference())
                .notificationDelivery(Runnable::run, java.time.Duration.ZERO).build();   // the verification mail sent before register returns
        first.establishments().put(Fixture.HOST, CARNOT);
        Member m = first.members().register(Actor.anonymous(), NewMember.builder().displayName("C").email("c@ac-dijon.fr")
                .establishment(CARNOT.uai()).skill(new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED)).build());
        first.members().verify(Actor.anonymous(), m.id(), outbox.sent(Notification.VerificationRequested.class).get(0).token());
        ShareNum second = ShareNum.builder().store(store).matchingEngine(MatchingEngines.reference()).build();
        assertThat(second.matchingEngine(Fixture.HOST).size()).isEqualTo(1);
        assertThat(second.members().get(Fixture.HOST, m.id()).isActive()).isTrue();
    }
}

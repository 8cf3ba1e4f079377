package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.AuditEntry;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Grant;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.LYON;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Privileges are granted through an audited path, never declared; single sign-on asserts identities. */
class RolesTest {
    /** The store this run uses; the nested subclasses run the same tests on H2 and PostgreSQL. */
    Stores store() {
        return Stores.MEMORY;
    }

    private final Fixture f = new Fixture(b -> b.store(store().fresh().store()));
    private final Roles roles = f.sharenum.roles();
    private final Member claire = f.active("Claire Martin", CARNOT);
    private final Member paul = f.active("Paul Bernard", NUITS);

    private Instant now() {
        return f.clock.instant();
    }

    private List<AuditEntry> audit(Academie a) {
        return roles.audit(HOST, a, now().minus(Duration.ofDays(1)), now().plus(Duration.ofDays(1)), 100);
    }

    @Test
    void registration_and_edits_never_give_a_privilege() {
        assertThatThrownBy(() -> f.sharenum.members().register(Actor.anonymous(), NewMember.builder().displayName("Mallory")
                .email("mallory@ac-dijon.fr").establishment(CARNOT.uai()).role(Role.ACADEMIE_STAFF).build()))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.institutional-role");
        assertThatThrownBy(() -> f.sharenum.members().edit(claire.id(), claire.id(), claire.version(),
                m -> m.withRole(Role.CANOPE_MEDIATOR))).isInstanceOf(NotAllowedException.class)
                .extracting("code").isEqualTo("access.institutional-role");
        // a function the host's directory asserts is descriptive: it gives no right
        Member head = f.withRole("Chef d'établissement", CARNOT, Role.ACADEMIE_STAFF);
        assertThatThrownBy(() -> f.sharenum.members().suspend(head.id(), claire.id(), "essai"))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.denied");
        assertThat(roles.of(HOST, head.id())).isEmpty();
    }

    @Test
    void the_host_bootstraps_staff_who_grant_their_academies_privileges_only() {
        Member dane = f.active("Isabelle DANE", CARNOT);
        Grant staff = roles.grant(HOST, dane.id(), Privilege.ACADEMIE_STAFF, Academie.DIJON, "Nommée par le recteur");
        assertThat(staff.grantedBy()).isEqualTo("host:test");
        assertThat(staff.isActive()).isTrue();

        Grant canope = roles.grant(dane.id(), paul.id(), Privilege.CANOPE, Academie.DIJON, "Médiateur Canopé 21");
        assertThat(canope.grantedBy()).isEqualTo("member:" + dane.id());
        // not for another académie, not a national privilege, not to oneself
        assertThatThrownBy(() -> roles.grant(dane.id(), paul.id(), Privilege.CANOPE, Academie.LYON, "hors académie"))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.grant-scope");
        assertThatThrownBy(() -> roles.grant(dane.id(), paul.id(), Privilege.NATIONAL_ADMIN, null, "promotion"))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.grant-national");
        assertThatThrownBy(() -> roles.grant(dane.id(), dane.id(), Privilege.COOPERATIVE, Academie.DIJON, "moi"))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.self-grant");
        // a teacher grants nothing
        assertThatThrownBy(() -> roles.grant(claire.id(), paul.id(), Privilege.COOPERATIVE, Academie.DIJON, "ami"))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> roles.grant(HOST, paul.id(), Privilege.CANOPE, Academie.DIJON, "encore"))
                .isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> roles.grant(HOST, paul.id(), Privilege.RESEARCHER, Academie.DIJON, "x"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> roles.grant(HOST, paul.id(), Privilege.CANOPE, null, "x"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> roles.grant(HOST, paul.id(), Privilege.COOPERATIVE, Academie.DIJON, " "))
                .isInstanceOf(InvalidValueException.class);

        // the grant works: Paul publishes a training of Dijon
        f.sharenum.trainings().publish(paul.id(), new fr.sharenum.model.Training("canope-21", "Atelier", fr.sharenum.model.TrainingKind.CANOPE_WORKSHOP,
                Academie.DIJON, java.util.Set.of(ToolId.of("capytale")), now().plus(Duration.ofDays(3)),
                now().plus(Duration.ofDays(3)).plus(Duration.ofHours(2)), "Atelier Canopé", null));

        Grant revoked = roles.revoke(dane.id(), canope.id(), "A quitté Canopé");
        assertThat(revoked.isActive()).isFalse();
        assertThat(revoked.revokedBy()).isEqualTo("member:" + dane.id());
        assertThatThrownBy(() -> roles.revoke(dane.id(), canope.id(), "encore")).isInstanceOf(IllegalTransitionException.class);
        assertThat(roles.of(paul.id(), paul.id())).extracting(Grant::isActive).containsExactly(false);
        assertThat(audit(Academie.DIJON)).extracting(AuditEntry::action)
                .containsExactly(AuditEntry.Action.GRANT, AuditEntry.Action.GRANT, AuditEntry.Action.REVOKE);
        assertThat(audit(Academie.DIJON).get(2).detail()).contains("A quitté Canopé");
    }

    @Test
    void staff_of_an_academie_need_its_address_by_default() {
        Member lyonAddress = f.active("Léa Lyon", LYON);
        assertThatThrownBy(() -> roles.grant(HOST, lyonAddress.id(), Privilege.ACADEMIE_STAFF, Academie.DIJON, "DANE"))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.grant-address");
        Fixture relaxed = new Fixture(b -> b.staffAddressMustMatchAcademie(false));
        Member lea = relaxed.active("Léa Lyon", LYON);
        assertThat(relaxed.sharenum.roles().grant(HOST, lea.id(), Privilege.ACADEMIE_STAFF, Academie.DIJON, "mission").isActive())
                .isTrue();
    }

    @Test
    void privileges_are_granted_to_active_members_only_and_revoked_ones_stop_working() {
        Member pending = f.pending("Pat Pending", CARNOT);
        assertThatThrownBy(() -> roles.grant(HOST, pending.id(), Privilege.RESEARCHER, null, "étude"))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.grant-inactive");
        Member r = f.active("Rémi Chercheur", CARNOT);
        Grant g = roles.grant(HOST, r.id(), Privilege.RESEARCHER, null, "Étude DEPP 2027");
        java.time.YearMonth m = java.time.YearMonth.from(now().atZone(java.time.ZoneOffset.UTC));
        assertThat(f.sharenum.indicators().report(r.id(), Territory.country(), m, m).ticketsOpened()).isZero();
        roles.revoke(HOST, g.id(), "Fin de l'étude");
        assertThatThrownBy(() -> f.sharenum.indicators().report(r.id(), Territory.country(), m, m))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.denied");
        assertThat(audit(null)).extracting(AuditEntry::action).containsExactly(AuditEntry.Action.GRANT, AuditEntry.Action.REVOKE);
    }

    @Test
    void refusals_are_french_by_default_with_english_on_demand() {
        NotAllowedException e = org.junit.jupiter.api.Assertions.assertThrows(NotAllowedException.class,
                () -> f.sharenum.members().suspend(claire.id(), paul.id(), "essai"));
        assertThat(e.getMessage()).startsWith("Action refusée").contains("suspendre ou rétablir un membre")
                .contains("le personnel de l'académie concernée");
        assertThat(e.message(Locale.ENGLISH)).startsWith("Not allowed").contains("suspend or reinstate a member");
        assertThat(e.message(Locale.GERMAN)).isEqualTo(e.getMessage());
    }

    @Test
    void single_sign_on_creates_links_and_updates_members_with_the_directorys_privileges() {
        IdentityAssertion first = IdentityAssertion.builder("https://cas.ac-dijon.fr", "u-1001").memberId(fr.sharenum.model.MemberId.of("ent-1001"))
                .email("sophie.laurent@ac-dijon.fr").displayName("Sophie Laurent").establishment(CARNOT.uai())
                .role(Role.ERUN).build();
        Member sophie = f.sharenum.members().signIn(HOST, first);
        assertThat(sophie.id().value()).isEqualTo("ent-1001");
        assertThat(sophie.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(f.outbox.sent(fr.sharenum.model.Notification.VerificationRequested.class)).noneMatch(n -> n.recipient().equals(sophie.id()));

        // the next sign-in finds her by the link, and follows the directory
        IdentityAssertion moved = IdentityAssertion.builder("https://cas.ac-dijon.fr", "u-1001").email("sophie.laurent@ac-dijon.fr")
                .displayName("Sophie Laurent-Petit").establishment(NUITS.uai()).role(Role.ACADEMIE_STAFF)
                .privilege(Privilege.ACADEMIE_STAFF).build();
        Member again = f.sharenum.members().signIn(HOST, moved);
        assertThat(again.id()).isEqualTo(sophie.id());
        assertThat(again.displayName()).isEqualTo("Sophie Laurent-Petit");
        assertThat(again.establishment()).isEqualTo(NUITS.uai());
        assertThat(roles.of(HOST, sophie.id())).singleElement().satisfies(g -> {
            assertThat(g.privilege()).isEqualTo(Privilege.ACADEMIE_STAFF);
            assertThat(g.academie()).isEqualTo(Academie.DIJON);
            assertThat(g.grantedBy()).isEqualTo("host:test");
        });
        // no longer asserted: revoked
        f.sharenum.members().signIn(HOST, first);
        assertThat(roles.of(HOST, sophie.id())).singleElement().satisfies(g -> assertThat(g.isActive()).isFalse());
        assertThat(audit(Academie.DIJON)).extracting(AuditEntry::action).containsExactly(AuditEntry.Action.IDENTITY_LINKED,
                AuditEntry.Action.GRANT, AuditEntry.Action.REVOKE);

        // a member who registered by mail is linked by her verified address
        Member byMail = f.pending("Karim Haddad", CARNOT);
        Member linked = f.sharenum.members().signIn(HOST, IdentityAssertion.builder("https://cas.ac-dijon.fr", "u-2002")
                .email(byMail.email().value()).displayName("Karim Haddad").establishment(CARNOT.uai()).build());
        assertThat(linked.id()).isEqualTo(byMail.id());
        assertThat(linked.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(f.sharenum.members().exportData(linked.id(), linked.id()).identityLinks()).singleElement()
                .satisfies(l -> assertThat(l.issuer()).isEqualTo("https://cas.ac-dijon.fr"));

        // only the host asserts identities, and a suspended member stays suspended
        assertThatThrownBy(() -> f.sharenum.members().signIn(claire.id(), first)).isInstanceOf(NotAllowedException.class);
        f.sharenum.members().suspend(HOST, sophie.id(), "signalement");
        assertThatThrownBy(() -> f.sharenum.members().signIn(HOST, first)).isInstanceOf(NotAllowedException.class)
                .extracting("code").isEqualTo("access.suspended");
        assertThatThrownBy(() -> f.sharenum.members().signIn(HOST, IdentityAssertion.builder("https://cas.ac-dijon.fr", "u-3")
                .email("intrus@gmail.com").displayName("X").establishment(CARNOT.uai()).build()))
                .isInstanceOf(fr.sharenum.model.EmailNotAllowedException.class);
    }

    @Test
    void suspension_and_export_by_staff_are_audited() {
        Member dane = f.admin();
        f.sharenum.members().suspend(dane.id(), claire.id(), "Propos déplacés signalés");
        f.sharenum.members().reinstate(dane.id(), claire.id(), "Après entretien");
        f.sharenum.members().exportData(dane.id(), claire.id());
        f.sharenum.members().exportData(claire.id(), claire.id());
        assertThat(audit(Academie.DIJON)).filteredOn(a -> a.subject().equals(claire.id())).extracting(AuditEntry::action)
                .containsExactly(AuditEntry.Action.SUSPEND, AuditEntry.Action.REINSTATE, AuditEntry.Action.EXPORT);
        assertThatThrownBy(() -> f.sharenum.members().suspend(dane.id(), dane.id(), "moi")).isInstanceOf(NotAllowedException.class)
                .extracting("code").isEqualTo("access.self-suspension");
        assertThatThrownBy(() -> f.sharenum.members().suspend(dane.id(), claire.id(), "")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> roles.audit(claire.id(), Academie.DIJON, now().minusSeconds(60), now(), 10))
                .isInstanceOf(NotAllowedException.class);
    }

    @Test
    void a_suspended_member_keeps_only_their_rgpd_rights() {
        Member karim = f.active("Karim", NUITS, new Skill(ToolId.of("capytale"), CompetenceLevel.EXPERIENCED));
        f.sharenum.members().suspend(f.admin().id(), karim.id(), "signalement");
        assertThatThrownBy(() -> f.sharenum.members().get(karim.id(), karim.id())).isInstanceOf(NotAllowedException.class)
                .extracting("code").isEqualTo("access.suspended");
        assertThatThrownBy(() -> f.sharenum.events().between(karim.id(), now(), now().plus(Duration.ofDays(1))))
                .isInstanceOf(NotAllowedException.class);
        assertThat(f.sharenum.members().exportData(karim.id(), karim.id()).member().id()).isEqualTo(karim.id());
        assertThat(f.sharenum.members().erase(karim.id(), karim.id()).status()).isEqualTo(MemberStatus.ERASED);
    }

    /** The same tests on H2. */
    static class OnH2 extends RolesTest {
        @Override
        Stores store() {
            return Stores.H2;
        }
    }

    /** The same tests on a real PostgreSQL (skipped when not installed). */
    static class OnPostgresql extends RolesTest {
        @Override
        Stores store() {
            return Stores.POSTGRESQL;
        }
    }
}

package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentChange;
import fr.sharenum.model.EstablishmentChange.Kind;
import fr.sharenum.model.EstablishmentStatus;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.QualifiedQuery;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static fr.sharenum.Fixture.BEAUNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A directory change set (what {@code DirectorySync} proposes) applied through one instance: one transaction,
 * idempotent, refused whole when the store moved on; members kept and told when their establishment closes, matched
 * from the new position of a moved one on every instance; nobody joins a closed establishment.
 */
class DirectoryChangesTest {
    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private final List<ShareNum> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(ShareNum::close);
    }

    private Fixture instance(ShareNumStore store) {
        Fixture f = new Fixture(b -> b.store(store).changeFeed(Duration.ofMillis(20), Duration.ofDays(1)));
        opened.add(f.sharenum);
        return f;
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void a_change_set_is_applied_once_members_are_kept_told_and_matched_where_their_establishment_now_stands(Stores kind) {
        ShareNumStore store = kind.fresh().store();
        Fixture a = instance(store);
        Fixture b = instance(store);
        Member nadia = a.active("Nadia Experte", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member basile = a.active("Basile Beaune", BEAUNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member bea = a.active("Béatrice Beaune", BEAUNE);

        GeoPoint newSite = GeoPoint.of(47.20, 5.20);
        Establishment opening = new Establishment(fr.sharenum.model.Uai.of(Fixture.uai(21, 4010)), "Collège neuf",
                EstablishmentType.COLLEGE, fr.sharenum.model.Academie.DIJON, GeoPoint.of(47.30, 5.10), "21231");
        List<EstablishmentChange> changes = List.of(
                new EstablishmentChange(NUITS.uai(), Set.of(Kind.MOVED), NUITS, NUITS.withLocation(newSite),
                        NUITS.location().distanceKm(newSite), false),
                new EstablishmentChange(BEAUNE.uai(), Set.of(Kind.CLOSED), BEAUNE, BEAUNE.withStatus(EstablishmentStatus.CLOSED), 0, true),
                new EstablishmentChange(opening.uai(), Set.of(Kind.NEW), null, opening, 0, false));

        assertThat(a.sharenum.establishments().apply(HOST, changes)).isEqualTo(3);
        assertThat(a.sharenum.establishments().apply(HOST, changes)).isZero();     // idempotent

        // every instance reads the new directory and matches Nadia where Nuits now stands
        assertThat(b.sharenum.establishments().get(HOST, NUITS.uai()).location()).isEqualTo(newSite);
        assertThat(b.sharenum.establishments().all(HOST)).extracting(Establishment::uai).contains(opening.uai());
        var engineOfB = b.sharenum.matchingEngine(HOST);
        SeveralInstancesTest.eventually(() -> engineOfB.qualified(QualifiedQuery.within(newSite, 0.5, CAPYTALE,
                CompetenceLevel.NOVICE)).stream().anyMatch(m -> m.member().equals(nadia.id())));

        // the members of the closed establishment are kept, told once, and no longer a place to join
        assertThat(a.sharenum.members().get(HOST, basile.id()).status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(a.outbox.sent(Notification.EstablishmentStatusChanged.class))
                .extracting(Notification::recipient).containsExactlyInAnyOrder(basile.id(), bea.id());
        assertThat(a.outbox.sent(Notification.EstablishmentStatusChanged.class))
                .allSatisfy(n -> assertThat(n.status()).isEqualTo(EstablishmentStatus.CLOSED));
        assertThatThrownBy(() -> b.pending("Nouvelle Recrue", BEAUNE))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> a.sharenum.members().moveTo(nadia.id(), nadia.id(),
                a.sharenum.members().get(nadia.id(), nadia.id()).version(), BEAUNE.uai()))
                .isInstanceOf(InvalidValueException.class);
        // a member of the closed establishment still edits the rest of their profile
        Member basileNow = a.sharenum.members().get(basile.id(), basile.id());
        assertThat(a.sharenum.members().setSkill(basile.id(), basile.id(), basileNow.version(),
                new Skill(ToolId.of("pronote"), CompetenceLevel.INTERMEDIATE)).skills()).containsKey(ToolId.of("pronote"));
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void a_change_set_made_against_an_older_directory_is_refused_whole(Stores kind) {
        ShareNumStore store = kind.fresh().store();
        Fixture a = instance(store);
        Establishment renamed = new Establishment(CARNOT.uai(), "Lycée Sadi-Carnot", CARNOT.type(), CARNOT.academie(),
                CARNOT.location(), CARNOT.communeCode());
        // meanwhile someone moved Nuits: the set's "before" of Nuits is stale
        a.sharenum.establishments().put(HOST, NUITS.withLocation(GeoPoint.of(47.14, 4.95)));
        List<Establishment> before = a.sharenum.establishments().all(HOST);
        List<EstablishmentChange> stale = List.of(
                new EstablishmentChange(CARNOT.uai(), Set.of(Kind.RENAMED), CARNOT, renamed, 0, false),
                new EstablishmentChange(NUITS.uai(), Set.of(Kind.CLOSING), NUITS, NUITS.withStatus(EstablishmentStatus.CLOSING), 0, false));

        assertThatThrownBy(() -> a.sharenum.establishments().apply(HOST, stale)).isInstanceOf(VersionConflictException.class)
                .hasMessageContaining(NUITS.uai().value());
        assertThat(a.sharenum.establishments().all(HOST)).isEqualTo(before);   // nothing applied, Carnot included

        assertThatThrownBy(() -> a.sharenum.establishments().apply(HOST, List.of(stale.get(0), stale.get(0))))
                .isInstanceOf(InvalidValueException.class);
        Member m = a.active("Marie Membre", CARNOT);
        assertThatThrownBy(() -> a.sharenum.establishments().apply(m.id(), List.of(stale.get(0))))
                .isInstanceOf(NotAllowedException.class);
        assertThat(a.sharenum.establishments().get(HOST, CARNOT.uai()).name()).isEqualTo(CARNOT.name());
    }
}

package fr.sharenum;

import fr.sharenum.model.Alert;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.QualifiedQuery;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.StoreTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several instances on one store (in memory, H2, PostgreSQL): what one instance writes, every other one matches and
 * counts — at once when it acts (it catches up with the change feed first), within a poll when it does nothing.
 */
class SeveralInstancesTest {
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

    private static List<MemberId> alerted(TicketNum t) {
        return t.alerts().stream().map(Alert::helper).toList();
    }

    private static TicketNum ask(Fixture f, Member requester) {
        return f.sharenum.tickets().open(requester.id(), fr.sharenum.TicketRequest.builder(CAPYTALE)
                .text("Démarrer Python en 2de avec Capytale").radiusKm(40).build());
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void a_helper_registered_through_one_instance_is_alerted_by_tickets_opened_through_another(Stores kind) {
        ShareNumStore store = kind.fresh().store();
        Fixture a = instance(store);
        Fixture b = instance(store);
        Member helper = a.active("Nadia Experte", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member requester = b.active("Rachel Requérante", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));

        TicketNum t = ask(b, requester);

        assertThat(alerted(t)).containsExactly(helper.id());
        assertThat(t.alerts().get(0).level()).isEqualTo(CompetenceLevel.EXPERIENCED);
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void demoted_suspended_and_erased_members_are_no_longer_matched_through_other_instances(Stores kind) {
        ShareNumStore store = kind.fresh().store();
        Fixture a = instance(store);
        Fixture b = instance(store);
        Member demoted = a.active("Damien Rétrogradé", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member suspended = a.active("Sophie Suspendue", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member erased = a.active("Éric Effacé", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member kept = a.active("Karine Gardée", NUITS, new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE));
        Member requester = b.active("Rachel Requérante", CARNOT);
        assertThat(alerted(ask(b, requester))).containsExactlyInAnyOrder(demoted.id(), suspended.id(), erased.id(), kept.id());

        a.sharenum.members().setSkill(demoted.id(), demoted.id(), demoted.version(), new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        a.sharenum.members().suspend(a.admin().id(), suspended.id(), "signalements répétés");
        a.sharenum.members().erase(erased.id(), erased.id());

        Member other = b.active("Rémi Requérant", CARNOT);
        TicketNum t = ask(b, other);
        assertThat(alerted(t)).containsExactly(kept.id());
        assertThat(t.alerts().get(0).level()).isEqualTo(CompetenceLevel.INTERMEDIATE);
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void an_idle_instance_follows_the_others_in_the_background_and_places_members_of_a_moved_establishment_anew(Stores kind) {
        ShareNumStore store = kind.fresh().store();
        Fixture a = instance(store);
        Fixture b = instance(store);
        var engineOfB = b.sharenum.matchingEngine(HOST);
        int before = engineOfB.size();
        Member helper = a.active("Nadia Experte", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));

        // nothing is called on b: its poller applies the change
        eventually(() -> engineOfB.size() == before + 1);

        GeoPoint newSite = GeoPoint.of(47.2000, 5.2000);
        Establishment moved = new Establishment(NUITS.uai(), NUITS.name(), NUITS.type(), NUITS.academie(), newSite,
                NUITS.communeCode());
        a.sharenum.establishments().put(HOST, moved);
        QualifiedQuery there = QualifiedQuery.within(newSite, 0.5, CAPYTALE, CompetenceLevel.NOVICE);
        eventually(() -> engineOfB.qualified(there).stream().anyMatch(m -> m.member().equals(helper.id())));
        assertThat(engineOfB.qualified(QualifiedQuery.within(NUITS.location(), 0.5, CAPYTALE, CompetenceLevel.NOVICE))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void indicators_agree_across_instances_and_with_an_instance_started_afterwards(Stores kind) {
        ShareNumStore store = kind.fresh().store();
        Fixture a = instance(store);
        Fixture b = instance(store);
        Member helper = a.active("Nadia Experte", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member requester = b.active("Rachel Requérante", CARNOT);
        TicketNum t = ask(b, requester);
        a.sharenum.tickets().offer(helper.id(), t.id(), "Je peux venir mardi.");
        b.sharenum.tickets().accept(requester.id(), t.id(), helper.id());
        a.sharenum.members().setSkill(helper.id(), helper.id(), a.sharenum.members().get(helper.id(), helper.id()).version(),
                new Skill(ToolId.of("pronote"), CompetenceLevel.INTERMEDIATE));

        Territory dijon = Territory.of(fr.sharenum.model.Academie.DIJON);
        YearMonth month = YearMonth.from(Fixture.START.atZone(java.time.ZoneOffset.UTC));
        String viaA = a.sharenum.indicators().report(a.admin().id(), dijon, month, month).toCsv();
        String viaB = b.sharenum.indicators().report(a.admin().id(), dijon, month, month).toCsv();
        String viaC = instance(store).sharenum.indicators().report(a.admin().id(), dijon, month, month).toCsv();

        assertThat(viaB).isEqualTo(viaA);
        assertThat(viaC).isEqualTo(viaA);
        assertThat(viaA).contains("tickets_opened;1").contains("share_with_helper;1.0000")
                .contains("members.capytale.experienced;1").contains("members.pronote.intermediate;1");
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void a_commit_whose_acknowledgement_was_lost_still_reaches_the_engine_through_the_feed(Stores kind) {
        ShareNumStore real = kind.fresh().store();
        // the acknowledgement is lost on the caller's thread only (the instance's poller reads the feed meanwhile)
        java.util.concurrent.atomic.AtomicReference<Thread> loseNextAck = new java.util.concurrent.atomic.AtomicReference<>();
        ShareNumStore flaky = new ShareNumStore() {
            @Override
            public <T> T inTransaction(Function<StoreTransaction, T> work) {
                T result = real.inTransaction(work);
                if (loseNextAck.compareAndSet(Thread.currentThread(), null)) {
                    throw new IllegalStateException("connection reset after COMMIT");
                }
                return result;
            }

            @Override
            public <T> T inSnapshot(Function<StoreTransaction, T> work) {
                return real.inSnapshot(work);
            }
        };
        Fixture a = instance(flaky);
        Member pending = a.pending("Nadia Experte", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        String token = a.tokenOf(pending);
        var engine = a.sharenum.matchingEngine(HOST);
        int before = engine.size();

        loseNextAck.set(Thread.currentThread());
        assertThatThrownBy(() -> a.sharenum.members().verify(fr.sharenum.model.Actor.anonymous(), pending.id(), token))
                .hasMessageContaining("after COMMIT");

        eventually(() -> engine.size() == before + 1);
    }

    /** Waits, up to 10 s, for a condition the feed's poller makes true (a liveness check, not a timing). */
    static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.Availability;
import fr.sharenum.model.Campaign;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.LimitExceededException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TimeRange;
import fr.sharenum.model.ToolId;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Blocks work both ways on every blockable step; every collection has a cap; resends are throttled; texts are clean. */
class BlocksAndCapsTest {
    private static final ToolId CAPYTALE = ToolId.of("capytale");

    /** The store this run uses; the nested subclasses run the same tests on H2 and PostgreSQL. */
    Stores store() {
        return Stores.MEMORY;
    }

    private final Fixture f = new Fixture(b -> b.store(store().fresh().store()));
    private final ShareNum sn = f.sharenum;
    private final Member claire = f.active("Claire", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
    private final Member karim = f.active("Karim", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member nadia = f.active("Nadia", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));

    private static void blocked(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(NotAllowedException.class).extracting("code").isIn("access.blocked", "access.denied");
    }

    @Test
    void a_block_after_contact_stops_accepting_messaging_registering_and_co_organising_both_ways() {
        TicketNum t = sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("aide").radiusKm(40).build());
        sn.tickets().offer(karim.id(), t.id(), "Je viens");
        sn.tickets().offer(nadia.id(), t.id(), "Moi aussi");
        Event karimsEvent = sn.events().create(karim.id(), EventRequest.direct().title("Atelier").tools(CAPYTALE)
                .start(Fixture.START.plus(Duration.ofDays(3))).duration(Duration.ofHours(2)).capacity(5)
                .atEstablishment(NUITS.uai()).coOrganisers(claire.id()).build());
        sn.events().confirm(karim.id(), karimsEvent.id());
        sn.agenda().publish(claire.id(), claire.id(), Availability.builder().weekly(DayOfWeek.WEDNESDAY, TimeRange.of("13:00", "17:00")).build());

        // Karim blocks Claire: she can neither accept his offer nor register to his event, nor accept his invitation
        sn.moderation().block(karim.id(), claire.id());
        assertThatThrownBy(() -> sn.tickets().accept(claire.id(), t.id(), karim.id())).extracting("code").isEqualTo("access.blocked");
        assertThatThrownBy(() -> sn.events().register(claire.id(), karimsEvent.id())).extracting("code").isEqualTo("access.blocked");
        assertThatThrownBy(() -> sn.events().acceptInvitation(claire.id(), karimsEvent.id())).extracting("code").isEqualTo("access.blocked");
        assertThatThrownBy(() -> sn.agenda().findCommonSlots(claire.id(), SlotQuery.of(Duration.ofHours(1), Fixture.START,
                Fixture.START.plus(Duration.ofDays(14))).members(claire.id(), karim.id()).build())).extracting("code").isEqualTo("access.blocked");
        // declining stays possible
        assertThat(sn.events().declineInvitation(claire.id(), karimsEvent.id()).isInvited(claire.id())).isFalse();
        sn.moderation().unblock(karim.id(), claire.id());

        // once they talk, a block from the requester stops the helper's messages, and hers
        sn.tickets().accept(claire.id(), t.id(), karim.id());
        sn.tickets().post(karim.id(), t.id(), "Bonjour");
        sn.moderation().block(claire.id(), karim.id());
        assertThatThrownBy(() -> sn.tickets().post(karim.id(), t.id(), "Tu es là ?")).extracting("code").isEqualTo("access.blocked");
        assertThatThrownBy(() -> sn.tickets().post(claire.id(), t.id(), "Non")).extracting("code").isEqualTo("access.blocked");
        assertThat(sn.tickets().conversation(claire.id(), t.id())).hasSize(1);
    }

    @Test
    void a_blocked_member_offers_on_nothing_of_the_blocker() {
        sn.moderation().block(claire.id(), nadia.id());
        TicketNum t = sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("aide").radiusKm(40).build());
        assertThat(t.alerts()).extracting(a -> a.helper()).containsExactly(karim.id());
        blocked(() -> sn.tickets().offer(nadia.id(), t.id(), "Je viens"));
        // and the other way: Nadia's block keeps her out of Claire's events and tickets
        Member paul = f.active("Paul", CARNOT, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Event paulsEvent = sn.events().create(paul.id(), EventRequest.direct().title("Atelier").tools(CAPYTALE)
                .start(Fixture.START.plus(Duration.ofDays(3))).duration(Duration.ofHours(2)).capacity(5)
                .atEstablishment(CARNOT.uai()).build());
        sn.events().confirm(paul.id(), paulsEvent.id());
        sn.moderation().block(paul.id(), nadia.id());
        blocked(() -> sn.events().register(nadia.id(), paulsEvent.id()));
    }

    @Test
    void every_collection_has_a_cap() {
        // caps are checked by core before anything is written, whatever the store: filling them once, in memory, is enough
        org.junit.jupiter.api.Assumptions.assumeTrue(store() == Stores.MEMORY, "caps are store-independent; run in memory");
        Set<Theme> themes = new LinkedHashSet<>();
        for (int i = 0; i < 51; i++) {
            themes.add(Theme.of("theme-" + i));
        }
        assertThatThrownBy(() -> sn.members().edit(claire.id(), claire.id(), claire.version(), m -> m.withInterests(Set.of(), themes)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("followedThemes");
        Theme[] many = themes.stream().limit(21).toArray(Theme[]::new);
        assertThatThrownBy(() -> sn.events().create(karim.id(), EventRequest.direct().title("x").tools(CAPYTALE).themes(many)
                .start(Fixture.START.plus(Duration.ofDays(3))).duration(Duration.ofHours(2)).capacity(5)
                .atEstablishment(NUITS.uai()).build())).isInstanceOf(InvalidValueException.class).hasMessageContaining("themes");

        for (int i = 0; i < AlertPreferences.MAX_BLOCKED; i++) {
            sn.moderation().block(claire.id(), f.active("Membre " + i, CARNOT).id());
        }
        Member oneMore = f.active("Un de trop", CARNOT);
        assertThatThrownBy(() -> sn.moderation().block(claire.id(), oneMore.id())).isInstanceOf(LimitExceededException.class);
        assertThat(sn.members().alertPreferences(claire.id(), claire.id()).blocked()).hasSize(AlertPreferences.MAX_BLOCKED);
    }

    @Test
    void a_conversation_holds_at_most_a_thousand_messages() {
        // caps are checked by core before anything is written, whatever the store: filling them once, in memory, is enough
        org.junit.jupiter.api.Assumptions.assumeTrue(store() == Stores.MEMORY, "caps are store-independent; run in memory");
        TicketNum t = sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("aide").radiusKm(40).build());
        sn.tickets().offer(karim.id(), t.id(), "Je viens");
        sn.tickets().accept(claire.id(), t.id(), karim.id());
        for (int i = 0; i < 1_000; i++) {
            sn.tickets().post(i % 2 == 0 ? claire.id() : karim.id(), t.id(), "message " + i);
        }
        assertThatThrownBy(() -> sn.tickets().post(claire.id(), t.id(), "un de trop")).isInstanceOf(LimitExceededException.class);
        assertThat(sn.tickets().conversation(claire.id(), t.id())).hasSize(1_000);
    }

    @Test
    void a_campaign_collects_at_most_two_thousand_concerns() {
        // caps are checked by core before anything is written, whatever the store: filling them once, in memory, is enough
        org.junit.jupiter.api.Assumptions.assumeTrue(store() == Stores.MEMORY, "caps are store-independent; run in memory");
        Campaign c = sn.campaigns().start(claire.id(), "Campagne");
        for (int i = 0; i < Campaign.MAX_CONCERNS; i++) {
            sn.campaigns().submitConcern(claire.id(), c.id(), Set.of(CAPYTALE), Set.of());
        }
        assertThatThrownBy(() -> sn.campaigns().submitConcern(claire.id(), c.id(), Set.of(CAPYTALE), Set.of()))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void verification_resends_are_throttled_per_member_and_per_address() {
        Member p = f.pending("Pat Pending", CARNOT);
        for (int i = 0; i < 3; i++) {
            sn.members().resendVerification(Actor.anonymous(), p.id());
        }
        assertThatThrownBy(() -> sn.members().resendVerification(Actor.anonymous(), p.id())).isInstanceOf(LimitExceededException.class);
        int sent = f.outbox.sentTo(p.id()).size();
        assertThat(sent).isEqualTo(4);   // the registration's and three resends
        for (int hour = 1; hour <= 3; hour++) {
            f.clock.advance(Duration.ofMinutes(61));
            for (int i = 0; i < 3 && f.outbox.sentTo(p.id()).size() < 11; i++) {
                sn.members().resendVerification(Actor.anonymous(), p.id());
            }
        }
        assertThat(f.outbox.sentTo(p.id())).hasSize(11);
        f.clock.advance(Duration.ofMinutes(61));
        assertThatThrownBy(() -> sn.members().resendVerification(Actor.anonymous(), p.id()))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("a day");
        f.clock.advance(Duration.ofDays(1));
        sn.members().resendVerification(Actor.anonymous(), p.id());
        assertThat(f.outbox.sentTo(p.id())).hasSize(12);
    }

    @Test
    void texts_with_control_characters_are_refused_naming_the_character() {
        assertThatThrownBy(() -> sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("aide\rATTENDEE:mailto:x@y.fr").build()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("U+000D").hasMessageContaining("retour chariot");
        assertThatThrownBy(() -> sn.events().create(karim.id(), EventRequest.direct().title("Atelier\u202Egnp.exe").tools(CAPYTALE)
                .start(Fixture.START.plus(Duration.ofDays(3))).duration(Duration.ofHours(2)).capacity(5)
                .atEstablishment(NUITS.uai()).build())).isInstanceOf(InvalidValueException.class).hasMessageContaining("U+202E");
        assertThatThrownBy(() -> sn.members().edit(claire.id(), claire.id(), claire.version(), m -> m.withDisplayName("Claire\u0000")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> sn.members().edit(claire.id(), claire.id(), claire.version(), m -> m.withDisplayName("Claire\nMartin")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("U+000A");
        // free texts keep their lines; a CR LF pair becomes a line feed
        TicketNum t = sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("Bonjour,\r\n\tmerci !").radiusKm(40).build());
        assertThat(t.text()).isEqualTo("Bonjour,\n\tmerci !");
        assertThat(MemberId.of("x")).isNotNull();
    }

    /** The same tests on H2. */
    static class OnH2 extends BlocksAndCapsTest {
        @Override
        Stores store() {
            return Stores.H2;
        }
    }

    /** The same tests on a real PostgreSQL (skipped when not installed). */
    static class OnPostgresql extends BlocksAndCapsTest {
        @Override
        Stores store() {
            return Stores.POSTGRESQL;
        }
    }
}

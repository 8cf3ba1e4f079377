package fr.sharenum;

import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.BadgeDefinition;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.Member;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Venue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;

/** Badges are awarded by the host's rules when events are held, once each. */
class BadgesTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");

    private Fixture f;
    private Member karim;

    private void world(Consumer<ShareNum.Builder> options) {
        f = new Fixture(options);
        karim = f.active("Karim", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        f.sharenum.busNum().add(Fixture.HOST, Bus.of(BusId.of("busnum-21"), "BusNum", CARNOT.location(), 80, Set.of(), 12));
    }

    private void holdWorkshop(int day, boolean onBus) {
        Instant start = Instant.parse("2026-12-01T09:00:00Z").plus(Duration.ofDays(day));
        EventRequest.Builder b = EventRequest.direct().title("Atelier " + day).tools(CAPYTALE).start(start)
                .duration(Duration.ofHours(2)).capacity(5).at(Venue.of(NUITS));
        if (onBus) {
            b.onBus(BusId.of("busnum-21"));
        }
        Event e = f.sharenum.events().create(karim.id(), b.build());
        f.sharenum.events().confirm(karim.id(), e.id());
        f.clock.advance(Duration.between(f.clock.instant(), start.plus(Duration.ofHours(2))));
        f.sharenum.events().markHeld(karim.id(), e.id());
    }

    @Test
    void the_default_rules_award_first_workshop_five_workshops_and_a_busnum_tour_once_each() {
        world(b -> { });
        holdWorkshop(0, true);
        assertThat(f.sharenum.members().badges(karim.id(), karim.id())).extracting(BadgeAward::badge).containsExactly("premier-atelier");

        for (int day = 1; day < 5; day++) {
            holdWorkshop(day, day < 3);
        }

        assertThat(f.sharenum.members().badges(karim.id(), karim.id())).extracting(BadgeAward::badge)
                .containsExactly("premier-atelier", "tournee-busnum", "cinq-ateliers");
        assertThat(f.sharenum.members().badges(karim.id(), karim.id()).get(0).evidence()).isNotNull();
    }

    @Test
    void hosts_write_their_own_rules_or_none() {
        BadgeDefinition participants = new BadgeDefinition("accueil", "Accueil", "A accueilli des collègues",
                "Au moins un atelier tenu");
        world(b -> b.badgeRules(List.of(BadgeRule.of(participants, r -> r.workshopsHeld() >= 2))));
        holdWorkshop(0, false);
        assertThat(f.sharenum.members().badges(karim.id(), karim.id())).isEmpty();
        holdWorkshop(1, false);
        assertThat(f.sharenum.members().badges(karim.id(), karim.id())).extracting(BadgeAward::badge).containsExactly("accueil");

        world(b -> b.badgeRules(List.of()));
        holdWorkshop(0, false);
        assertThat(f.sharenum.members().badges(karim.id(), karim.id())).isEmpty();
    }
}

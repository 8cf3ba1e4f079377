package fr.sharenum;

import fr.sharenum.model.Campaign;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.Member;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.Match;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An establishment campaign through its three stages, with its own indicators. */
class CampaignsTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final ToolId GEOGEBRA = ToolId.of("geogebra");

    private final Fixture f = new Fixture();
    private final Campaigns campaigns = f.sharenum.campaigns();
    private final Member head = f.withRole("Hélène Principale", CARNOT, Role.HEAD);
    private final Member referent = f.active("Romain Référent", CARNOT);
    private final Member t1 = f.active("Théo", CARNOT);
    private final Member t2 = f.active("Tina", CARNOT);
    private final Member t3 = f.active("Tom", CARNOT);
    private final Member expertNuits = f.active("Nadia", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member expertAuxonne = f.active("Alice", AUXONNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED),
            new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
    private final Member expertHere = f.active("Hugo ici", CARNOT, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));

    @Test
    void a_campaign_runs_its_three_stages_and_reports_its_indicators() {
        Campaign c = campaigns.start(head.id(), "Le numérique au service de l'oral");
        campaigns.addToTeam(head.id(), c.id(), referent.id());
        campaigns.submitConcern(t1.id(), c.id(), Set.of(CAPYTALE), Set.of());
        campaigns.submitConcern(t2.id(), c.id(), Set.of(CAPYTALE, GEOGEBRA), Set.of(Theme.of("oral")));
        campaigns.advance(referent.id(), c.id());

        Map<ToolId, List<Match>> proposals = campaigns.proposals(head.id(), c.id(), 40);
        assertThat(proposals.get(CAPYTALE)).extracting(Match::member).containsExactly(expertNuits.id(), expertAuxonne.id());
        assertThat(proposals.get(GEOGEBRA)).extracting(Match::member).containsExactly(expertAuxonne.id());

        Event workshop = f.sharenum.events().create(expertNuits.id(), EventRequest.direct().title("Capytale au collège")
                .tools(CAPYTALE).start(Instant.parse("2026-12-02T13:00:00Z")).duration(Duration.ofHours(2)).capacity(10)
                .atEstablishment(CARNOT.uai()).build());
        f.sharenum.events().confirm(expertNuits.id(), workshop.id());
        f.sharenum.events().register(t1.id(), workshop.id());
        f.sharenum.events().register(t3.id(), workshop.id());
        campaigns.linkWorkshop(head.id(), c.id(), workshop.id());
        campaigns.advance(head.id(), c.id());
        campaigns.startExperiment(t1.id(), c.id(), CAPYTALE);

        CampaignReport r = campaigns.report(Fixture.HOST, c.id());
        // teachers at Carnot: head, referent, t1, t2, t3, expertHere = 6
        assertThat(r).isEqualTo(new CampaignReport(6, 2, 2, 1));
        assertThat(r.shareTookPart()).isEqualTo(2.0 / 6);
        assertThat(campaigns.get(Fixture.HOST, c.id()).stage()).isEqualTo(Campaign.Stage.FOLLOW_UP);
    }

    @Test
    void stages_team_and_establishment_are_enforced_and_refusals_change_nothing() {
        Campaign c = campaigns.start(head.id(), "Campagne");
        assertThatThrownBy(() -> campaigns.advance(t1.id(), c.id())).isInstanceOf(NotAllowedException.class)
                .extracting("code").isEqualTo("access.denied");
        assertThatThrownBy(() -> campaigns.submitConcern(expertNuits.id(), c.id(), Set.of(CAPYTALE), Set.of()))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.denied");
        assertThatThrownBy(() -> campaigns.startExperiment(t1.id(), c.id(), CAPYTALE)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> campaigns.addToTeam(head.id(), c.id(), expertNuits.id())).isInstanceOf(NotAllowedException.class);
        assertThat(campaigns.get(Fixture.HOST, c.id())).isEqualTo(c);
        campaigns.advance(head.id(), c.id());
        assertThatThrownBy(() -> campaigns.submitConcern(t1.id(), c.id(), Set.of(CAPYTALE), Set.of()))
                .isInstanceOf(IllegalTransitionException.class);
        campaigns.advance(head.id(), c.id());
        campaigns.advance(head.id(), c.id());
        assertThatThrownBy(() -> campaigns.advance(head.id(), c.id())).isInstanceOf(IllegalTransitionException.class);
    }
}

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
        campaigns.addToTeam(c.id(), head.id(), referent.id());
        campaigns.submitConcern(c.id(), t1.id(), Set.of(CAPYTALE), Set.of());
        campaigns.submitConcern(c.id(), t2.id(), Set.of(CAPYTALE, GEOGEBRA), Set.of(Theme.of("oral")));
        campaigns.advance(c.id(), referent.id());

        Map<ToolId, List<Match>> proposals = campaigns.proposals(c.id(), head.id(), 40);
        assertThat(proposals.get(CAPYTALE)).extracting(Match::member).containsExactly(expertNuits.id(), expertAuxonne.id());
        assertThat(proposals.get(GEOGEBRA)).extracting(Match::member).containsExactly(expertAuxonne.id());

        Event workshop = f.sharenum.events().create(EventRequest.direct(expertNuits.id()).title("Capytale au collège")
                .tools(CAPYTALE).start(Instant.parse("2026-12-02T13:00:00Z")).duration(Duration.ofHours(2)).capacity(10)
                .atEstablishment(CARNOT.uai()).build());
        f.sharenum.events().confirm(workshop.id(), expertNuits.id());
        f.sharenum.events().register(workshop.id(), t1.id());
        f.sharenum.events().register(workshop.id(), t3.id());
        campaigns.linkWorkshop(c.id(), head.id(), workshop.id());
        campaigns.advance(c.id(), head.id());
        campaigns.startExperiment(c.id(), t1.id(), CAPYTALE);

        CampaignReport r = campaigns.report(c.id());
        // teachers at Carnot: head, referent, t1, t2, t3, expertHere = 6
        assertThat(r).isEqualTo(new CampaignReport(6, 2, 2, 1));
        assertThat(r.shareTookPart()).isEqualTo(2.0 / 6);
        assertThat(campaigns.get(c.id()).stage()).isEqualTo(Campaign.Stage.FOLLOW_UP);
    }

    @Test
    void stages_team_and_establishment_are_enforced_and_refusals_change_nothing() {
        Campaign c = campaigns.start(head.id(), "Campagne");
        assertThatThrownBy(() -> campaigns.advance(c.id(), t1.id())).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("project team");
        assertThatThrownBy(() -> campaigns.submitConcern(c.id(), expertNuits.id(), Set.of(CAPYTALE), Set.of()))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("does not work at");
        assertThatThrownBy(() -> campaigns.startExperiment(c.id(), t1.id(), CAPYTALE)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> campaigns.addToTeam(c.id(), head.id(), expertNuits.id())).isInstanceOf(NotAllowedException.class);
        assertThat(campaigns.get(c.id())).isEqualTo(c);
        campaigns.advance(c.id(), head.id());
        assertThatThrownBy(() -> campaigns.submitConcern(c.id(), t1.id(), Set.of(CAPYTALE), Set.of()))
                .isInstanceOf(IllegalTransitionException.class);
        campaigns.advance(c.id(), head.id());
        campaigns.advance(c.id(), head.id());
        assertThatThrownBy(() -> campaigns.advance(c.id(), head.id())).isInstanceOf(IllegalTransitionException.class);
    }
}

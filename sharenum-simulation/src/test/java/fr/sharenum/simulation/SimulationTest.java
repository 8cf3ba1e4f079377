package fr.sharenum.simulation;

import fr.sharenum.ImpactReport;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.ToolId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulation: its scenario file, its determinism, figures that hold together, its outputs. */
class SimulationTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void a_scenario_file_sets_defaults_and_overrides_and_refuses_typos() {
        List<Scenario> s = Scenario.parse(props("scenarios", "a, b", "default.members", "5000", "b.radiusKm", "15",
                "b.busesPerAcademie", "2"));
        assertThat(s).extracting(Scenario::name).containsExactly("a", "b");
        assertThat(s.get(0).members()).isEqualTo(5000);
        assertThat(s.get(0).radiusKm()).isEqualTo(30);
        assertThat(s.get(1).radiusKm()).isEqualTo(15);
        assertThat(s.get(1).busesPerAcademie()).isEqualTo(2);
        assertThatThrownBy(() -> Scenario.parse(props("scenarios", "a", "a.radius", "15")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.radius");
        assertThatThrownBy(() -> Scenario.parse(props("scenarios", "a", "c.radiusKm", "15")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scenario.parse(props("scenarios", "a", "a.offerProbability", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offerProbability");
        assertThatThrownBy(() -> Scenario.parse(props("scenarios", "a", "a.members", "beaucoup")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scenario.parse(props())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_shipped_scenario_file_reads() throws Exception {
        Path file = Path.of("scenarios/national.properties");
        assertThat(Scenario.read(file)).hasSizeGreaterThanOrEqualTo(4).allSatisfy(s -> assertThat(s.members()).isEqualTo(1_000_000));
    }

    @Test
    void a_seed_gives_the_same_year_and_the_figures_hold_together(@TempDir Path out) throws Exception {
        List<Scenario> scenarios = Scenario.parse(props("scenarios", "base,bus", "default.members", "3000",
                "default.needsPerMember", "0.3", "bus.busesPerAcademie", "1", "bus.busShare", "1"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        List<Simulation.Result> first = Main.run(scenarios, out.resolve("one"), quiet);
        List<Simulation.Result> again = Main.run(scenarios, out.resolve("two"), quiet);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).national().toCsv()).isEqualTo(first.get(i).national().toCsv());
            assertThat(again.get(i).impact().toCsv()).isEqualTo(first.get(i).impact().toCsv());
            // and the same actions, refusals and notifications, by kind (reminders at simulated times, not on a poller)
            assertThat(again.get(i).counts()).isEqualTo(first.get(i).counts());
        }
        Simulation.Result base = first.get(0);
        assertThat(base.national().ticketsOpened()).isPositive();
        assertThat(base.national().eventsHeld()).isPositive();
        assertThat(base.counts().get("reminders")).isPositive();
        assertThat(base.counts()).containsKey("notifications.EventInvitation.ANNOUNCED");
        assertThat(base.impact().attended() + base.impact().noShows()).isEqualTo(base.impact().registeredAtMarkedEvents());
        assertThat(first.get(1).national().busNumDays()).isPositive();
        assertThat(base.national().busNumDays()).isZero();
        // every member counted at the end is one counted at the start plus the flows of the year
        ImpactReport impact = base.impact();
        for (Map.Entry<ToolId, int[]> e : impact.membersAtEnd().entrySet()) {
            for (CompetenceLevel l : CompetenceLevel.values()) {
                int in = 0;
                int outFlow = 0;
                for (ImpactReport.LevelFlow f : impact.flows()) {
                    if (f.tool().equals(e.getKey()) && f.to() == l) {
                        in += f.members();
                    }
                    if (f.tool().equals(e.getKey()) && f.from() == l) {
                        outFlow += f.members();
                    }
                }
                assertThat(e.getValue()[l.ordinal()]).isEqualTo(impact.membersAtStart(e.getKey(), l) + in - outFlow);
            }
        }
        assertThat(Files.readString(out.resolve("one/comparison.csv"))).startsWith("indicator;base;bus\n")
                .contains("tickets opened;" + base.national().ticketsOpened() + ";");
        for (String png : List.of("outcomes.png", "delays.png", "progression.png", "monthly-helped.png")) {
            assertThat(Files.size(out.resolve("one").resolve(png))).as(png).isPositive();
        }
        for (Function<Simulation.Result, Object> row : Main.rows().values()) {
            assertThat(row.apply(base)).isNotNull();
        }
    }

    @Test
    void without_the_open_data_synthetic_establishments_stand_in() {
        var list = France.synthetic(7, 500);
        assertThat(list).hasSize(500).allSatisfy(e -> assertThat(e.academie()).isNotNull());
        assertThat(France.synthetic(7, 500)).isEqualTo(list);
    }
}

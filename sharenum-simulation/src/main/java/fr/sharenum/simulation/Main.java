package fr.sharenum.simulation;

import fr.sharenum.ImpactReport;
import fr.sharenum.IndicatorReport;
import fr.sharenum.model.CompetenceLevel;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the scenarios of a file and writes their comparison: {@code comparison.csv} and {@code comparison.md}
 * (one column per scenario), each scenario's indicators ({@code <scenario>/indicators.csv}, {@code impact.csv}) and
 * plots ({@code *.png}, XChart).
 *
 * <pre>
 * ./mvnw -q -pl sharenum-simulation -am compile exec:java -Dexec.args="--scenarios sharenum-simulation/scenarios/national.properties --out target/simulation"
 * </pre>
 *
 * Options: {@code --scenarios file} (required), {@code --out dir} (default {@code target/simulation}),
 * {@code --members n} (every scenario at that size: a quick run).
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command.
     *
     * @param args the options
     * @throws IOException when the scenario file cannot be read or the results written
     */
    public static void main(String[] args) throws IOException {
        // ical4j warns on every invitation to a venue west of Greenwich (its GEO check takes no minus sign): quiet
        System.setProperty("org.slf4j.simpleLogger.log.net.fortuna.ical4j", "error");
        System.setProperty("org.slf4j.simpleLogger.log.fr.sharenum", "warn");
        Path file = null;
        Path out = Path.of("target/simulation");
        Integer members = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scenarios" -> file = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--members" -> members = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--scenarios file, --out dir, --members n)");
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("--scenarios file is required");
        }
        List<Scenario> scenarios = Scenario.read(file);
        if (members != null) {
            int n = members;
            scenarios = scenarios.stream().map(sc -> sc.withMembers(n)).toList();
        }
        run(scenarios, out, System.out);
    }

    /**
     * Runs scenarios and writes their comparison.
     *
     * @param scenarios the scenarios
     * @param out       where to write
     * @param log       where to tell progress
     * @return the results, in order
     * @throws IOException when the results cannot be written
     */
    static List<Simulation.Result> run(List<Scenario> scenarios, Path out, PrintStream log) throws IOException {
        Files.createDirectories(out);
        List<Simulation.Result> results = new ArrayList<>();
        Map<Long, France.Establishments> places = new LinkedHashMap<>();
        for (Scenario sc : scenarios) {
            France.Establishments est = places.computeIfAbsent(sc.seed(), France::load);
            Simulation.Result result = new Simulation(sc, est, log).run();
            results.add(result);
            Path dir = out.resolve(sc.name());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("indicators.csv"), result.national().toCsv(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("impact.csv"), result.impact().toCsv(), StandardCharsets.UTF_8);
        }
        write(results, out);
        log.println("simulation: results in " + out.toAbsolutePath().normalize());
        return results;
    }

    /** The rows of the comparison: a name and how to read it from a result. */
    static Map<String, Function<Simulation.Result, Object>> rows() {
        Map<String, Function<Simulation.Result, Object>> rows = new LinkedHashMap<>();
        rows.put("establishments", Simulation.Result::establishments);
        rows.put("members", Simulation.Result::members);
        rows.put("tickets opened", r -> r.national().ticketsOpened());
        rows.put("share shown a training", r -> r.national().shareShownTraining());
        rows.put("trainings chosen instead", r -> r.counts().getOrDefault("trainings.chosen", 0L));
        rows.put("share with an offer", r -> r.national().shareWithOffer());
        rows.put("share with a helper", r -> r.national().shareWithHelper());
        rows.put("share leading to an event", r -> r.national().shareWithEvent());
        rows.put("median minutes to offer", r -> r.national().medianMinutesToOffer());
        rows.put("p90 minutes to offer", r -> r.impact().minutesToOffer().quantile(0.9));
        rows.put("median minutes to helper", r -> r.national().medianMinutesToHelper());
        rows.put("unmet tickets", r -> r.national().unmetDemandByTool().values().stream().mapToInt(Integer::intValue).sum());
        rows.put("alerts", r -> r.impact().alerts());
        rows.put("busiest tenth's share of alerts", r -> r.national().busiestTenthAlertShare());
        rows.put("active helpers", r -> r.impact().activeHelpers());
        rows.put("events held", r -> r.national().eventsHeld());
        rows.put("BusNum days", r -> r.national().busNumDays());
        rows.put("BusNum km", r -> Math.round(r.national().busNumKm()));
        rows.put("registrations", r -> r.national().registrations());
        rows.put("attended", r -> r.impact().attended());
        rows.put("no-shows", r -> r.impact().noShows());
        rows.put("attended hours", r -> Math.round(r.impact().attendedHours()));
        rows.put("training hours", r -> Math.round(r.impact().trainingHours()));
        rows.put("needs met by a training", r -> r.impact().needsByTool().values().stream().mapToInt(ImpactReport.Needs::metByTraining).sum());
        rows.put("needs met by a peer", r -> r.impact().needsByTool().values().stream().mapToInt(ImpactReport.Needs::metByPeer).sum());
        rows.put("novice to intermediate", r -> flows(r.impact(), CompetenceLevel.NOVICE, CompetenceLevel.INTERMEDIATE));
        rows.put("intermediate to ex-pair", r -> flows(r.impact(), CompetenceLevel.INTERMEDIATE, CompetenceLevel.EXPERIENCED));
        rows.put("PIX certifications", r -> r.impact().pixCertifications());
        rows.put("badges awarded", r -> r.impact().badgesAwarded().values().stream().mapToInt(Integer::intValue).sum());
        rows.put("mean usefulness", r -> r.national().meanUsefulness());
        rows.put("event announcements sent", r -> r.counts().getOrDefault("notifications.EventInvitation.ANNOUNCED", 0L));
        rows.put("notifications sent", r -> r.counts().entrySet().stream().filter(e -> e.getKey().startsWith("notifications."))
                .mapToLong(Map.Entry::getValue).sum());
        rows.put("setup seconds", r -> Math.round(r.setupSeconds()));
        rows.put("year seconds", r -> Math.round(r.yearSeconds()));
        rows.put("setup CPU seconds", r -> Math.round(r.setupCpuSeconds()));
        rows.put("year CPU seconds", r -> Math.round(r.yearCpuSeconds()));
        return rows;
    }

    static int flows(ImpactReport impact, CompetenceLevel from, CompetenceLevel to) {
        return impact.flows().stream().filter(f -> f.from() == from && f.to() == to).mapToInt(ImpactReport.LevelFlow::members).sum();
    }

    private static String format(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(v);
    }

    private static void write(List<Simulation.Result> results, Path out) throws IOException {
        StringBuilder csv = new StringBuilder("indicator");
        StringBuilder md = new StringBuilder("| indicator |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Simulation.Result r : results) {
            csv.append(';').append(r.scenario().name());
            md.append(' ').append(r.scenario().name()).append(" |");
            rule.append("---:|");
        }
        csv.append('\n');
        md.append('\n').append(rule).append('\n');
        for (Map.Entry<String, Function<Simulation.Result, Object>> row : rows().entrySet()) {
            csv.append(row.getKey());
            md.append("| ").append(row.getKey()).append(" |");
            for (Simulation.Result r : results) {
                String v = format(row.getValue().apply(r));
                csv.append(';').append(v);
                md.append(' ').append(v).append(" |");
            }
            csv.append('\n');
            md.append('\n');
        }
        Files.writeString(out.resolve("comparison.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("comparison.md"), md, StandardCharsets.UTF_8);
        plots(results, out);
    }

    private static void plots(List<Simulation.Result> results, Path out) throws IOException {
        List<String> names = results.stream().map(r -> r.scenario().name()).toList();
        CategoryChart shares = new CategoryChartBuilder().width(900).height(500).title("Demandes : issue")
                .xAxisTitle("scénario").yAxisTitle("part des demandes").build();
        shares.addSeries("avec une offre", names, results.stream().map(r -> (Number) r.national().shareWithOffer()).toList());
        shares.addSeries("avec un aidant", names, results.stream().map(r -> (Number) r.national().shareWithHelper()).toList());
        shares.addSeries("avec un atelier", names, results.stream().map(r -> (Number) r.national().shareWithEvent()).toList());
        BitmapEncoder.saveBitmap(shares, out.resolve("outcomes").toString(), BitmapEncoder.BitmapFormat.PNG);

        CategoryChart delays = new CategoryChartBuilder().width(900).height(500).title("Délai jusqu'à la première offre")
                .xAxisTitle("scénario").yAxisTitle("minutes").build();
        for (int p : new int[] {25, 50, 75, 90}) {
            delays.addSeries("p" + p, names, results.stream().map(r -> {
                Long v = r.impact().minutesToOffer().quantile(p / 100.0);
                return (Number) (v == null ? 0 : v);
            }).toList());
        }
        BitmapEncoder.saveBitmap(delays, out.resolve("delays").toString(), BitmapEncoder.BitmapFormat.PNG);

        CategoryChart progression = new CategoryChartBuilder().width(900).height(500).title("Progression sur l'année")
                .xAxisTitle("scénario").yAxisTitle("changements de niveau").build();
        progression.addSeries("novice → intermédiaire", names, results.stream()
                .map(r -> (Number) flows(r.impact(), CompetenceLevel.NOVICE, CompetenceLevel.INTERMEDIATE)).toList());
        progression.addSeries("intermédiaire → ex-pair", names, results.stream()
                .map(r -> (Number) flows(r.impact(), CompetenceLevel.INTERMEDIATE, CompetenceLevel.EXPERIENCED)).toList());
        BitmapEncoder.saveBitmap(progression, out.resolve("progression").toString(), BitmapEncoder.BitmapFormat.PNG);

        XYChart monthly = new XYChartBuilder().width(900).height(500).title("Part des demandes avec un aidant, par mois")
                .xAxisTitle("mois (1 = septembre)").yAxisTitle("part").build();
        for (Simulation.Result r : results) {
            List<Integer> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            int i = 1;
            for (Map.Entry<YearMonth, IndicatorReport> m : r.monthly().entrySet()) {
                x.add(i++);
                y.add(m.getValue().shareWithHelper());
            }
            monthly.addSeries(r.scenario().name(), x, y);
        }
        BitmapEncoder.saveBitmap(monthly, out.resolve("monthly-helped").toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}

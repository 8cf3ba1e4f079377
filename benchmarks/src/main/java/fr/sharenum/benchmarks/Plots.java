package fr.sharenum.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * PNG plots drawn with XChart from the JMH results: query latency against the radius (one line per
 * engine and kind of tool), against the number of members when the results hold several, and the
 * stability run (every measured iteration in order). A plot is drawn only when its data are there.
 */
final class Plots {

    /** One matching configuration. */
    record Key(String engine, String query, int members, double radiusKm) {
    }

    private Plots() {
    }

    static void write(Map<Key, Double> latency, Path dir, StringBuilder md) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> lines = new ArrayList<>();
        int largest = latency.keySet().stream().mapToInt(Key::members).max().orElse(0);
        XYChart byRadius = chart(String.format(Locale.ROOT, "Qualified query, %,d members: latency against radius", largest),
                "radius (km)", false);
        boolean any = false;
        for (String engine : Peers.ALL) {
            for (String query : List.of(Queries.COMMON, Queries.RARE)) {
                TreeMap<Double, Double> points = new TreeMap<>();
                latency.forEach((k, v) -> {
                    if (k.engine().equals(engine) && k.query().equals(query) && k.members() == largest) {
                        points.put(k.radiusKm(), v);
                    }
                });
                if (points.size() >= 2) {
                    add(byRadius, engine + " (" + query + ")", new ArrayList<>(points.keySet()), new ArrayList<>(points.values()));
                    any = true;
                }
            }
        }
        if (any) {
            BitmapEncoder.saveBitmap(byRadius, dir.resolve("latency-vs-radius").toString(), BitmapEncoder.BitmapFormat.PNG);
            lines.add("![latency against radius](results/latency-vs-radius.png)");
        }
        XYChart byMembers = chart("Qualified query at 30 km: latency against members", "members", true);
        any = false;
        for (String engine : Peers.ALL) {
            for (String query : List.of(Queries.COMMON, Queries.RARE)) {
                TreeMap<Integer, Double> points = new TreeMap<>();
                latency.forEach((k, v) -> {
                    if (k.engine().equals(engine) && k.query().equals(query) && k.radiusKm() == 30) {
                        points.put(k.members(), v);
                    }
                });
                if (points.size() >= 2) {
                    add(byMembers, engine + " (" + query + ")", points.keySet().stream().map(Integer::doubleValue).toList(),
                            new ArrayList<>(points.values()));
                    any = true;
                }
            }
        }
        if (any) {
            BitmapEncoder.saveBitmap(byMembers, dir.resolve("latency-vs-members").toString(), BitmapEncoder.BitmapFormat.PNG);
            lines.add("![latency against members](results/latency-vs-members.png)");
        }
        if (!lines.isEmpty()) {
            md.append("\n### Plots\n\n");
            lines.forEach(l -> md.append(l).append("\n\n"));
        }
    }

    /**
     * The stability run: each configuration's measured iterations in order, fork after fork, with a
     * table of the first and last iterations.
     */
    static void stability(List<JsonNode> runs, Path dir, StringBuilder md) throws IOException {
        if (runs.isEmpty()) {
            return;
        }
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(480).title("Stability: every measured iteration, in order")
                .xAxisTitle("seconds into the measurement").yAxisTitle("µs per query").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        md.append("\n### Stability run (every iteration of one long JMH run: no slowdown over time)\n\n")
                .append("| configuration | iterations × seconds | first 5 (µs) | last 5 (µs) | last / first | slowest iteration | allocation per query |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (JsonNode r : runs) {
            String name = Report.param(r, "engine") + ", " + Report.param(r, "radiusKm") + " km, " + Report.param(r, "query");
            List<Double> all = new ArrayList<>();
            for (JsonNode fork : r.path("primaryMetric").path("rawData")) {
                fork.forEach(v -> all.add(v.asDouble()));
            }
            if (all.size() < 10) {
                continue;
            }
            double seconds = parseSeconds(r.path("measurementTime").asText());
            List<Double> x = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                x.add((i + 1) * seconds);
            }
            chart.addSeries(name, x, all).setMarker(SeriesMarkers.NONE);
            double first = all.subList(0, 5).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double last = all.subList(all.size() - 5, all.size()).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double worst = all.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
            md.append(String.format(Locale.ROOT, "| %s | %d × %.0f s | %s | %s | %.2f | %s | %s |%n", name, all.size(), seconds,
                    Report.num(first), Report.num(last), last / first, Report.num(worst),
                    alloc.isMissingNode() ? "–" : Report.num(alloc.path("score").asDouble()) + " B"));
        }
        BitmapEncoder.saveBitmap(chart, dir.resolve("stability").toString(), BitmapEncoder.BitmapFormat.PNG);
        md.append("\n![stability](results/stability.png)\n");
    }

    private static double parseSeconds(String jmhTime) {
        String t = jmhTime.trim();
        if (t.endsWith(" s")) {
            return Double.parseDouble(t.substring(0, t.length() - 2));
        }
        if (t.endsWith(" ms")) {
            return Double.parseDouble(t.substring(0, t.length() - 3)) / 1000;
        }
        return 1;
    }

    private static XYChart chart(String title, String xTitle, boolean logX) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle)
                .yAxisTitle("µs per query (log)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setDecimalPattern("#,###");
        return chart;
    }

    private static void add(XYChart chart, String series, List<Double> x, List<Double> y) {
        chart.addSeries(series, x, y).setMarker(SeriesMarkers.CIRCLE);
    }
}

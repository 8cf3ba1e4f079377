package fr.sharenum.benchmarks;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PNG plots of query latency (median over the four query kinds) against the number of members and
 * against the radius, one line per engine, drawn with XChart from the JMH results. A plot is drawn
 * only when the results hold at least two points on its axis (run {@code benchmarks/run.sh scaling}).
 */
final class Plots {

    /** One matching configuration. */
    record Key(String engine, int members, double radiusKm) {
    }

    private Plots() {
    }

    static void write(Map<Key, Double> medians, Path dir, StringBuilder md) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> lines = new ArrayList<>();
        XYChart byMembers = chart("Qualified query at 30 km: latency against members (median of the 4 query kinds)",
                "members", true);
        boolean any = false;
        for (String engine : Report.engines()) {
            TreeMap<Integer, Double> points = new TreeMap<>();
            medians.forEach((k, v) -> {
                if (k.engine().equals(engine) && k.radiusKm() == 30) {
                    points.put(k.members(), v);
                }
            });
            if (points.size() >= 2) {
                add(byMembers, engine, new ArrayList<>(points.keySet()).stream().map(Integer::doubleValue).toList(),
                        new ArrayList<>(points.values()));
                any = true;
            }
        }
        if (any) {
            BitmapEncoder.saveBitmap(byMembers, dir.resolve("latency-vs-members").toString(), BitmapEncoder.BitmapFormat.PNG);
            lines.add("![latency against members](results/latency-vs-members.png)");
        }
        int largest = medians.keySet().stream().mapToInt(Key::members).max().orElse(0);
        XYChart byRadius = chart("Qualified query, " + String.format("%,d", largest)
                + " members: latency against radius (median of the 4 query kinds)", "radius (km)", false);
        any = false;
        for (String engine : Report.engines()) {
            TreeMap<Double, Double> points = new TreeMap<>();
            medians.forEach((k, v) -> {
                if (k.engine().equals(engine) && k.members() == largest) {
                    points.put(k.radiusKm(), v);
                }
            });
            if (points.size() >= 2) {
                add(byRadius, engine, new ArrayList<>(points.keySet()), new ArrayList<>(points.values()));
                any = true;
            }
        }
        if (any) {
            BitmapEncoder.saveBitmap(byRadius, dir.resolve("latency-vs-radius").toString(), BitmapEncoder.BitmapFormat.PNG);
            lines.add("![latency against radius](results/latency-vs-radius.png)");
        }
        if (!lines.isEmpty()) {
            md.append("\n### Plots\n\n");
            lines.forEach(l -> md.append(l).append("\n\n"));
        }
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

    private static void add(XYChart chart, String engine, List<Double> x, List<Double> y) {
        chart.addSeries(engine, x, y).setMarker(SeriesMarkers.CIRCLE);
    }
}

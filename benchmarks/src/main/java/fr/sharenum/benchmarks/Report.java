package fr.sharenum.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the JMH JSON results in {@code benchmarks/results/} into the markdown tables of
 * {@code benchmarks/README.md} (between the {@code <!-- results -->} markers) — never typed by hand.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar fr.sharenum.benchmarks.Report benchmarks}
 */
public final class Report {

    private static final List<String> ENGINES = List.of("sharenum", "sharenum-nocache", "strtree", "hprtree", "rtree2",
            "lucene", "h3", "scan");
    private static final String BASELINE = "sharenum-nocache";

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks");
        Path results = dir.resolve("results");
        List<JsonNode> runs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = json.readTree(f.toFile());
                if (root.isArray()) {
                    root.forEach(runs::add);
                }
            }
        }
        StringBuilder md = new StringBuilder();
        matching(runs, hits(results), md);
        Plots.write(medians(runs), results, md);
        simple(runs, md, "BuildBenchmark.build", "Full build of the geo engine (`upsertAll` into an empty engine)");
        update(runs, md);
        simple(runs, md, "FanOutBenchmark.fanOut", "Event broadcast fan-out (followers of the tool or theme within 30 km)");
        simple(runs, md, "IndicatorsBenchmark.everyAcademieOverAYear",
                "Every académie's indicators over a school year (60,000 tickets of national activity)");
        memory(results, json, md);
        Path readme = dir.resolve("README.md");
        String text = Files.readString(readme);
        String begin = "<!-- results -->";
        String end = "<!-- /results -->";
        int a = text.indexOf(begin);
        int b = text.indexOf(end);
        if (a < 0 || b < a) {
            throw new IllegalStateException(readme + " has no " + begin + " … " + end + " section");
        }
        Files.writeString(readme, text.substring(0, a + begin.length()) + "\n" + md + text.substring(b));
        System.out.println("wrote " + readme);
    }

    /** Where {@link MatchingBenchmark} notes the hits per query of each configuration it verified. */
    static final String HITS_FILE = "hits.csv";

    /** Appends one configuration's mean hits per query to {@code benchmarks/results/hits.csv} (best effort). */
    static synchronized void recordHits(String dataset, int members, double radiusKm, String query, double hitsPerQuery) {
        Path file = Path.of(System.getProperty("sharenum.results", "benchmarks/results"), HITS_FILE);
        try {
            if (Files.isDirectory(file.getParent())) {
                Files.writeString(file, String.format(Locale.ROOT, "%s;%d;%s;%s;%.1f%n", dataset, members,
                        radiusKey(radiusKm), query, hitsPerQuery), java.nio.charset.StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            System.err.println("could not record hits in " + file + ": " + e.getMessage());
        }
    }

    private static String radiusKey(double km) {
        return km == Math.rint(km) ? String.valueOf((long) km) : String.valueOf(km);
    }

    /** Hits per query by "dataset;members;radius;query", the last recorded winning. */
    private static Map<String, String> hits(Path results) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Path f = results.resolve(HITS_FILE);
        if (Files.exists(f)) {
            for (String line : Files.readAllLines(f)) {
                int last = line.lastIndexOf(';');
                if (last > 0) {
                    out.put(line.substring(0, last), line.substring(last + 1));
                }
            }
        }
        return out;
    }

    private static String hitCount(String recorded) {
        return recorded == null ? "–" : num(Double.parseDouble(recorded));
    }

    private static String param(JsonNode run, String name) {
        JsonNode p = run.path("params").path(name);
        return p.isMissingNode() ? "" : p.asText();
    }

    private static void matching(List<JsonNode> runs, Map<String, String> hits, StringBuilder md) {
        Map<String, Map<String, Map<String, JsonNode>>> bySize = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (JsonNode r : runs) {
            if (r.path("benchmark").asText().endsWith("MatchingBenchmark.query")) {
                String dataset = param(r, "dataset").isEmpty() ? "synthetic" : param(r, "dataset");
                String key = (dataset.equals("synthetic") ? "" : "real establishments (" + dataset + "), ")
                        + param(r, "members") + " members, " + param(r, "radiusKm") + " km";
                keys.put(key, dataset + ";" + param(r, "members") + ";" + radiusKey(Double.parseDouble(param(r, "radiusKm"))));
                bySize.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(param(r, "query"), k -> new LinkedHashMap<>())
                        .put(param(r, "engine"), r);
            }
        }
        for (var size : bySize.entrySet()) {
            md.append("\n### Qualified query, ").append(size.getKey()).append(" (µs per query, mean ± 99.9 % error; ×: time relative to ")
                    .append(BASELINE).append(")\n\n| query | hits per query | ");
            ENGINES.forEach(e -> md.append(e).append(" | "));
            md.append("\n|---|---|");
            ENGINES.forEach(e -> md.append("---|"));
            md.append('\n');
            Map<String, List<Double>> perEngine = new LinkedHashMap<>();
            for (var kind : size.getValue().entrySet()) {
                JsonNode base = kind.getValue().get(BASELINE);
                double baseScore = base == null ? Double.NaN : base.path("primaryMetric").path("score").asDouble();
                md.append("| ").append(kind.getKey()).append(" | ")
                        .append(hitCount(hits.get(keys.get(size.getKey()) + ";" + kind.getKey()))).append(" | ");
                for (String e : ENGINES) {
                    JsonNode r = kind.getValue().get(e);
                    if (r == null) {
                        md.append("– | ");
                        continue;
                    }
                    double score = r.path("primaryMetric").path("score").asDouble();
                    double err = r.path("primaryMetric").path("scoreError").asDouble();
                    perEngine.computeIfAbsent(e, k -> new ArrayList<>()).add(score);
                    md.append(String.format(Locale.ROOT, "%s ± %s (×%.1f) | ", num(score), num(err), score / baseScore));
                }
                md.append('\n');
            }
            double baseMedian = median(perEngine.getOrDefault(BASELINE, List.of()));
            md.append("| **median of the kinds** | | ");
            for (String e : ENGINES) {
                double m = median(perEngine.getOrDefault(e, List.of()));
                md.append(Double.isNaN(m) ? "– | " : String.format(Locale.ROOT, "**%s** (×%.1f) | ", num(m), m / baseMedian));
            }
            md.append("\n| queries per second, one thread (10⁶ / median) | | ");
            for (String e : ENGINES) {
                double m = median(perEngine.getOrDefault(e, List.of()));
                md.append(Double.isNaN(m) ? "– | " : num(1e6 / m) + " | ");
            }
            md.append('\n');
        }
    }

    /** Median over the query kinds of each (engine, members, radius), in µs. */
    static Map<Plots.Key, Double> medians(List<JsonNode> runs) {
        Map<Plots.Key, List<Double>> scores = new LinkedHashMap<>();
        for (JsonNode r : runs) {
            boolean synthetic = param(r, "dataset").isEmpty() || param(r, "dataset").equals("synthetic");
            if (synthetic && r.path("benchmark").asText().endsWith("MatchingBenchmark.query")) {
                scores.computeIfAbsent(new Plots.Key(param(r, "engine"), Integer.parseInt(param(r, "members")),
                        Double.parseDouble(param(r, "radiusKm"))), k -> new ArrayList<>())
                        .add(r.path("primaryMetric").path("score").asDouble());
            }
        }
        Map<Plots.Key, Double> out = new LinkedHashMap<>();
        scores.forEach((k, v) -> {
            if (v.size() == 4) {
                out.put(k, median(v));
            }
        });
        return out;
    }

    static List<String> engines() {
        return ENGINES;
    }

    private static void simple(List<JsonNode> runs, StringBuilder md, String benchmark, String title) {
        List<JsonNode> matching = runs.stream().filter(r -> r.path("benchmark").asText().endsWith(benchmark)).toList();
        if (matching.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append("\n\n| members | score | unit |\n|---|---|---|\n");
        for (JsonNode r : matching) {
            JsonNode m = r.path("primaryMetric");
            md.append("| ").append(param(r, "members")).append(" | ").append(num(m.path("score").asDouble())).append(" ± ")
                    .append(num(m.path("scoreError").asDouble())).append(" | ").append(m.path("scoreUnit").asText()).append(" |\n");
        }
    }

    private static void update(List<JsonNode> runs, StringBuilder md) {
        List<JsonNode> matching = runs.stream().filter(r -> r.path("benchmark").asText().endsWith("UpdateBenchmark.mixed")).toList();
        if (matching.isEmpty()) {
            return;
        }
        md.append("\n### Level changes while another thread queries (one updater, one querier)\n\n")
                .append("| members | level changes | concurrent 30 km queries | unit |\n|---|---|---|---|\n");
        for (JsonNode r : matching) {
            JsonNode sec = r.path("secondaryMetrics");
            JsonNode up = sec.path("levelChange");
            JsonNode q = sec.path("query");
            md.append("| ").append(param(r, "members")).append(" | ").append(num(up.path("score").asDouble())).append(" ± ")
                    .append(num(up.path("scoreError").asDouble())).append(" | ").append(num(q.path("score").asDouble()))
                    .append(" ± ").append(num(q.path("scoreError").asDouble())).append(" | ").append(up.path("scoreUnit").asText())
                    .append(" |\n");
        }
    }

    private static void memory(Path results, ObjectMapper json, StringBuilder md) throws IOException {
        Path f = results.resolve("memory-1m.json");
        if (!Files.exists(f)) {
            return;
        }
        JsonNode m = json.readTree(f.toFile());
        double bytes = m.path("engineBytes").asDouble();
        md.append("\n### Index memory (heap after GC, engine built on top of the candidates)\n\n")
                .append("| members | sites | skill entries | of which ≥ INTERMEDIATE | engine bytes | bytes per entry | bytes per ≥ INTERMEDIATE entry |\n")
                .append("|---|---|---|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %s | %.1f | %.1f |%n", m.path("members").asLong(),
                        m.path("sites").asLong(), m.path("skillEntries").asLong(), m.path("qualifiedEntries").asLong(),
                        num(bytes), bytes / m.path("skillEntries").asDouble(), bytes / m.path("qualifiedEntries").asDouble()));
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> v = new ArrayList<>(values);
        v.sort(Double::compare);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v >= 1) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}

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
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns the JMH JSON results in {@code benchmarks/results/} into the markdown tables of
 * {@code benchmarks/README.md} (between the {@code <!-- results -->} markers) — never typed by hand:
 * the matching tables (time, ratio to the per-tool index, allocation per query from JMH's GC
 * profiler), the plots, the stability run, build time and retained heap per peer, updates, fan-out.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar fr.sharenum.benchmarks.Report benchmarks}
 */
public final class Report {

    /** The bar every ratio is taken against. */
    static final String BASELINE = "per-tool";
    private static final String ALLOC = "gc.alloc.rate.norm";

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks");
        Path results = dir.resolve("results");
        List<JsonNode> runs = new ArrayList<>();
        List<JsonNode> stability = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = json.readTree(f.toFile());
                if (root.isArray()) {
                    root.forEach(f.getFileName().toString().startsWith("stability") ? stability::add : runs::add);
                }
            }
        }
        StringBuilder md = new StringBuilder();
        matching(runs, hits(results), md);
        Plots.write(medians(runs), results, md);
        Plots.stability(stability, results, md);
        costModel(results, json, md);
        footprint(results, json, md);
        simple(runs, md, "BuildBenchmark", "Build of the index over every member, one shot per iteration (`BuildBenchmark`)");
        update(runs, md);
        simple(runs, md, "FanOutBenchmark.fanOut", "Event broadcast fan-out (followers of the tool or theme within 30 km)");
        simple(runs, md, "IndicatorsBenchmark.everyAcademieOverAYear",
                "Every académie's indicators over a school year (60,000 tickets of national activity)");
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

    // ================================================================= hits per query

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
    private static Map<String, Double> hits(Path results) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        Path f = results.resolve(HITS_FILE);
        if (Files.exists(f)) {
            for (String line : Files.readAllLines(f)) {
                int last = line.lastIndexOf(';');
                if (last > 0) {
                    out.put(line.substring(0, last), Double.parseDouble(line.substring(last + 1)));
                }
            }
        }
        return out;
    }

    static String param(JsonNode run, String name) {
        JsonNode p = run.path("params").path(name);
        return p.isMissingNode() ? "" : p.asText();
    }

    // ================================================================= matching

    private static boolean isMatching(JsonNode r) {
        return r.path("benchmark").asText().endsWith("MatchingBenchmark.query");
    }

    private static String dataset(JsonNode r) {
        return param(r, "dataset").isEmpty() ? "france" : param(r, "dataset");
    }

    private static void matching(List<JsonNode> runs, Map<String, Double> hits, StringBuilder md) {
        // table -> cell (radius, query) -> engine -> run
        Map<String, Map<String, Map<String, JsonNode>>> tables = new LinkedHashMap<>();
        Map<String, String> hitKeys = new LinkedHashMap<>();
        List<JsonNode> sorted = new ArrayList<>(runs.stream().filter(Report::isMatching).toList());
        sorted.sort((x, y) -> Double.compare(Double.parseDouble(param(x, "radiusKm")), Double.parseDouble(param(y, "radiusKm"))));
        for (JsonNode r : sorted) {
            String table = dataset(r) + ", " + String.format(Locale.ROOT, "%,d", Integer.parseInt(param(r, "members")))
                    + " members, level ≥ " + param(r, "level");
            String cell = radiusKey(Double.parseDouble(param(r, "radiusKm"))) + " km, " + param(r, "query");
            hitKeys.put(table + "|" + cell, dataset(r) + ";" + param(r, "members") + ";"
                    + radiusKey(Double.parseDouble(param(r, "radiusKm"))) + ";" + param(r, "query"));
            tables.computeIfAbsent(table, k -> new LinkedHashMap<>()).computeIfAbsent(cell, k -> new LinkedHashMap<>())
                    .put(param(r, "engine"), r);
        }
        for (var table : tables.entrySet()) {
            List<String> engines = Peers.ALL.stream()
                    .filter(e -> table.getValue().values().stream().anyMatch(c -> c.containsKey(e))).toList();
            md.append("\n### Qualified query: ").append(table.getKey())
                    .append(" (µs per query, mean ± 99.9 % error; in brackets, against ").append(BASELINE)
                    .append(", the per-tool index, on the same cell)\n\n| cell | hits per query | ");
            engines.forEach(e -> md.append(e).append(" | "));
            md.append("\n|---|---|");
            engines.forEach(e -> md.append("---|"));
            md.append('\n');
            Map<String, List<Double>> speedups = new LinkedHashMap<>();
            for (var cell : table.getValue().entrySet()) {
                JsonNode base = cell.getValue().get(BASELINE);
                double baseScore = base == null ? Double.NaN : score(base);
                Double h = hits.get(hitKeys.get(table.getKey() + "|" + cell.getKey()));
                md.append("| ").append(cell.getKey()).append(" | ").append(h == null ? "–" : num(h)).append(" | ");
                for (String e : engines) {
                    JsonNode r = cell.getValue().get(e);
                    if (r == null) {
                        md.append("– | ");
                        continue;
                    }
                    double speedup = baseScore / score(r);
                    speedups.computeIfAbsent(e, k -> new ArrayList<>()).add(speedup);
                    md.append(String.format(Locale.ROOT, "%s ± %s (%s) | ", num(score(r)),
                            num(r.path("primaryMetric").path("scoreError").asDouble()), versus(speedup)));
                }
                md.append('\n');
            }
            md.append("| **median of the cells, against per-tool** | | ");
            for (String e : engines) {
                double m = median(speedups.getOrDefault(e, List.of()));
                md.append(Double.isNaN(m) ? "– | " : "**" + versus(m) + "** | ");
            }
            md.append("\n| worst cell, against per-tool | | ");
            for (String e : engines) {
                double m = speedups.getOrDefault(e, List.of()).stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                md.append(Double.isNaN(m) ? "– | " : versus(m) + " | ");
            }
            md.append('\n');
            // allocation
            boolean anyAlloc = table.getValue().values().stream().flatMap(c -> c.values().stream())
                    .anyMatch(r -> r.path("secondaryMetrics").has(ALLOC));
            if (anyAlloc) {
                md.append("\nAllocation per query (`").append(ALLOC).append("`, bytes per query, JMH `-prof gc`; ")
                        .append("the query object drawn for each invocation, ~40 B, included) and per hit:\n\n| cell | ");
                engines.forEach(e -> md.append(e).append(" | "));
                md.append("\n|---|");
                engines.forEach(e -> md.append("---|"));
                md.append('\n');
                for (var cell : table.getValue().entrySet()) {
                    Double h = hits.get(hitKeys.get(table.getKey() + "|" + cell.getKey()));
                    md.append("| ").append(cell.getKey()).append(" | ");
                    for (String e : engines) {
                        JsonNode r = cell.getValue().get(e);
                        JsonNode a = r == null ? null : r.path("secondaryMetrics").get(ALLOC);
                        if (a == null) {
                            md.append("– | ");
                            continue;
                        }
                        double bytes = a.path("score").asDouble();
                        md.append(num(bytes)).append(" B");
                        if (h != null && h > 0) {
                            md.append(String.format(Locale.ROOT, " (%s B/hit)", num(bytes / h)));
                        }
                        md.append(" | ");
                    }
                    md.append('\n');
                }
            }
        }
    }

    static double score(JsonNode r) {
        return r.path("primaryMetric").path("score").asDouble();
    }

    /** "2.42× faster" or "43× slower": how an engine's time compares with the baseline's. */
    private static String versus(double speedup) {
        if (speedup == 1) {
            return "bar";
        }
        return speedup >= 1 ? ratio(speedup) + "× faster" : ratio(1 / speedup) + "× slower";
    }

    private static String ratio(double r) {
        return r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.2f", r);
    }

    /** Mean over the query kinds of each (engine, members, radius), in µs (france dataset, any level). */
    static Map<Plots.Key, Double> medians(List<JsonNode> runs) {
        Map<Plots.Key, List<Double>> scores = new LinkedHashMap<>();
        for (JsonNode r : runs) {
            if (isMatching(r) && dataset(r).equals("france")) {
                scores.computeIfAbsent(new Plots.Key(param(r, "engine"), param(r, "query"), Integer.parseInt(param(r, "members")),
                        Double.parseDouble(param(r, "radiusKm"))), k -> new ArrayList<>()).add(score(r));
            }
        }
        Map<Plots.Key, Double> out = new LinkedHashMap<>();
        scores.forEach((k, v) -> out.put(k, median(v)));
        return out;
    }

    // ================================================================= build, memory, the rest

    private static void costModel(Path results, ObjectMapper json, StringBuilder md) throws IOException {
        Path f = results.resolve("cost-model.json");
        if (!Files.exists(f)) {
            return;
        }
        md.append("\n### Cost model: time per query = a + b × sites + c × hits (`CostModel`, least squares over fresh queries of the six cells)\n\n")
                .append("| engine | queries | a: fixed (µs) | b: per site (ns) | c: per hit (ns) | R² |\n|---|---|---|---|---|---|\n");
        for (JsonNode n : json.readTree(f.toFile())) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %.1f | %.2f | %.3f |%n", n.path("engine").asText(),
                    n.path("queries").asLong(), n.path("fixedUs").asDouble(), n.path("perSiteNs").asDouble(),
                    n.path("perHitNs").asDouble(), n.path("r2").asDouble()));
        }
    }

    private static void footprint(Path results, ObjectMapper json, StringBuilder md) throws IOException {
        Path f = results.resolve("footprint.jsonl");
        if (!Files.exists(f)) {
            return;
        }
        Map<String, JsonNode> byPeer = new TreeMap<>((a, b) -> Integer.compare(order(a), order(b)));
        for (String line : Files.readAllLines(f)) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                byPeer.put(n.path("peer").asText(), n);
            }
        }
        md.append("\n### Build time and retained heap per peer (`MemoryFootprint`, one build in a fresh JVM each)\n\n")
                .append("| peer | members | build (ms, one cold build) | retained heap (MB) | bytes per skill entry |\n|---|---|---|---|---|\n");
        for (JsonNode n : byPeer.values()) {
            double bytes = n.path("retainedBytes").asDouble();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f | %.1f |%n", n.path("peer").asText(),
                    n.path("members").asLong(), n.path("buildMs").asLong(), bytes / 1e6, bytes / n.path("skillEntries").asDouble()));
        }
    }

    private static int order(String peer) {
        int i = Peers.ALL.indexOf(peer);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static void simple(List<JsonNode> runs, StringBuilder md, String benchmark, String title) {
        List<JsonNode> matching = runs.stream().filter(r -> r.path("benchmark").asText().contains(benchmark)).toList();
        if (matching.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append("\n\n| benchmark | members | score | unit |\n|---|---|---|---|\n");
        for (JsonNode r : matching) {
            JsonNode m = r.path("primaryMetric");
            String name = r.path("benchmark").asText();
            md.append("| ").append(name.substring(name.lastIndexOf('.') + 1)).append(" | ").append(param(r, "members"))
                    .append(" | ").append(num(m.path("score").asDouble())).append(" ± ")
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

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> v = new ArrayList<>(values);
        v.sort(Double::compare);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    static String num(double v) {
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

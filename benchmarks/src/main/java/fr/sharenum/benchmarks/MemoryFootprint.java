package fr.sharenum.benchmarks;

import fr.sharenum.geo.GeoMatchingEngine;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.MatchCandidate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Build time and retained heap of one peer over the national dataset, in its own JVM: the heap in use
 * after full collections with the index built, less the heap in use before with the dataset alone
 * (member ids and establishments, which every peer shares with the host, are in both). For ShareNum
 * the build starts from the stored members, as core's does: candidates made with
 * {@link MatchCandidate#of}, loaded, then dropped. One build, not a JMH figure ({@link BuildBenchmark}
 * gives those); the line is appended to {@code out} as JSON.
 *
 * <p>{@code java -Xmx8g -cp benchmarks/target/benchmarks.jar fr.sharenum.benchmarks.MemoryFootprint per-tool 1000000 [out.json]}
 */
public final class MemoryFootprint {
    private MemoryFootprint() {
    }

    public static void main(String[] args) throws Exception {
        String peer = args.length > 0 ? args[0] : "sharenum";
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        SyntheticFrance data = Datasets.get("france", members);
        List<Member> stored = null;
        Map<Uai, GeoPoint> locations = null;
        if (peer.equals("sharenum")) {
            stored = new ArrayList<>(members);
            for (int m = 0; m < members; m++) {
                stored.add(data.member(m));
            }
            locations = new HashMap<>();
            for (int e = 0; e < data.establishmentCount; e++) {
                locations.put(data.estUai[e], data.estPoint[e]);
            }
        }
        long before = usedAfterGc();
        long start = System.nanoTime();
        Object index = build(peer, data, stored, locations);
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        long bytes = after - before;
        String stats = index instanceof GeoMatchingEngine ? ((GeoMatchingEngine) index).statistics().toString() : "";
        System.out.printf(Locale.ROOT, "%s: %d members, %d establishments: built in %d ms, retains %.1f MB %s%n", peer,
                members, data.establishmentCount, buildMs, bytes / 1e6, stats);
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), String.format(Locale.ROOT,
                    "{\"peer\":\"%s\",\"members\":%d,\"establishments\":%d,\"skillEntries\":%d,\"buildMs\":%d,\"retainedBytes\":%d}%n",
                    peer, members, data.establishmentCount, data.skillEntries(), buildMs, bytes),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if (Boolean.getBoolean("sharenum.histogram")) { // what the heap holds, largest first
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String histogram = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            histogram.lines().limit(30).forEach(System.out::println);
        }
        if (index.hashCode() == 42 && stored != null && stored.isEmpty()) {
            System.out.println(); // keeps the index and the stored members reachable until here
        }
    }

    /** The index; whatever was made on the way (candidates) is garbage when this returns. */
    private static Object build(String peer, SyntheticFrance data, List<Member> stored, Map<Uai, GeoPoint> locations) {
        if (peer.equals("sharenum")) {
            List<MatchCandidate> made = new ArrayList<>(stored.size());
            for (Member m : stored) {
                made.add(MatchCandidate.of(m, locations.get(m.establishment())));
            }
            GeoMatchingEngine engine = GeoMatchingEngine.create();
            engine.upsertAll(made);
            return engine;
        }
        Object index = Peers.create(peer, data);
        data.dropCandidates();
        return index;
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}

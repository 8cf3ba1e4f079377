package fr.sharenum.benchmarks;

import fr.sharenum.geo.GeoMatchingEngine;

import java.util.List;

/**
 * Heap taken by the geo engine on top of the domain objects (the candidates), per indexed
 * (member, tool) entry, measured as used heap after full GCs before and after the build.
 *
 * <p>{@code java -Xmx8g -cp benchmarks/target/benchmarks.jar fr.sharenum.benchmarks.MemoryFootprint 1000000 [out.json]}
 */
public final class MemoryFootprint {
    private MemoryFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        SyntheticFrance data = SyntheticFrance.national(members);
        List<?> candidates = data.candidates();
        long before = usedAfterGc();
        GeoMatchingEngine engine = GeoMatchingEngine.create();
        long start = System.nanoTime();
        engine.upsertAll(data.candidates());
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        long entries = data.skillEntries();
        long qualified = 0;
        for (int k = 0; k < entries; k++) {
            if (data.skillLevel[k] >= 1) {
                qualified++;
            }
        }
        long bytes = after - before;
        System.out.printf("members=%d establishments=%d sites=%d skillEntries=%d qualifiedEntries=%d%n",
                members, data.establishmentCount, engine.siteCount(), entries, qualified);
        System.out.printf("engineBytes=%d bytesPerEntry=%.1f bytesPerQualifiedEntry=%.1f buildMs(one run, not JMH)=%d%n",
                bytes, (double) bytes / entries, (double) bytes / qualified, buildMs);
        if (engine.size() != candidates.size()) {
            throw new IllegalStateException("engine lost members");
        }
        if (args.length > 1) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), String.format(java.util.Locale.ROOT,
                    "{\"members\":%d,\"sites\":%d,\"skillEntries\":%d,\"qualifiedEntries\":%d,\"engineBytes\":%d}%n",
                    members, engine.siteCount(), entries, qualified, bytes));
        }
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

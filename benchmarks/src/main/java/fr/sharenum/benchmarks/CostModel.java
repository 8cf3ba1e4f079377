package fr.sharenum.benchmarks;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.spi.MatchBuffer;
import fr.sharenum.spi.QualifiedQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits the cost model of a query, {@code time = a + b × sites + c × hits}, where {@code sites} is the
 * number of establishment positions within the radius that have a member at the wanted level (each
 * costs a tree visit, an exact distance and a place in the sort) and {@code hits} the members handed
 * over. Every (5, 30, 100 km) × (common, rare) cell contributes fresh queries drawn like
 * {@link Queries}; each query is timed alone (median of 5 runs, after a warm-up of every cell), and
 * the three constants come from a least-squares fit over all of them. Written to {@code out} as JSON
 * for {@link Report}.
 *
 * <p>{@code java -Xmx8g -cp benchmarks/target/benchmarks.jar fr.sharenum.benchmarks.CostModel sharenum,per-tool 1000000 [out.json]}
 */
public final class CostModel {
    private CostModel() {
    }

    public static void main(String[] args) throws Exception {
        String[] engines = (args.length > 0 ? args[0] : "sharenum,per-tool").split(",");
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        SyntheticFrance data = Datasets.get("france", members);
        Peers.ShareNum counter = (Peers.ShareNum) Peers.create("sharenum", data);
        StringBuilder json = new StringBuilder("[");
        for (String engine : engines) {
            Peers.Peer peer = engine.equals("sharenum") ? counter : Peers.create(engine, data);
            List<double[]> rows = new ArrayList<>(); // sites, hits, µs
            for (int round = 0; round < 2; round++) { // the first round warms up
                for (double r : new double[] {5, 30, 100}) {
                    for (String kind : List.of(Queries.COMMON, Queries.RARE)) {
                        Queries queries = new Queries(data, kind, r, CompetenceLevel.EXPERIENCED, 31 + round);
                        for (int i = 0; i < (round == 0 ? 300 : 1500); i++) {
                            QualifiedQuery q = queries.next();
                            long[] t = new long[5];
                            for (int k = 0; k < t.length; k++) {
                                long t0 = System.nanoTime();
                                peer.timed(q);
                                t[k] = System.nanoTime() - t0;
                            }
                            java.util.Arrays.sort(t);
                            if (round == 1) {
                                int[] sh = sitesAndHits(counter, q);
                                rows.add(new double[] {sh[0], sh[1], t[2] / 1e3});
                            }
                        }
                    }
                }
            }
            double[] fit = fit(rows);
            System.out.printf(Locale.ROOT, "%s: time = %.2f µs + %.1f ns × sites + %.2f ns × hits (%d queries)%n", engine,
                    fit[0], fit[1] * 1e3, fit[2] * 1e3, rows.size());
            json.append(json.length() > 1 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"engine\":\"%s\",\"members\":%d,\"queries\":%d,\"fixedUs\":%.3f,\"perSiteNs\":%.2f,\"perHitNs\":%.3f,\"r2\":%.4f}",
                    engine, members, rows.size(), fit[0], fit[1] * 1e3, fit[2] * 1e3, fit[3]));
        }
        json.append("]");
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), json + "\n");
        }
    }

    /** Sites (distinct distances among the hits: positions at exactly one distance are one) and hits. */
    static int[] sitesAndHits(Peers.ShareNum sharenum, QualifiedQuery q) {
        MatchBuffer b = new MatchBuffer();
        sharenum.engine.qualified(q, b);
        int sites = 0;
        for (int i = 0; i < b.size(); i++) {
            if (i == 0 || b.distanceKm(i) != b.distanceKm(i - 1)) {
                sites++;
            }
        }
        return new int[] {sites, b.size()};
    }

    /** Least squares of µs on (1, sites, hits); returns a, b, c (µs per unit) and R². */
    static double[] fit(List<double[]> rows) {
        double[][] ata = new double[3][3];
        double[] aty = new double[3];
        for (double[] r : rows) {
            double[] x = {1, r[0], r[1]};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    ata[i][j] += x[i] * x[j];
                }
                aty[i] += x[i] * r[2];
            }
        }
        double[] beta = solve(ata, aty);
        double mean = rows.stream().mapToDouble(r -> r[2]).average().orElse(0);
        double ssTot = 0;
        double ssRes = 0;
        for (double[] r : rows) {
            double pred = beta[0] + beta[1] * r[0] + beta[2] * r[1];
            ssRes += (r[2] - pred) * (r[2] - pred);
            ssTot += (r[2] - mean) * (r[2] - mean);
        }
        return new double[] {beta[0], beta[1], beta[2], 1 - ssRes / ssTot};
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }
}

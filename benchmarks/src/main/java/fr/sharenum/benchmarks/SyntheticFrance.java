package fr.sharenum.benchmarks;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.QualifiedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic France for benchmarks: establishments spread like the real ones (dense
 * cities, rural départements, overseas) and staff with tool skills of realistic skew.
 *
 * <ul>
 *   <li>Establishments per département ∝ population^0.85 (rural départements have more, smaller
 *       schools per inhabitant); 30 % within ~5 km of the prefecture, the rest spread with the
 *       département's standard deviation.</li>
 *   <li>Types: 75 % écoles (weight 8 staff), 12 % collèges (50), 7 % lycées (80), 3 % LP (60),
 *       3 % services (10); members are dealt to establishments by these weights.</li>
 *   <li>{@value #TOOLS} tools with Zipf(1.1) popularity; each member declares {@value #SKILLS_PER_MEMBER}
 *       distinct tools, levels 40 % novice, 40 % intermediate, 20 % experienced; follows 2 tools and
 *       maybe 1 of {@value #THEMES} themes.</li>
 * </ul>
 */
public final class SyntheticFrance {

    public static final int TOOLS = 100;
    public static final int THEMES = 20;
    public static final int SKILLS_PER_MEMBER = 10;

    private static final double[] TYPE_SHARE = {0.75, 0.12, 0.07, 0.03, 0.03};
    private static final double[] TYPE_STAFF = {8, 50, 80, 60, 10};

    public final int establishmentCount;
    public final double[] estLat;
    public final double[] estLon;
    public final Uai[] estUai;
    public final String[] estDept;
    /** Départements whose establishments are the centres of "dense" and "rural" queries. */
    public final Set<String> denseDepts;
    public final Set<String> ruralDepts;
    public final int memberCount;
    public final int[] memberEst;
    public final MemberId[] memberIds;
    /** Skills of member m are entries skillStart[m] .. skillStart[m+1]-1. */
    public final int[] skillStart;
    public final short[] skillTool;
    public final byte[] skillLevel;
    public final short[][] follows;
    public final byte[] theme;
    public final ToolId[] tools = new ToolId[TOOLS];
    public final Theme[] themes = new Theme[THEMES];

    private List<MatchCandidate> candidates;

    /** Establishments spread like the real ones (see the class comment), members dealt over them. */
    private static SyntheticFrance synthetic(int establishments, int members, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        // --- establishments
        List<Departements.Dept> depts = Departements.ALL;
        double[] weight = new double[depts.size()];
        double total = 0;
        for (int i = 0; i < weight.length; i++) {
            weight[i] = Math.pow(depts.get(i).population(), 0.85);
            total += weight[i];
        }
        int[] perDept = new int[depts.size()];
        int assigned = 0;
        for (int i = 0; i < weight.length; i++) {
            perDept[i] = Math.max(1, (int) Math.floor(establishments * weight[i] / total));
            assigned += perDept[i];
        }
        for (int i = 0; assigned < establishments; i = (i + 1) % perDept.length) {
            perDept[i]++;
            assigned++;
        }
        double[] estLat = new double[assigned];
        double[] estLon = new double[assigned];
        Uai[] estUai = new Uai[assigned];
        String[] estDept = new String[assigned];
        double[] staffWeight = new double[assigned];
        int e = 0;
        for (int i = 0; i < depts.size(); i++) {
            Departements.Dept d = depts.get(i);
            for (int k = 0; k < perDept[i]; k++, e++) {
                double lat0 = d.lat();
                double lon0 = d.lon();
                if (d.uaiPrefix().equals("986") && r.nextDouble() < 0.3) {
                    lat0 = -14.29;
                    lon0 = -178.15; // Futuna
                }
                double spread = r.nextDouble() < 0.3 ? Math.min(5, d.spreadKm()) : d.spreadKm();
                double lat = clamp(lat0 + gaussian(r) * spread / 111.2, -89.9, 89.9);
                double lon = wrap(lon0 + gaussian(r) * spread / (111.2 * Math.cos(Math.toRadians(lat0))));
                estLat[e] = lat;
                estLon[e] = lon;
                String seven = d.uaiPrefix() + String.format("%04d", k % 10_000);
                estUai[e] = Uai.of(seven + Uai.checkLetter(seven));
                estDept[e] = d.uaiPrefix();
                int type = pick(r, TYPE_SHARE);
                staffWeight[e] = TYPE_STAFF[type] * (0.5 + r.nextDouble());
            }
        }
        return new SyntheticFrance(estLat, estLon, estUai, estDept, staffWeight, members, r,
                Set.of("075", "092", "093", "094", "059", "069", "013"),
                Set.of("023", "048", "015", "032", "052", "055", "046", "005"));
    }

    /**
     * Members dealt over real establishments (e.g. imported from the Annuaire de l'éducation) by
     * type; the three départements with most establishments are the "dense" query centres, the three
     * with fewest (at least 20) the "rural" ones.
     */
    public static SyntheticFrance onEstablishments(List<Establishment> list, int members, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = list.size();
        double[] lat = new double[n];
        double[] lon = new double[n];
        Uai[] uai = new Uai[n];
        String[] dept = new String[n];
        double[] staff = new double[n];
        Map<String, Integer> perDept = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Establishment e = list.get(i);
            lat[i] = e.location().latitude();
            lon[i] = e.location().longitude();
            uai[i] = e.uai();
            dept[i] = e.departement();
            perDept.merge(dept[i], 1, Integer::sum);
            double base;
            switch (e.type()) {
                case ECOLE: base = TYPE_STAFF[0]; break;
                case COLLEGE: base = TYPE_STAFF[1]; break;
                case LYCEE: base = TYPE_STAFF[2]; break;
                case LYCEE_PROFESSIONNEL: base = TYPE_STAFF[3]; break;
                default: base = TYPE_STAFF[4]; break;
            }
            staff[i] = base * (0.5 + r.nextDouble());
        }
        List<String> ranked = perDept.entrySet().stream().filter(x -> x.getValue() >= 20)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        if (ranked.size() < 2) {
            throw new IllegalArgumentException("need at least two départements with 20 establishments or more");
        }
        int k = Math.min(3, ranked.size() / 2);
        return new SyntheticFrance(lat, lon, uai, dept, staff, members, r, Set.copyOf(ranked.subList(0, k)),
                Set.copyOf(ranked.subList(ranked.size() - k, ranked.size())));
    }

    private SyntheticFrance(double[] estLat, double[] estLon, Uai[] estUai, String[] estDept, double[] staffWeight,
                            int members, SplittableRandom r, Set<String> denseDepts, Set<String> ruralDepts) {
        for (int t = 0; t < TOOLS; t++) {
            tools[t] = ToolId.of(String.format("tool-%03d", t));
        }
        for (int t = 0; t < THEMES; t++) {
            themes[t] = Theme.of(String.format("theme-%02d", t));
        }
        int assigned = estLat.length;
        this.establishmentCount = assigned;
        this.estLat = estLat;
        this.estLon = estLon;
        this.estUai = estUai;
        this.estDept = estDept;
        this.denseDepts = denseDepts;
        this.ruralDepts = ruralDepts;
        // --- members dealt by staff weight
        double[] cumulative = new double[assigned];
        double acc = 0;
        for (int i = 0; i < assigned; i++) {
            acc += staffWeight[i];
            cumulative[i] = acc;
        }
        this.memberCount = members;
        memberEst = new int[members];
        memberIds = new MemberId[members];
        skillStart = new int[members + 1];
        skillTool = new short[members * SKILLS_PER_MEMBER];
        skillLevel = new byte[members * SKILLS_PER_MEMBER];
        follows = new short[members][];
        theme = new byte[members];
        double[] zipf = new double[TOOLS];
        double z = 0;
        for (int t = 0; t < TOOLS; t++) {
            z += 1 / Math.pow(t + 1, 1.1);
            zipf[t] = z;
        }
        int s = 0;
        Set<Integer> chosen = new HashSet<>();
        for (int m = 0; m < members; m++) {
            memberEst[m] = search(cumulative, r.nextDouble() * acc);
            memberIds[m] = MemberId.of("m" + m);
            skillStart[m] = s;
            chosen.clear();
            while (chosen.size() < SKILLS_PER_MEMBER) {
                int t = search(zipf, r.nextDouble() * z);
                if (chosen.add(t)) {
                    skillTool[s] = (short) t;
                    double l = r.nextDouble();
                    skillLevel[s] = (byte) (l < 0.4 ? 0 : l < 0.8 ? 1 : 2);
                    s++;
                }
            }
            follows[m] = new short[] {(short) search(zipf, r.nextDouble() * z), (short) search(zipf, r.nextDouble() * z)};
            theme[m] = (byte) (r.nextDouble() < 0.5 ? r.nextInt(THEMES) : -1);
        }
        skillStart[members] = s;
    }

    /** The dataset for {@code members} members over {@code establishments} establishments. */
    public static SyntheticFrance generate(int establishments, int members, long seed) {
        return synthetic(establishments, members, seed);
    }

    /** National scale: 60,000 establishments for {@code members} members, seed 2026. */
    public static SyntheticFrance national(int members) {
        return generate(Math.min(60_000, Math.max(1_000, members / 16)), members, 2026);
    }

    public GeoPoint location(int establishment) {
        return GeoPoint.of(estLat[establishment], estLon[establishment]);
    }

    public MatchCandidate candidate(int m) {
        Map<ToolId, CompetenceLevel> levels = new HashMap<>();
        for (int k = skillStart[m]; k < skillStart[m + 1]; k++) {
            levels.put(tools[skillTool[k]], CompetenceLevel.values()[skillLevel[k]]);
        }
        Set<ToolId> followed = new HashSet<>();
        for (short f : follows[m]) {
            followed.add(tools[f]);
        }
        Set<Theme> th = theme[m] < 0 ? Set.of() : Set.of(themes[theme[m]]);
        int e = memberEst[m];
        return new MatchCandidate(memberIds[m], estUai[e], location(e), levels, followed, th);
    }

    /** Every member as a matching candidate (built once, then shared). */
    public synchronized List<MatchCandidate> candidates() {
        if (candidates == null) {
            List<MatchCandidate> all = new ArrayList<>(memberCount);
            for (int m = 0; m < memberCount; m++) {
                all.add(candidate(m));
            }
            candidates = all;
        }
        return candidates;
    }

    /** Number of (member, tool) skill entries. */
    public int skillEntries() {
        return skillStart[memberCount];
    }

    /**
     * A reproducible set of {@code count} queries of one kind: {@code dense-…} centres are
     * establishments of dense départements (Paris and its inner suburbs, Nord, Rhône,
     * Bouches-du-Rhône), {@code rural-…} ones of rural départements (Creuse, Lozère, Cantal, Gers,
     * Haute-Marne, Meuse, Lot, Hautes-Alpes); {@code …-common} tools are the 5 most declared,
     * {@code …-rare} ones ranks 60–99. {@code mixed} alternates the four kinds.
     */
    public List<QualifiedQuery> queries(String kind, double radiusKm, int count, long seed) {
        Set<String> dense = denseDepts;
        Set<String> rural = ruralDepts;
        List<Integer> denseEst = new ArrayList<>();
        List<Integer> ruralEst = new ArrayList<>();
        for (int e = 0; e < establishmentCount; e++) {
            if (dense.contains(estDept[e])) {
                denseEst.add(e);
            } else if (rural.contains(estDept[e])) {
                ruralEst.add(e);
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        List<QualifiedQuery> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String k = kind.equals("mixed") ? KINDS.get(i % 4) : kind;
            List<Integer> pool;
            if (k.startsWith("dense-")) {
                pool = denseEst;
            } else if (k.startsWith("rural-")) {
                pool = ruralEst;
            } else {
                throw new IllegalArgumentException("unknown query kind " + kind);
            }
            int e = pool.get(r.nextInt(pool.size()));
            ToolId tool = k.endsWith("-common") ? tools[r.nextInt(5)] : tools[60 + r.nextInt(40)];
            out.add(QualifiedQuery.within(location(e), radiusKm, tool, CompetenceLevel.INTERMEDIATE));
        }
        return out;
    }

    /** The four kinds of query the benchmarks report separately. */
    public static final List<String> KINDS = List.of("dense-common", "dense-rare", "rural-common", "rural-rare");

    /** {@link #queries} with kind {@code mixed}. */
    public List<QualifiedQuery> queryMix(double radiusKm, int count, long seed) {
        return queries("mixed", radiusKm, count, seed);
    }

    private static int pick(SplittableRandom r, double[] shares) {
        double x = r.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            x -= shares[i];
            if (x < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /** First index whose cumulative value exceeds x. */
    private static int search(double[] cumulative, double x) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double gaussian(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble());
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double wrap(double lon) {
        return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
    }
}

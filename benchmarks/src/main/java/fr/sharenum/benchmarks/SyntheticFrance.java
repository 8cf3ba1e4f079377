package fr.sharenum.benchmarks;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.MatchCandidate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic France for benchmarks: establishments and staff with tool skills of realistic skew.
 *
 * <p>Establishments, three ways ({@link Datasets}):
 * <ul>
 *   <li>{@code france} (the default): the real collèges of the national file in {@code ../shared/data}
 *       at their real positions, plus écoles and lycées spread over the communes in proportion to their
 *       population (a tenth of the écoles exactly at the commune's point, the others within a
 *       distance that grows with the commune), 60,000 in all; {@link #national} when the files are
 *       absent;</li>
 *   <li>{@code synthetic}: every département (mainland, Corse, DROM, COM) at its prefecture, with
 *       establishments ∝ population^0.85, 30 % within ~5 km of the prefecture;</li>
 *   <li>{@code annuaire}: the establishments of an Annuaire de l'éducation CSV.</li>
 * </ul>
 *
 * <p>Members are dealt to establishments by staff (écoles 8, collèges 50, lycées 80, LP 60,
 * services 10, each × U(0.5, 1.5)); each declares 5 to 15 distinct tools of {@value #TOOLS}, drawn
 * with Zipf(1) popularity, at levels 40 % novice, 40 % intermediate, 20 % experienced; follows 2 tools
 * and, one in two, a theme of {@value #THEMES}.
 */
public final class SyntheticFrance {

    public static final int TOOLS = 60;
    public static final int THEMES = 20;
    public static final int MIN_SKILLS = 5;
    public static final int MAX_SKILLS = 15;
    public static final double ZIPF = 1.0;
    /** "Common" query tools: the 5 most declared. */
    public static final int COMMON_TOOLS = 5;
    /** "Rare" query tools: popularity ranks 40 to 59, the least declared third. */
    public static final int RARE_FROM = 40;

    private static final double[] TYPE_SHARE = {0.75, 0.12, 0.07, 0.03, 0.03};
    private static final double[] TYPE_STAFF = {8, 50, 80, 60, 10};

    public final String name;
    public final int establishmentCount;
    public final double[] estLat;
    public final double[] estLon;
    public final Uai[] estUai;
    public final String[] estDept;
    public final GeoPoint[] estPoint;
    public final int memberCount;
    public final int[] memberEst;
    public final MemberId[] memberIds;
    /** Skills of member m are entries skillStart[m] .. skillStart[m+1]-1. */
    public final int[] skillStart;
    public final byte[] skillTool;
    public final byte[] skillLevel;
    public final byte[][] follows;
    public final byte[] theme;
    public final ToolId[] tools = new ToolId[TOOLS];
    public final Theme[] themes = new Theme[THEMES];

    private List<MatchCandidate> candidates;

    // ================================================================= establishments

    /** National scale, synthetic placement: 60,000 establishments for {@code members} members, seed 2026. */
    public static SyntheticFrance national(int members) {
        return synthetic(Math.min(60_000, Math.max(1_000, members / 16)), members, 2026);
    }

    /** Establishments spread around the prefectures (see the class comment), members dealt over them. */
    public static SyntheticFrance synthetic(int establishments, int members, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
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
        Builder b = new Builder(assigned);
        for (int i = 0; i < depts.size(); i++) {
            Departements.Dept d = depts.get(i);
            for (int k = 0; k < perDept[i]; k++) {
                double lat0 = d.lat();
                double lon0 = d.lon();
                if (d.uaiPrefix().equals("986") && r.nextDouble() < 0.3) {
                    lat0 = -14.29;
                    lon0 = -178.15; // Futuna
                }
                double spread = r.nextDouble() < 0.3 ? Math.min(5, d.spreadKm()) : d.spreadKm();
                double lat = clamp(lat0 + gaussian(r) * spread / 111.2, -89.9, 89.9);
                double lon = wrap(lon0 + gaussian(r) * spread / (111.2 * Math.cos(Math.toRadians(lat0))));
                int type = pick(r, TYPE_SHARE);
                b.add(lat, lon, d.uaiPrefix(), TYPE_STAFF[type] * (0.5 + r.nextDouble()));
            }
        }
        return new SyntheticFrance("synthetic", b, members, r);
    }

    /**
     * The real collèges plus écoles and lycées spread by commune population, {@code establishments}
     * in all, read from {@code dataDir}; null when its files are absent.
     */
    public static SyntheticFrance france(Path dataDir, int establishments, int members, long seed) {
        Path colleges = dataDir.resolve("fr_colleges_adresse_geolocalisation_national.csv");
        Path communes = dataDir.resolve("fr_communes_population_coords.csv");
        if (!Files.isReadable(colleges) || !Files.isReadable(communes)) {
            return null;
        }
        SplittableRandom r = new SplittableRandom(seed);
        Builder b = new Builder(establishments);
        Set<String> realUais = new HashSet<>();
        try {
            List<String> lines = Files.readAllLines(colleges, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(";", -1);
                if (f.length < 23 || f[14].isEmpty() || f[15].isEmpty()) {
                    continue;
                }
                String uai = f[0].replace("\uFEFF", "");
                realUais.add(uai);
                b.add(Double.parseDouble(f[14]), Double.parseDouble(f[15]), uai.substring(0, 3),
                        TYPE_STAFF[1] * (0.5 + r.nextDouble()), Uai.of(uai));
                if (b.count == establishments) {
                    break;
                }
            }
            // communes (Paris, Lyon, Marseille by arrondissement), with their population
            List<double[]> towns = new ArrayList<>();
            List<String> townDept = new ArrayList<>();
            lines = Files.readAllLines(communes, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(";", -1);
                if (f[6].isEmpty() || f[8].isEmpty() || f[0].equals("75056") || f[0].equals("69123") || f[0].equals("13055")) {
                    continue;
                }
                towns.add(new double[] {Double.parseDouble(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[6])});
                townDept.add(deptPrefix(f[4]));
            }
            double[] cumulative = new double[towns.size()];
            double acc = 0;
            for (int i = 0; i < cumulative.length; i++) {
                acc += towns.get(i)[2];
                cumulative[i] = acc;
            }
            Map<String, Integer> next = new HashMap<>();
            int lycees = (establishments - b.count) / 12; // about 4,300 lycées and LP for 48,000 écoles
            while (b.count < establishments) {
                int t = search(cumulative, r.nextDouble() * acc);
                double[] town = towns.get(t);
                boolean lycee = lycees-- > 0;
                double radiusKm = Math.min(5, 0.3 + Math.sqrt(town[2]) / 100);
                boolean atTheTownPoint = !lycee && r.nextDouble() < 0.1;
                double lat = town[0];
                double lon = town[1];
                if (!atTheTownPoint) {
                    lat = clamp(lat + gaussian(r) * radiusKm / 111.2, -89.9, 89.9);
                    lon = wrap(lon + gaussian(r) * radiusKm / (111.2 * Math.cos(Math.toRadians(town[0]))));
                }
                String prefix = townDept.get(t);
                Uai uai;
                do {
                    int k = next.merge(prefix, 1, Integer::sum);
                    String seven = prefix + String.format("%04d", 9999 - (k % 10_000));
                    uai = Uai.of(seven + Uai.checkLetter(seven));
                } while (realUais.contains(uai.value()) && next.get(prefix) < 10_000);
                double staff = lycee ? (r.nextDouble() < 0.3 ? TYPE_STAFF[3] : TYPE_STAFF[2]) : TYPE_STAFF[0];
                b.add(lat, lon, prefix, staff * (0.5 + r.nextDouble()), uai);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SyntheticFrance("france", b, members, r);
    }

    private static String deptPrefix(String code) {
        if (code.equals("2A")) {
            return "620";
        }
        if (code.equals("2B")) {
            return "720";
        }
        return code.length() == 2 ? "0" + code : code;
    }

    /**
     * Members dealt over real establishments (e.g. imported from the Annuaire de l'éducation) by type.
     */
    public static SyntheticFrance onEstablishments(List<Establishment> list, int members, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Builder b = new Builder(list.size());
        for (Establishment e : list) {
            double base;
            switch (e.type()) {
                case ECOLE: base = TYPE_STAFF[0]; break;
                case COLLEGE: base = TYPE_STAFF[1]; break;
                case LYCEE: base = TYPE_STAFF[2]; break;
                case LYCEE_PROFESSIONNEL: base = TYPE_STAFF[3]; break;
                default: base = TYPE_STAFF[4]; break;
            }
            b.add(e.location().latitude(), e.location().longitude(), e.departement(), base * (0.5 + r.nextDouble()), e.uai());
        }
        return new SyntheticFrance("annuaire", b, members, r);
    }

    /** Establishments being gathered. */
    private static final class Builder {
        double[] lat;
        double[] lon;
        Uai[] uai;
        String[] dept;
        double[] staff;
        int count;
        final Map<String, Integer> perPrefix = new HashMap<>();

        Builder(int capacity) {
            lat = new double[capacity];
            lon = new double[capacity];
            uai = new Uai[capacity];
            dept = new String[capacity];
            staff = new double[capacity];
        }

        void add(double la, double lo, String prefix, double weight) {
            int k = perPrefix.merge(prefix, 1, Integer::sum) - 1;
            String seven = prefix + String.format("%04d", k % 10_000);
            add(la, lo, prefix, weight, Uai.of(seven + Uai.checkLetter(seven)));
        }

        void add(double la, double lo, String prefix, double weight, Uai u) {
            if (count == lat.length) {
                int n = count * 2;
                lat = java.util.Arrays.copyOf(lat, n);
                lon = java.util.Arrays.copyOf(lon, n);
                uai = java.util.Arrays.copyOf(uai, n);
                dept = java.util.Arrays.copyOf(dept, n);
                staff = java.util.Arrays.copyOf(staff, n);
            }
            lat[count] = la;
            lon[count] = lo;
            uai[count] = u;
            dept[count] = prefix;
            staff[count] = weight;
            count++;
        }
    }

    // ================================================================= members

    private SyntheticFrance(String name, Builder b, int members, SplittableRandom r) {
        this.name = name;
        for (int t = 0; t < TOOLS; t++) {
            tools[t] = ToolId.of(String.format("tool-%03d", t));
        }
        for (int t = 0; t < THEMES; t++) {
            themes[t] = Theme.of(String.format("theme-%02d", t));
        }
        int n = b.count;
        this.establishmentCount = n;
        this.estLat = java.util.Arrays.copyOf(b.lat, n);
        this.estLon = java.util.Arrays.copyOf(b.lon, n);
        this.estUai = java.util.Arrays.copyOf(b.uai, n);
        this.estDept = java.util.Arrays.copyOf(b.dept, n);
        this.estPoint = new GeoPoint[n];
        for (int e = 0; e < n; e++) {
            estPoint[e] = GeoPoint.of(estLat[e], estLon[e]);
        }
        double[] cumulative = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++) {
            acc += b.staff[i];
            cumulative[i] = acc;
        }
        this.memberCount = members;
        memberEst = new int[members];
        memberIds = new MemberId[members];
        skillStart = new int[members + 1];
        int[] counts = new int[members];
        long total = 0;
        for (int m = 0; m < members; m++) {
            counts[m] = MIN_SKILLS + r.nextInt(MAX_SKILLS - MIN_SKILLS + 1);
            total += counts[m];
        }
        skillTool = new byte[(int) total];
        skillLevel = new byte[(int) total];
        follows = new byte[members][];
        theme = new byte[members];
        double[] zipf = new double[TOOLS];
        double z = 0;
        for (int t = 0; t < TOOLS; t++) {
            z += 1 / Math.pow(t + 1, ZIPF);
            zipf[t] = z;
        }
        int s = 0;
        long chosen;
        for (int m = 0; m < members; m++) {
            memberEst[m] = search(cumulative, r.nextDouble() * acc);
            memberIds[m] = MemberId.of("m" + m);
            skillStart[m] = s;
            chosen = 0;
            for (int k = 0; k < counts[m]; ) {
                int t = search(zipf, r.nextDouble() * z);
                if ((chosen & (1L << t)) == 0) {
                    chosen |= 1L << t;
                    skillTool[s] = (byte) t;
                    double l = r.nextDouble();
                    skillLevel[s] = (byte) (l < 0.4 ? 0 : l < 0.8 ? 1 : 2);
                    s++;
                    k++;
                }
            }
            int f1 = search(zipf, r.nextDouble() * z);
            int f2 = search(zipf, r.nextDouble() * z);
            follows[m] = f1 == f2 ? new byte[] {(byte) f1} : new byte[] {(byte) f1, (byte) f2};
            theme[m] = (byte) (r.nextDouble() < 0.5 ? r.nextInt(THEMES) : -1);
        }
        skillStart[members] = s;
    }

    public GeoPoint location(int establishment) {
        return estPoint[establishment];
    }

    /** Member {@code m} as a matching candidate. */
    public MatchCandidate candidate(int m) {
        Map<ToolId, CompetenceLevel> levels = new HashMap<>();
        for (int k = skillStart[m]; k < skillStart[m + 1]; k++) {
            levels.put(tools[skillTool[k]], CompetenceLevel.values()[skillLevel[k]]);
        }
        return new MatchCandidate(memberIds[m], estUai[memberEst[m]], location(memberEst[m]), levels, followedTools(m),
                followedThemes(m));
    }

    private Set<ToolId> followedTools(int m) {
        return follows[m].length == 1 ? Set.of(tools[follows[m][0]]) : Set.of(tools[follows[m][0]], tools[follows[m][1]]);
    }

    private Set<Theme> followedThemes(int m) {
        return theme[m] < 0 ? Set.of() : Set.of(themes[theme[m]]);
    }

    /** Member {@code m} as the store keeps them (the model record). */
    public Member member(int m) {
        Map<ToolId, Skill> skills = new HashMap<>();
        for (int k = skillStart[m]; k < skillStart[m + 1]; k++) {
            ToolId t = tools[skillTool[k]];
            skills.put(t, new Skill(t, CompetenceLevel.values()[skillLevel[k]]));
        }
        return new Member(memberIds[m], "Membre " + m, Email.of("m" + m + "@ac-test.fr"), estUai[memberEst[m]],
                Role.TEACHER_SECONDARY, Set.of(), skills, followedTools(m), followedThemes(m), MemberStatus.ACTIVE,
                Instant.EPOCH, 1);
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

    /** Forgets the shared candidates (memory measurements). */
    public synchronized void dropCandidates() {
        candidates = null;
    }

    /** Number of (member, tool) skill entries. */
    public int skillEntries() {
        return skillStart[memberCount];
    }

    /** The level of member {@code m} on {@code tool}, or -1. */
    public int level(int m, int tool) {
        for (int k = skillStart[m]; k < skillStart[m + 1]; k++) {
            if (skillTool[k] == tool) {
                return skillLevel[k];
            }
        }
        return -1;
    }

    public static int toolIndex(ToolId tool) {
        return Integer.parseInt(tool.value().substring(5));
    }

    // ================================================================= helpers

    static int pick(SplittableRandom r, double[] shares) {
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
    static int search(double[] cumulative, double x) {
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

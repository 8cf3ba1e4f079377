package fr.sharenum.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.sharenum.ShareNum;
import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.model.Academie;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.EstablishmentStore;
import fr.sharenum.spi.MemberStore;
import fr.sharenum.testing.PostgresCluster;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How long a new instance takes to be ready to match when the store already holds a national deployment: a
 * throw-away PostgreSQL (test-support's {@link PostgresCluster}) filled with {@link SyntheticFrance#national} —
 * 60,000 establishments and N members with 10 tools each — through the store SPI, then {@code ShareNum.builder()
 * .store(...).build()} timed, three times (each a new instance on the same database, as a rolling restart does):
 * the snapshot read (establishments, members as projections, tickets, events), the facts and the engine's bulk
 * load (the geo engine, found by {@code ServiceLoader}); then how long until the indicators — counted in the
 * background once the instance is ready to match — answer a report. A standalone measurement: it times a start, which JMH cannot repeat in
 * one fork without keeping the previous instance.
 *
 * <pre>{@code
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar fr.sharenum.benchmarks.FastStartBenchmark [members [jdbc-url]]
 * }</pre>
 *
 * With a JDBC URL (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=sharenum}) the starts are timed on that
 * database instead of a throw-away one; its schema {@code national} is filled only when it does not already hold
 * the N members, so a second run measures starts alone.
 */
public final class FastStartBenchmark {

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        SyntheticFrance france = SyntheticFrance.national(members);
        if (args.length > 1) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(args[1]);
            config.setMaximumPoolSize(8);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                run(pool, france);
            }
            return;
        }
        java.nio.file.Path bin = PostgresCluster.binaries().orElseThrow(() -> new IllegalStateException(
                "needs PostgreSQL: apt-get install postgresql"));
        try (PostgresCluster cluster = PostgresCluster.start(bin, "shared_buffers=1GB", "max_wal_size=8GB")) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(cluster.dataSource());
            config.setMaximumPoolSize(8);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                run(pool, france);
            }
        }
    }

    private static void run(HikariDataSource pool, SyntheticFrance france) throws Exception {
        JdbcStore store = JdbcStore.builder(pool).schema("national").build();
        long stored;
        try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM national.sn_member")) {
            rs.next();
            stored = rs.getLong(1);
        }
        if (stored == 0) {
            long t0 = System.nanoTime();
            fill(store, france);
            System.out.printf("filled: %d establishments, %d members in %.0f s%n", france.establishmentCount,
                    france.memberCount, (System.nanoTime() - t0) / 1e9);
        } else if (stored != france.memberCount) {
            throw new IllegalStateException("the database holds " + stored + " members, not " + france.memberCount);
        } else {
            System.out.printf("the database already holds %,d members%n", stored);
        }
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            ShareNum instance = ShareNum.builder().store(JdbcStore.builder(pool).schema("national").build()).build();
            double seconds = (System.nanoTime() - start) / 1e9;
            int size = instance.matchingEngine(fr.sharenum.model.Actor.host("bench")).size();
            long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            // the indicators finish counting the snapshot in the background: a report waits for them
            instance.indicators().report(fr.sharenum.model.Actor.host("bench"), fr.sharenum.Territory.country(),
                    java.time.YearMonth.of(2026, 9), java.time.YearMonth.of(2026, 9));
            double reported = (System.nanoTime() - start) / 1e9;
            System.out.printf("start %d: ready to match %,d members in %.1f s (heap used %,d MB); indicators ready after %.1f s%n",
                    run, size, seconds, heap, reported);
            instance.close();
            System.gc();
        }
    }

    /** Writes the dataset through the store SPI, 5,000 records a transaction. */
    private static void fill(JdbcStore store, SyntheticFrance f) {
        EstablishmentType[] types = EstablishmentType.values();
        store.inTransaction(t -> {
            EstablishmentStore e = t.establishments().orElseThrow();
            for (int i = 0; i < f.establishmentCount; i++) {
                Academie a = Academie.byDepartement(f.estDept[i]).orElse(Academie.PARIS);
                e.put(new Establishment(f.estUai[i], "Établissement " + i, types[i % types.length], a, f.location(i)));
            }
            return null;
        });
        Instant now = Instant.parse("2026-09-01T08:00:00Z");
        for (int from = 0; from < f.memberCount; from += 5_000) {
            int first = from;
            store.inTransaction(t -> {
                MemberStore m = t.members().orElseThrow();
                for (int i = first; i < Math.min(f.memberCount, first + 5_000); i++) {
                    Map<ToolId, Skill> skills = new HashMap<>();
                    for (int k = f.skillStart[i]; k < f.skillStart[i + 1]; k++) {
                        ToolId tool = f.tools[f.skillTool[k]];
                        skills.put(tool, new Skill(tool, CompetenceLevel.values()[f.skillLevel[k]]));
                    }
                    Set<ToolId> follows = new HashSet<>();
                    for (short tool : f.follows[i]) {
                        follows.add(f.tools[tool]);
                    }
                    Set<Theme> themes = f.theme[i] < 0 ? Set.of() : Set.of(f.themes[f.theme[i]]);
                    m.insert(new Member(f.memberIds[i], "Membre " + i, Email.of("membre." + i + "@ac-paris.fr"),
                            f.estUai[f.memberEst[i]], Role.TEACHER_SECONDARY, Set.of(), skills, follows, themes,
                            MemberStatus.ACTIVE, now, 1));
                }
                return null;
            });
        }
    }

    private FastStartBenchmark() {
    }
}

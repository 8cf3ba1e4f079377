package fr.sharenum;

import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.model.Academie;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ShareNumException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.QualifiedQuery;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.testing.PostgresCluster;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.h2.jdbcx.JdbcConnectionPool;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.BEAUNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.LYON;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances, each on its own store object over one real database (PostgreSQL, or H2 when PostgreSQL is not
 * installed), driven at once by three threads through random histories (members registering, changing levels,
 * suspended and erased, tickets opened, offered and accepted, events created and joined, establishments moving):
 * once the feed has settled, every instance answers every matching query and every indicator exactly as a fourth
 * instance started afterwards on the same database.
 */
class SeveralInstancesModelTest {
    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final ToolId PRONOTE = ToolId.of("pronote");
    private static final List<ToolId> TOOLS = List.of(CAPYTALE, PRONOTE);
    private static final List<Establishment> SCHOOLS = List.of(CARNOT, NUITS, AUXONNE, BEAUNE, LYON);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** One step: which instance acts, what it does, two numbers choosing whom and how. */
    record Step(int instance, int kind, int a, int b) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 1_000), Arbitraries.integers().between(0, 1_000)).as(Step::new);
        return step.list().ofMinSize(10).ofMaxSize(45);
    }

    private static ShareNumStore newStore(javax.sql.DataSource ds, String schema) {
        return schema == null ? JdbcStore.builder(ds).build() : JdbcStore.builder(ds).schema(schema).build();
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void every_instance_answers_as_one_started_afterwards(@ForAll("histories") List<Step> history) throws Exception {
        javax.sql.DataSource ds;
        String schema;
        if (PostgresCluster.binaries().isPresent()) {
            ds = PostgresCluster.sharedOrSkip().dataSource();
            schema = "model_" + DATABASES.incrementAndGet();
        } else {
            ds = JdbcConnectionPool.create("jdbc:h2:mem:model" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
            schema = null;
        }
        List<Fixture> instances = new ArrayList<>();
        // one mailbox: any instance may deliver the verification mail another one's registration enqueued
        fr.sharenum.OutboxNotifier mails = new fr.sharenum.OutboxNotifier();
        for (int i = 0; i < 3; i++) {
            ShareNumStore store = newStore(ds, schema);
            instances.add(new Fixture(b -> b.store(store).changeFeed(Duration.ofMillis(50), Duration.ofDays(1)), true, mails));
        }
        World world = new World(instances);
        try {
            ExecutorService threads = Executors.newFixedThreadPool(3);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int me = i;
                List<Step> mine = history.stream().filter(s -> s.instance() == me).toList();
                done.add(threads.submit(() -> mine.forEach(world::play)));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
            threads.shutdown();

            Fixture later = new Fixture(b -> b.store(newStore(ds, schema)).changeFeed(Duration.ZERO, Duration.ofDays(1)), false);
            try {
                String expected = answers(later.sharenum);
                for (Fixture f : instances) {
                    assertThat(answers(f.sharenum)).isEqualTo(expected);
                }
                assertThat(later.sharenum.matchingEngine(HOST).size()).isEqualTo(world.activeCount());
            } finally {
                later.sharenum.close();
            }
        } finally {
            instances.forEach(f -> f.sharenum.close());
        }
    }

    /** Every matching answer and indicator report an instance gives, as text (it catches up with the feed first). */
    private static String answers(ShareNum sharenum) {
        StringBuilder out = new StringBuilder();
        YearMonth month = YearMonth.from(Fixture.START.atOffset(ZoneOffset.UTC));
        for (Territory t : List.of(Territory.country(), Territory.of(Academie.DIJON), Territory.of(Academie.LYON),
                Territory.of(CARNOT.uai()), Territory.of(NUITS.uai()), Territory.departement("021"))) {
            out.append(sharenum.indicators().report(HOST, t, month.minusMonths(1), month.plusMonths(2)).toCsv());
        }
        MatchingEngine engine = sharenum.matchingEngine(HOST);
        for (Establishment school : SCHOOLS) {
            for (ToolId tool : TOOLS) {
                for (CompetenceLevel min : CompetenceLevel.values()) {
                    for (double km : new double[] {1, 30, 200}) {
                        out.append(engine.qualified(QualifiedQuery.within(school.location(), km, tool, min).limit(1_000)))
                                .append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    /** What the three threads share: who exists so far, and the instances. */
    static final class World {
        final List<Fixture> instances;
        final List<Member> members = Collections.synchronizedList(new ArrayList<>());
        final List<TicketNum> tickets = Collections.synchronizedList(new ArrayList<>());
        final List<Event> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger names = new AtomicInteger();

        World(List<Fixture> instances) {
            this.instances = instances;
        }

        int activeCount() {
            Fixture any = instances.get(0);
            List<Member> all;
            synchronized (members) {
                all = List.copyOf(members);
            }
            return (int) all.stream().map(m -> any.sharenum.members().find(HOST, m.id())).filter(o -> o.isPresent() && o.get().isActive())
                    .count();
        }

        private static <T> T pick(List<T> from, int i) {
            synchronized (from) {
                return from.isEmpty() ? null : from.get(i % from.size());
            }
        }

        void play(Step s) {
            Fixture f = instances.get(s.instance());
            ShareNum sn = f.sharenum;
            try {
                switch (s.kind()) {
                    case 0, 1 -> {
                        Establishment at = SCHOOLS.get(s.a() % SCHOOLS.size());
                        Member m = f.active("Membre " + names.incrementAndGet(), at,
                                new Skill(TOOLS.get(s.b() % 2), CompetenceLevel.values()[s.b() % 3]));
                        members.add(m);
                    }
                    case 2 -> {
                        Member m = pick(members, s.a());
                        if (m != null) {
                            Member now = sn.members().get(m.id(), m.id());
                            sn.members().setSkill(m.id(), m.id(), now.version(),
                                    new Skill(TOOLS.get(s.b() % 2), CompetenceLevel.values()[s.b() % 3]));
                        }
                    }
                    case 3 -> {
                        Member m = pick(members, s.a());
                        if (m != null) {
                            if (s.b() % 2 == 0) {
                                sn.members().suspend(HOST, m.id(), "pour le modèle");
                            } else {
                                sn.members().reinstate(HOST, m.id(), "pour le modèle");
                            }
                        }
                    }
                    case 4 -> {
                        Member m = pick(members, s.a());
                        if (m != null && s.b() % 4 == 0) {
                            sn.members().erase(m.id(), m.id());
                        }
                    }
                    case 5, 6 -> {
                        Member m = pick(members, s.a());
                        if (m != null) {
                            tickets.add(sn.tickets().open(m.id(), TicketRequest.builder(TOOLS.get(s.b() % 2))
                                    .text("Besoin d'aide n° " + s.b()).radiusKm(10 + s.b() % 150).build()));
                        }
                    }
                    case 7 -> {
                        TicketNum t = pick(tickets, s.a());
                        if (t != null && !t.alerts().isEmpty()) {
                            MemberId helper = t.alerts().get(s.b() % t.alerts().size()).helper();
                            TicketNum offered = sn.tickets().offer(helper, t.id(), "Je peux aider");
                            if (s.b() % 2 == 0) {
                                sn.tickets().accept(t.requester(), t.id(), helper);
                            }
                            if (s.b() % 3 == 0 && offered != null) {
                                events.add(sn.events().create(helper, EventRequest.fromTicket(t.id()).title("Atelier")
                                        .start(Fixture.START.plus(Duration.ofDays(7 + s.b() % 20)).plus(Duration.ofHours(4)))
                                        .duration(Duration.ofHours(2)).capacity(2 + s.b() % 3)
                                        .atEstablishment(SCHOOLS.get(s.a() % SCHOOLS.size()).uai()).build()));
                            }
                        }
                    }
                    case 8 -> {
                        Event e = pick(events, s.a());
                        Member m = pick(members, s.b());
                        if (e != null && m != null) {
                            if (s.b() % 5 == 0) {
                                sn.events().cancel(e.organisers().get(0), e.id());
                            } else {
                                sn.events().register(m.id(), e.id());
                            }
                        }
                    }
                    default -> {
                        Establishment school = SCHOOLS.get(s.a() % 4); // never Lyon: it stays far from the others
                        double d = (s.b() % 21 - 10) / 1000.0;
                        sn.establishments().put(HOST, new Establishment(school.uai(), school.name(), school.type(),
                                school.academie(), GeoPoint.of(school.location().latitude() + d,
                                school.location().longitude() - d), school.communeCode()));
                    }
                }
            } catch (ShareNumException refused) {
                // a business refusal (not allowed, wrong state, limit…) is a legal outcome of a random step
            }
        }
    }
}

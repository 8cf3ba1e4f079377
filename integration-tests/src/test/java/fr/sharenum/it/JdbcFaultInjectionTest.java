package fr.sharenum.it;

import fr.sharenum.model.Actor;
import fr.sharenum.EventRequest;
import fr.sharenum.MatchingEngines;
import fr.sharenum.NewMember;
import fr.sharenum.OutboxNotifier;
import fr.sharenum.ShareNum;
import fr.sharenum.TicketRequest;
import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.jdbc.JdbcStoreException;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every workflow step on the JDBC store (H2), with the connection failing at each statement in turn:
 * after each failure the database holds exactly what it held before the call, and the call then
 * succeeds once the connection behaves.
 */
class JdbcFaultInjectionTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final List<String> TABLES = List.of("sn_establishment", "sn_member", "sn_verification", "sn_ticket",
            "sn_message", "sn_availability", "sn_event", "sn_bus", "sn_booking");

    /** A data source whose statements fail, one time, at the n-th statement executed after arming. */
    static final class FailingDataSource implements DataSource {
        private final DataSource real;
        private final AtomicInteger countdown = new AtomicInteger(-1);
        final AtomicInteger injected = new AtomicInteger();

        FailingDataSource(DataSource real) {
            this.real = real;
        }

        void failAt(int n) {
            countdown.set(n);
        }

        void disarm() {
            countdown.set(-1);
        }

        /**
         * Whether the instance is catching up with the change feed (before a matching query, after a commit): not a
         * step of the workflow — a failure there is logged and left to the next catch-up — so not a fault point.
         */
        private static boolean followingTheFeed() {
            return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().endsWith(".ChangeFollower")));
        }

        /** Faults hit the workflow's own thread, not the instance's background follower of the change feed. */
        private final Thread owner = Thread.currentThread();

        private void maybeFail() throws SQLException {
            if (Thread.currentThread() == owner && !followingTheFeed() && countdown.get() > 0 && countdown.decrementAndGet() == 0) {
                injected.incrementAndGet();
                throw new SQLException("injected fault: connection lost", "08006");
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection c = real.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if ("commit".equals(method.getName())) {
                            maybeFail();   // the commit never reaches the database
                        }
                        Object result = invoke(c, method, args);
                        return result instanceof PreparedStatement ps ? statement(ps) : result;
                    });
        }

        private PreparedStatement statement(PreparedStatement ps) {
            return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                    (proxy, method, args) -> {
                        if (method.getName().startsWith("execute")) {
                            maybeFail();
                        }
                        return invoke(ps, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return real.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            real.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            real.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return real.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return real.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return real.isWrapperFor(iface);
        }
    }

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final FailingDataSource faulty;
    private final OutboxNotifier outbox = new OutboxNotifier();
    private final ShareNum sharenum;
    private final List<String> report = new ArrayList<>();

    JdbcFaultInjectionTest() {
        h2.setURL("jdbc:h2:mem:faults" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        faulty = new FailingDataSource(h2);
        sharenum = ShareNum.builder().store(JdbcStore.builder(faulty).build()).notifier(outbox)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).matchingEngine(MatchingEngines.reference())
                .notificationDelivery(Runnable::run, java.time.Duration.ZERO).build();
    }

    /** Everything the database holds, table by table, in key order. */
    private List<String> snapshot() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= n; i++) {
                            row.append('|').append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    /** Runs {@code step} with a fault at statement 1, 2, 3… until it succeeds; returns its result. */
    private <T> T underFaults(String name, Supplier<T> step) throws SQLException {
        for (int n = 1; ; n++) {
            List<String> before = snapshot();
            faulty.failAt(n);
            try {
                T result = step.get();
                faulty.disarm();
                report.add(name + ": " + (n - 1) + " fault points");
                assertThat(n).as(name + " touches the database").isGreaterThan(1);
                return result;
            } catch (JdbcStoreException expected) {
                faulty.disarm();
                assertThat(snapshot()).as(name + " failing at statement " + n).isEqualTo(before);
            }
        }
    }

    private Member join(String name, String email, Establishment at, CompetenceLevel level) throws SQLException {
        Member m = underFaults("register " + name, () -> sharenum.members().register(Actor.anonymous(), NewMember.builder().displayName(name)
                .email(email).establishment(at.uai()).role(Role.TEACHER_SECONDARY).skill(new Skill(CAPYTALE, level))
                .follow(CAPYTALE).build()));
        // the last fault hit the verification mail's delivery after the commit: it waits in the outbox
        sharenum.outbox().retryNow(Actor.host("test"));
        String token = outbox.sent(Notification.VerificationRequested.class).stream().filter(v -> v.recipient().equals(m.id()))
                .reduce((a, b) -> b).orElseThrow().token();
        return underFaults("verify " + name, () -> sharenum.members().verify(Actor.anonymous(), m.id(), token));
    }

    @Test
    void every_workflow_step_is_all_or_nothing_under_a_lost_connection() throws Exception {
        Establishment roupnel = new Establishment(Uai.of("0211136W"), "Collège Gaston Roupnel", EstablishmentType.COLLEGE,
                Academie.DIJON, GeoPoint.of(47.3364, 5.0429), "21231");
        Establishment chapitre = new Establishment(Uai.of("0211225T"), "Collège Le Chapitre", EstablishmentType.COLLEGE,
                Academie.DIJON, GeoPoint.of(47.2956, 5.0035), "21166");
        underFaults("put establishments", () -> sharenum.establishments().putAll(Actor.host("test"), List.of(roupnel, chapitre)));
        Member claire = join("Claire", "claire@ac-dijon.fr", roupnel, CompetenceLevel.NOVICE);
        Member karim = join("Karim", "karim@ac-dijon.fr", chapitre, CompetenceLevel.EXPERIENCED);
        Member paul = join("Paul", "paul@ac-dijon.fr", roupnel, CompetenceLevel.NOVICE);
        Bus bus = underFaults("add bus", () -> sharenum.busNum().add(Actor.host("test"), Bus.of(BusId.of("busnum-21"), "BusNum", roupnel.location(),
                80, java.util.Set.of("tablettes"), 12)));

        TicketNum ticket = underFaults("open ticket", () -> sharenum.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE)
                .text("Python en 2de").radiusKm(30).build()));
        underFaults("offer", () -> sharenum.tickets().offer(karim.id(), ticket.id(), "Je passe jeudi"));
        underFaults("accept", () -> sharenum.tickets().accept(claire.id(), ticket.id(), karim.id()));
        underFaults("post", () -> sharenum.tickets().post(claire.id(), ticket.id(), "Merci !"));
        Event event = underFaults("create event with bus", () -> sharenum.events().create(karim.id(), EventRequest.fromTicket(ticket.id()).title("Capytale").start(Instant.parse("2026-12-02T13:00:00Z")).duration(Duration.ofHours(2))
                .capacity(1).atEstablishment(roupnel.uai()).onBus(bus.id()).build()));
        underFaults("confirm", () -> sharenum.events().confirm(claire.id(), event.id()));
        underFaults("register to event", () -> sharenum.events().register(paul.id(), event.id()));
        Event cancelled = underFaults("cancel event", () -> sharenum.events().cancel(karim.id(), event.id()));

        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(sharenum.tickets().get(Actor.host("test"), ticket.id()).status()).isEqualTo(TicketStatus.HELPER_ACCEPTED);
        assertThat(sharenum.busNum().get(Actor.host("test"), bus.id()).version()).isEqualTo(3);
        assertThat(faulty.injected.get()).isGreaterThan(40);
        assertThat(report).anySatisfy(r -> assertThat(r).startsWith("create event with bus"));
        System.err.println("fault points: " + report + ", faults injected: " + faulty.injected.get());
    }
}

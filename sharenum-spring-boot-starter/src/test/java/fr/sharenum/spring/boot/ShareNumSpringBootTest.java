package fr.sharenum.spring.boot;

import fr.sharenum.ShareNum;
import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.model.Actor;
import fr.sharenum.model.TicketNum;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spring.boot.app.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole application on a real H2 database, with the Actuator's health endpoint. */
@SpringBootTest(classes = TestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:sharenum-boot;DB_CLOSE_DELAY=-1",
        "management.endpoint.health.show-details=always",
        "sharenum.host-name=ent",
        "sharenum.invitation-sender=ne-pas-repondre@ac-dijon.fr"})
class ShareNumSpringBootTest {

    @Autowired
    ShareNum sharenum;
    @Autowired
    Scenario.Recorder recorder;
    @Autowired
    DataSource dataSource;
    @Autowired
    HealthEndpoint health;

    @Test
    void a_ticket_is_stored_in_the_applications_database_and_sharenum_reports_its_health() throws Exception {
        TicketNum ticket = Scenario.ticket(sharenum, recorder, Actor.host("ent"));

        assertThat(ticket.alerts()).hasSize(1);
        try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery(
                "select count(*) from sn_ticket where id = '" + ticket.id().value() + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertThat(health.healthForPath("sharenum").getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        var details = ((org.springframework.boot.actuate.health.Health) health.healthForPath("sharenum")).getDetails();
        assertThat(details).containsKeys("waiting", "failed", "deadLetters", "changeFeedLag", "changesBehind");
    }

    @Test
    void sharenums_meters_are_in_the_applications_registry(@Autowired io.micrometer.core.instrument.MeterRegistry registry) {
        sharenum.establishments().put(Actor.host("ent"), Scenario.ROUPNEL);
        double before = registry.find("sharenum.members.registered").counters().stream().mapToDouble(c -> c.count()).sum();
        Scenario.member(sharenum, recorder, "Mia Metric", "mia.metric@ac-dijon.fr", null);
        assertThat(registry.get("sharenum.members.registered").counter().count()).isEqualTo(before + 1);
        assertThat(registry.get("sharenum.feed.lag").gauge().value()).isZero();
        assertThat(registry.find("sharenum.calls").tag("operation", "members.verify").timers()).isNotEmpty();
    }

    @Test
    void the_store_is_the_jdbc_store_on_the_applications_datasource(@Autowired ShareNumStore store) {
        assertThat(store).isInstanceOf(JdbcStore.class);
    }
}

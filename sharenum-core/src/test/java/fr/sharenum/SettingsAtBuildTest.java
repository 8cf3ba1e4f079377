package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.BEAUNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings are value objects checked on their own, and {@code build()} refuses those that disagree, naming both. */
class SettingsAtBuildTest {

    @Nested
    @DisplayName("combinations refused by build()")
    class Combinations {
        @Test
        void a_broadcast_radius_above_the_largest_radius_is_refused_naming_both() {
            ShareNum.Builder b = ShareNum.builder().broadcastRadiusKm(250);
            assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("broadcastRadiusKm").hasMessageContaining("radiusKm (200.0 km)");
            assertThatCode(() -> ShareNum.builder().broadcastRadiusKm(250).radiusKm(1, 300, 30).build().close())
                    .doesNotThrowAnyException();
        }

        @Test
        void bus_hours_too_short_for_set_up_and_tear_down_are_refused_naming_both() {
            ShareNum.Builder b = ShareNum.builder().busOperatingHours(LocalTime.of(7, 0), LocalTime.of(8, 0));
            assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("busOperatingHours").hasMessageContaining("busLogistics");
            assertThatCode(() -> ShareNum.builder().busOperatingHours(LocalTime.of(7, 0), LocalTime.of(8, 0))
                    .busLogistics(50, Duration.ofMinutes(15), Duration.ofMinutes(15)).build().close()).doesNotThrowAnyException();
        }

        @Test
        void a_lease_longer_than_the_longest_retry_is_refused_naming_both() {
            ShareNum.Builder b = ShareNum.builder().notificationLease(Duration.ofHours(7));
            assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("notificationLease").hasMessageContaining("longestRetry");
        }

        @Test
        void a_feed_poll_not_shorter_than_the_retention_is_refused_naming_both() {
            ShareNum.Builder b = ShareNum.builder().changeFeed(Duration.ofMinutes(5), Duration.ofMinutes(5));
            assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pollInterval").hasMessageContaining("retention");
        }

        @Test
        void setters_are_order_free_only_build_judges_the_combination() {
            assertThatCode(() -> ShareNum.builder().notificationLease(Duration.ofHours(7))
                    .notificationRetries(3, Duration.ofMinutes(1), Duration.ofHours(8)).build().close())
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    @DisplayName("value objects")
    class ValueObjects {
        @Test
        void each_value_object_names_the_value_out_of_range() {
            assertThatThrownBy(() -> AlertLimits.builder().perHelperPerWeek(0).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perHelperPerWeek");
            assertThatThrownBy(() -> AlertLimits.builder().coolDown(Duration.ofDays(-1)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coolDown");
            assertThatThrownBy(() -> RadiusBounds.of(10, 100, 5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("need 0 < min <= default <= max");
            assertThatThrownBy(() -> NotificationRetries.builder().firstRetry(Duration.ofHours(7)).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longestRetry").hasMessageContaining("firstRetry");
            assertThatThrownBy(() -> BusLogistics.builder().averageSpeedKmh(0).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("averageSpeedKmh");
            assertThatThrownBy(() -> ChangeFeed.of(Duration.ZERO, Duration.ofSeconds(30)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
        }

        @Test
        void the_defaults_are_the_builders_defaults() {
            assertThat(AlertLimits.builder().build()).isEqualTo(AlertLimits.defaults());
            assertThat(AlertLimits.defaults().capsTickets()).isFalse();
            assertThat(QuietHours.defaults()).isEqualTo(QuietHours.of(LocalTime.of(20, 0), LocalTime.of(7, 0)));
            assertThat(QuietHours.defaults().spansMidnight()).isTrue();
            assertThat(RadiusBounds.defaults()).isEqualTo(RadiusBounds.of(1, 200, 30));
            assertThat(BusLogistics.builder().build()).isEqualTo(BusLogistics.defaults());
            assertThat(NotificationRetries.builder().build()).isEqualTo(NotificationRetries.defaults());
            assertThat(ChangeFeed.defaults().pollInterval()).isEqualTo(Duration.ofMillis(250));
        }

        @Test
        void equal_quiet_hours_bounds_mean_no_quiet_hours() {
            assertThat(QuietHours.of(LocalTime.NOON, LocalTime.NOON).isOff()).isTrue();
            assertThat(QuietHours.of(LocalTime.NOON, LocalTime.NOON).contains(LocalTime.NOON)).isFalse();
            assertThat(QuietHours.defaults().contains(LocalTime.of(23, 0))).isTrue();
            assertThat(QuietHours.defaults().contains(LocalTime.of(7, 0))).isFalse();
        }
    }

    @Nested
    @DisplayName("the builder's setters")
    class Setters {
        private static final ToolId CAPYTALE = ToolId.of("capytale");

        private TicketNum ticketIn(Fixture f) {
            f.active("Nadia", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            f.active("Alice", AUXONNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            f.active("Basile", BEAUNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            return f.sharenum.tickets().open(f.active("Rachel", CARNOT).id(),
                    TicketRequest.builder(CAPYTALE).text("aide").radiusKm(50).build());
        }

        @Test
        void alert_limits_given_as_a_value_object_apply_cap_per_ticket_included() {
            Fixture f = new Fixture(b -> b.alertLimits(AlertLimits.builder().maxPerTicket(2).minimumPerTicket(1)
                    .coolDown(Duration.ZERO).build()));
            assertThat(ticketIn(f).alerts()).hasSize(2);
        }

        @Test
        void the_four_number_alert_limits_keep_the_cap_per_ticket_set_before() {
            Fixture f = new Fixture(b -> b.maxAlertsPerTicket(1).alertLimits(100, 1, Duration.ZERO, 100));
            assertThat(ticketIn(f).alerts()).hasSize(1);
        }

        @Test
        void a_refused_setter_leaves_the_builder_as_it_was() {
            ShareNum.Builder b = ShareNum.builder().alertLimits(AlertLimits.builder().perHelperPerWeek(7).build());
            assertThatThrownBy(() -> b.alertLimits(0, 1, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.radiusKm(5, 1, 3)).isInstanceOf(IllegalArgumentException.class);
            assertThatCode(() -> b.build().close()).doesNotThrowAnyException();
        }
    }
}

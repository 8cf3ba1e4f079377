package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.Delay;
import fr.sharenum.QuietHours;
import fr.sharenum.model.AlertPreferences.Digest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** When an alert goes: quiet hours in the helper's zone, digests, or now. */
class AlertTimingTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId REUNION = ZoneId.of("Indian/Reunion");
    private final AlertTiming overnight = new AlertTiming(QuietHours.of(LocalTime.of(20, 0), LocalTime.of(7, 0)));

    private static Instant paris(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void outside_quiet_hours_an_alert_goes_now() {
        assertThat(overnight.hold(Digest.NONE, PARIS, paris("2026-11-23T10:00"))).isEmpty();
        assertThat(overnight.hold(Digest.NONE, PARIS, paris("2026-11-23T07:00"))).as("the end is not quiet").isEmpty();
    }

    @Test
    void in_the_evening_an_alert_waits_for_the_next_morning() {
        assertThat(overnight.hold(Digest.NONE, PARIS, paris("2026-11-23T20:00")))
                .contains(new AlertTiming.Held(Delay.QUIET_HOURS, paris("2026-11-24T07:00")));
    }

    @Test
    void after_midnight_an_alert_waits_for_the_same_morning() {
        assertThat(overnight.hold(Digest.NONE, PARIS, paris("2026-11-24T03:30")))
                .contains(new AlertTiming.Held(Delay.QUIET_HOURS, paris("2026-11-24T07:00")));
    }

    @Test
    void quiet_hours_are_the_helpers_local_time() {
        Instant parisAfternoon = paris("2026-11-23T17:30");   // 20:30 in La Réunion
        assertThat(overnight.hold(Digest.NONE, PARIS, parisAfternoon)).isEmpty();
        assertThat(overnight.hold(Digest.NONE, REUNION, parisAfternoon)).map(AlertTiming.Held::why).contains(Delay.QUIET_HOURS);
    }

    @Test
    void daytime_quiet_hours_end_the_same_day() {
        AlertTiming lunch = new AlertTiming(QuietHours.of(LocalTime.of(12, 0), LocalTime.of(14, 0)));
        assertThat(lunch.hold(Digest.NONE, PARIS, paris("2026-11-23T13:00")))
                .contains(new AlertTiming.Held(Delay.QUIET_HOURS, paris("2026-11-23T14:00")));
        assertThat(lunch.hold(Digest.NONE, PARIS, paris("2026-11-23T21:00"))).isEmpty();
    }

    @Test
    void equal_start_and_end_turn_quiet_hours_off() {
        AlertTiming off = new AlertTiming(QuietHours.OFF);
        assertThat(QuietHours.OFF.isOff()).isTrue();
        assertThat(off.hold(Digest.NONE, PARIS, paris("2026-11-23T00:00"))).isEmpty();
        assertThat(off.hold(Digest.NONE, PARIS, paris("2026-11-23T23:59"))).isEmpty();
    }

    @Test
    void a_digest_goes_at_five_the_same_day_or_the_next() {
        assertThat(overnight.hold(Digest.DAILY, PARIS, paris("2026-11-23T09:00")))
                .contains(new AlertTiming.Held(Delay.DIGEST, paris("2026-11-23T17:00")));
        assertThat(overnight.hold(Digest.DAILY, PARIS, paris("2026-11-23T17:00")))
                .contains(new AlertTiming.Held(Delay.DIGEST, paris("2026-11-24T17:00")));
    }

    @Test
    void a_weekly_digest_goes_on_monday_at_five() {
        Optional<AlertTiming.Held> held = overnight.hold(Digest.WEEKLY, PARIS, paris("2026-11-24T09:00")); // a Tuesday
        assertThat(held).contains(new AlertTiming.Held(Delay.DIGEST, paris("2026-11-30T17:00")));
    }
}

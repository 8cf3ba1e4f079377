package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.Member;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.NUITS;
import static fr.sharenum.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attendance is kept once, on the event: marked one member at a time, by self check-in or all at once, the
 * académie's indicators ({@link IndicatorReport}) and the impact report ({@link ImpactReport}) count the same
 * people — on one instance and on a second one that follows the change feed.
 */
class AttendanceInBothReportsTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final Instant DAY = START.plus(Duration.ofDays(10));
    private static final YearMonth MONTH = YearMonth.from(DAY.atZone(ZoneOffset.UTC));
    private static final Territory DIJON = Territory.of(Academie.DIJON);

    @ParameterizedTest
    @EnumSource(Stores.class)
    void marked_one_by_one_by_check_in_or_all_at_once_both_reports_count_the_same_people(Stores kind) {
        ShareNumStore store = kind.fresh().store();
        Fixture f = new Fixture(b -> b.store(store));
        Fixture other = new Fixture(b -> b.store(store).clock(f.clock), false);
        ShareNum sn = f.sharenum;
        try {
            Member paul = f.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Member lea = f.active("Léa Présente", CARNOT);
            Member remi = f.active("Rémi Présent", CARNOT);
            Member noe = f.active("Noé Absent", CARNOT);
            Event e = sn.events().create(paul.id(), EventRequest.direct().title("Atelier Capytale").tools(CAPYTALE)
                    .start(DAY).duration(Duration.ofHours(2)).capacity(5).atEstablishment(NUITS.uai()).build());
            sn.events().confirm(paul.id(), e.id());
            for (Member m : new Member[] {lea, remi, noe}) {
                sn.events().register(m.id(), e.id());
            }
            String code = sn.events().checkInCode(paul.id(), e.id());
            f.clock.advance(Duration.between(f.clock.instant(), DAY.minus(Duration.ofMinutes(10))));
            sn.events().checkIn(lea.id(), e.id(), code);
            sn.events().markAttendance(paul.id(), e.id(), remi.id(), true);
            f.clock.advance(Duration.ofHours(3));
            sn.events().markHeld(paul.id(), e.id());

            for (ShareNum instance : new ShareNum[] {sn, other.sharenum}) {
                assertCounts(instance, 2, 1);
            }

            // the organisers correct it all at once: only Léa came
            assertThat(sn.events().markAttendance(paul.id(), e.id(), Set.of(lea.id()))).containsExactly(lea.id());
            assertThat(sn.events().get(HOST, e.id()).attended()).containsExactly(lea.id());
            for (ShareNum instance : new ShareNum[] {sn, other.sharenum}) {
                assertCounts(instance, 1, 2);
            }
            // then one by one again: Rémi came after all
            sn.events().markAttendance(paul.id(), e.id(), remi.id(), true);
            for (ShareNum instance : new ShareNum[] {sn, other.sharenum}) {
                assertCounts(instance, 2, 1);
            }
        } finally {
            other.sharenum.close();
            sn.close();
        }
    }

    private static void assertCounts(ShareNum sn, int attended, int noShows) {
        IndicatorReport indicators = sn.indicators().report(HOST, DIJON, MONTH, MONTH);
        ImpactReport impact = sn.indicators().impact(HOST, DIJON, MONTH, MONTH);
        assertThat(indicators.attended()).isEqualTo(attended);
        assertThat(indicators.noShows()).isEqualTo(noShows);
        assertThat(impact.eventsWithAttendance()).isEqualTo(1);
        assertThat(impact.registeredAtMarkedEvents()).isEqualTo(3);
        assertThat(impact.attended()).isEqualTo(attended);
        assertThat(impact.noShows()).isEqualTo(noShows);
    }
}

package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertLimits;
import fr.sharenum.AlertReport.NotAlerted;
import fr.sharenum.AlertReport.Reason;
import fr.sharenum.model.Alert;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.sharenum.core.internal.alerts.Candidates.CAPYTALE;
import static fr.sharenum.core.internal.alerts.Candidates.NOW;
import static fr.sharenum.core.internal.alerts.Candidates.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AlertSelection#selectNearest} against {@link AlertSelection#select} over every qualified member: the same
 * helpers alerted, the same reasons for every member examined, the others counted as left out by the ticket's cap.
 */
class NearestFirstPropertyTest {

    @Property(tries = 300)
    void examining_the_nearest_chooses_as_examining_everyone(@ForAll @IntRange(max = 3000) int qualified,
                                                             @ForAll @IntRange(min = 1, max = 40) int maxPerTicket,
                                                             @ForAll @IntRange(min = 1, max = 40) int minimumPerTicket,
                                                             @ForAll @IntRange(min = 1, max = 6) int perHelperPerWeek,
                                                             @ForAll @IntRange(max = 100) int percentLeftOut,
                                                             @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        AlertLimits limits = AlertLimits.builder().maxPerTicket(maxPerTicket)
                .minimumPerTicket(minimumPerTicket).perHelperPerWeek(perHelperPerWeek).build();
        // members at increasing distances (ties: colleagues of one establishment), some left out by a rule or capped
        List<Alert> ranked = new ArrayList<>();
        Map<MemberId, Candidate> weighed = new HashMap<>();
        double km = 0;
        for (int i = 0; i < qualified; i++) {
            km += r.nextInt(3) == 0 ? 0 : r.nextDouble();
            CompetenceLevel level = r.nextBoolean() ? CompetenceLevel.EXPERIENCED : CompetenceLevel.INTERMEDIATE;
            Alert a = new Alert(id(String.format("m%05d", i)), CAPYTALE, level, km);
            ranked.add(a);
            AlertPreferences prefs = AlertPreferences.NONE;
            boolean coolingDown = false;
            if (r.nextInt(100) < percentLeftOut) {
                switch (r.nextInt(4)) {
                    case 0 -> prefs = new AlertPreferences(Set.of(CAPYTALE), null);
                    case 1 -> prefs = new AlertPreferences(Set.of(), NOW.plus(Duration.ofDays(2)));
                    case 2 -> prefs = new AlertPreferences(Set.of(), null, Set.of(id("rachel")), AlertPreferences.Digest.NONE);
                    default -> coolingDown = true;
                }
            }
            int thisWeek = r.nextInt(100) < percentLeftOut ? perHelperPerWeek + r.nextInt(3) : r.nextInt(perHelperPerWeek);
            weighed.put(a.helper(), new Candidate(a, prefs, coolingDown, thisWeek,
                    r.nextInt(3) == 0 ? null : NOW.minus(Duration.ofMinutes(1 + r.nextInt(100_000)))));
        }
        ranked.sort(Candidate.ALERT_ORDER);
        List<Candidate> everyone = ranked.stream().map(a -> weighed.get(a.helper())).toList();
        AlertSelection selection = new AlertSelection(id("rachel"), AlertPreferences.NONE, limits, NOW);

        Pool full = selection.select(everyone);
        AtomicInteger reads = new AtomicInteger();
        Set<MemberId> examined = new HashSet<>();
        AlertSelection.Outcome nearest = selection.selectNearest(ranked, slice -> {
            reads.incrementAndGet();
            // the nearest first, then each next slice, never a member twice
            assertThat(slice).isNotEmpty().isEqualTo(ranked.subList(examined.size(), examined.size() + slice.size()));
            slice.forEach(a -> examined.add(a.helper()));
            return slice.stream().map(a -> weighed.get(a.helper())).toList();
        });

        assertThat(nearest.pool().chosen()).isEqualTo(full.chosen());
        assertThat(nearest.pool().excluded())
                .isEqualTo(full.excluded().stream().filter(n -> examined.contains(n.member())).toList());
        assertThat(nearest.beyond()).isEqualTo(qualified - examined.size());
        assertThat(nearest.pool().chosen().size() + nearest.pool().excluded().size() + nearest.beyond()).isEqualTo(qualified);
        if (nearest.beyond() > 0) {
            // not examined only once the rotation window is full: three times the cap chosen before it
            long capped = nearest.pool().excluded().stream().filter(n -> n.reason() == Reason.TICKET_CAP).count();
            assertThat(nearest.pool().chosen().size() + capped).isGreaterThanOrEqualTo(3L * maxPerTicket);
        }
        if (percentLeftOut == 0 && qualified >= 64) {
            // nobody left out by a rule: one read of the nearest, never everyone at national density
            assertThat(reads.get()).isEqualTo(1);
            assertThat(examined.size()).isEqualTo(Math.min(qualified, Math.max(64, 6 * maxPerTicket)));
        }
    }

    @Property(tries = 50)
    void without_a_cap_everyone_is_examined(@ForAll @IntRange(max = 500) int qualified) {
        List<Alert> ranked = new ArrayList<>();
        for (int i = 0; i < qualified; i++) {
            ranked.add(new Alert(id(String.format("m%05d", i)), CAPYTALE, CompetenceLevel.EXPERIENCED, i / 10.0));
        }
        AlertLimits limits = AlertLimits.builder().maxPerTicket(Integer.MAX_VALUE).build();
        AlertSelection.Outcome outcome = new AlertSelection(id("rachel"), AlertPreferences.NONE, limits, NOW)
                .selectNearest(ranked, prefix -> prefix.stream().map(a -> Candidate.of(a.helper(), a.tool(), a.level(),
                        a.distanceKm())).toList());
        assertThat(outcome.beyond()).isZero();
        assertThat(outcome.pool().chosen()).hasSize(qualified);
        assertThat(outcome.pool().excluded()).extracting(NotAlerted::reason).isEmpty();
    }

    @Test
    void the_examination_goes_on_until_the_rotation_window_is_full() {
        // cap 1: the window holds 3 chosen. The 64 nearest hold only 2 (the others muted the tool), both alerted
        // recently; the 65th was never alerted: the rotation must see them — it goes first
        List<Alert> ranked = new ArrayList<>();
        Map<MemberId, Candidate> weighed = new HashMap<>();
        for (int i = 0; i < 70; i++) {
            Alert a = new Alert(id(String.format("m%02d", i)), CAPYTALE, CompetenceLevel.EXPERIENCED, i);
            ranked.add(a);
            AlertPreferences prefs = i < 62 ? new AlertPreferences(Set.of(CAPYTALE), null) : AlertPreferences.NONE;
            weighed.put(a.helper(), new Candidate(a, prefs, false, 0, i == 64 ? null : NOW.minus(Duration.ofHours(1))));
        }
        AlertLimits limits = AlertLimits.builder().maxPerTicket(1).minimumPerTicket(1).build();
        List<Integer> reads = new ArrayList<>();
        AlertSelection.Outcome outcome = new AlertSelection(id("rachel"), AlertPreferences.NONE, limits, NOW)
                .selectNearest(ranked, prefix -> {
                    reads.add(prefix.size());
                    return prefix.stream().map(a -> weighed.get(a.helper())).toList();
                });
        assertThat(reads).containsExactly(64, 6);
        assertThat(outcome.pool().chosen()).extracting(Candidate::helper).containsExactly(id("m64"));
        assertThat(outcome.beyond()).isZero();
    }
}

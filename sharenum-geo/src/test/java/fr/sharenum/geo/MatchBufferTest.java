package fr.sharenum.geo;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchBuffer;
import fr.sharenum.spi.MemberSlots;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SPI's reusable buffer: references, engine slots, both mixed, two engines, reuse. */
class MatchBufferTest {

    private static Uai uai(int n) {
        String seven = String.format("021%04d", n);
        return Uai.of(seven + Uai.checkLetter(seven));
    }

    /** An engine's naming of slots: slot k is member "prefix-k" at establishment k. */
    private record Names(String prefix) implements MemberSlots {
        @Override
        public MemberId member(int slot) {
            return MemberId.of(prefix + "-" + slot);
        }

        @Override
        public Uai establishment(int slot) {
            return uai(slot);
        }
    }

    @Test
    void hits_given_as_references_and_as_slots_read_back_in_order() {
        MatchBuffer buffer = new MatchBuffer(1);
        Names a = new Names("a");
        buffer.accept(MemberId.of("x"), uai(9), CompetenceLevel.EXPERIENCED, 1.5);
        buffer.addAll(a, new int[] {7, 3, 5}, 1, 3, CompetenceLevel.INTERMEDIATE, 2.5);
        buffer.add(a, 40, CompetenceLevel.NOVICE, 3.5);
        assertThat(buffer.size()).isEqualTo(4);
        assertThat(buffer.asList()).containsExactly(
                new Match(MemberId.of("x"), uai(9), CompetenceLevel.EXPERIENCED, 1.5),
                new Match(MemberId.of("a-3"), uai(3), CompetenceLevel.INTERMEDIATE, 2.5),
                new Match(MemberId.of("a-5"), uai(5), CompetenceLevel.INTERMEDIATE, 2.5),
                new Match(MemberId.of("a-40"), uai(40), CompetenceLevel.NOVICE, 3.5));
        assertThat(buffer.toList()).isEqualTo(buffer.asList());
        assertThat(buffer.member(2)).isEqualTo(MemberId.of("a-5"));
        assertThat(buffer.level(3)).isEqualTo(CompetenceLevel.NOVICE);
        assertThat(buffer.distanceKm(0)).isEqualTo(1.5);
        assertThatThrownBy(() -> buffer.member(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void slots_of_a_second_engine_do_not_rename_the_first_ones() {
        MatchBuffer buffer = new MatchBuffer();
        buffer.add(new Names("a"), 1, CompetenceLevel.EXPERIENCED, 1);
        buffer.add(new Names("b"), 1, CompetenceLevel.EXPERIENCED, 2);
        assertThat(buffer.asList()).extracting(m -> m.member().value()).containsExactly("a-1", "b-1");
    }

    @Test
    void clearing_keeps_nothing_and_the_buffer_is_reusable() {
        MatchBuffer buffer = new MatchBuffer();
        for (int round = 0; round < 3; round++) {
            assertThat(buffer.clear().isEmpty()).isTrue();
            for (int i = 0; i < 1000; i++) {
                buffer.accept(MemberId.of("m" + i), uai(i % 100), CompetenceLevel.INTERMEDIATE, i);
            }
            assertThat(buffer.size()).isEqualTo(1000);
            assertThat(buffer.match(999)).isEqualTo(new Match(MemberId.of("m999"), uai(99), CompetenceLevel.INTERMEDIATE, 999));
        }
        assertThat(buffer.clear().asList()).isEqualTo(List.of());
    }
}

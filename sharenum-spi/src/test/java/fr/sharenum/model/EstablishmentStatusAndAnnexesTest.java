package fr.sharenum.model;

import fr.sharenum.model.EstablishmentChange.Kind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EstablishmentStatusAndAnnexesTest {

    private static final Uai CARNOT = Uai.of("0210015C");
    private static final Establishment OPEN = new Establishment(CARNOT, "Lycée Carnot", EstablishmentType.LYCEE,
            Academie.DIJON, GeoPoint.of(47.3226, 5.0466), "21231");
    private static final EstablishmentAnnex ANNEX = new EstablishmentAnnex("Lycée Carnot - annexe",
            EstablishmentType.LYCEE_PROFESSIONNEL, GeoPoint.of(47.32, 5.04));

    @Test
    void the_six_argument_constructor_still_makes_an_open_establishment_without_annexes() {
        assertThat(OPEN.status()).isEqualTo(EstablishmentStatus.OPEN);
        assertThat(OPEN.annexes()).isEmpty();
        assertThat(new Establishment(CARNOT, "Lycée Carnot", EstablishmentType.LYCEE, Academie.DIJON,
                GeoPoint.of(47.3226, 5.0466), "21231", null, null)).isEqualTo(OPEN);
    }

    @Test
    void copies_keep_everything_but_what_they_change() {
        Establishment closing = OPEN.withAnnexes(List.of(ANNEX)).withStatus(EstablishmentStatus.CLOSING);
        Establishment moved = closing.withLocation(GeoPoint.of(47.33, 5.05));

        assertThat(moved.status()).isEqualTo(EstablishmentStatus.CLOSING);
        assertThat(moved.annexes()).containsExactly(ANNEX);
        assertThat(moved.name()).isEqualTo("Lycée Carnot");
        assertThat(EstablishmentStatus.CLOSING.active()).isTrue();
        assertThat(EstablishmentStatus.CLOSED.active()).isFalse();
    }

    @Test
    void annexes_are_copied_and_validated() {
        List<EstablishmentAnnex> list = new ArrayList<>(List.of(ANNEX));
        Establishment e = OPEN.withAnnexes(list);
        list.clear();

        assertThat(e.annexes()).containsExactly(ANNEX);
        assertThatThrownBy(() -> e.annexes().add(ANNEX)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> OPEN.withAnnexes(Arrays.asList(ANNEX, null))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new EstablishmentAnnex(" ", EstablishmentType.LYCEE, GeoPoint.of(1, 1)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new EstablishmentAnnex("x", EstablishmentType.LYCEE, GeoPoint.of(1, 1), "123"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("communeCode");
    }

    @Test
    void a_change_says_what_changed_and_new_goes_alone_without_a_before() {
        Establishment closed = OPEN.withStatus(EstablishmentStatus.CLOSED);
        EstablishmentChange c = new EstablishmentChange(CARNOT, EnumSet.of(Kind.CLOSED), OPEN, closed, 0, true);

        assertThat(c.is(Kind.CLOSED)).isTrue();
        assertThat(c.kinds()).containsExactly(Kind.CLOSED);
        assertThat(new EstablishmentChange(CARNOT, Set.of(Kind.NEW), null, OPEN, 0, false).before()).isNull();
        assertThatThrownBy(() -> new EstablishmentChange(CARNOT, Set.of(), OPEN, closed, 0, false))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new EstablishmentChange(CARNOT, Set.of(Kind.NEW, Kind.MOVED), null, OPEN, 0, false))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new EstablishmentChange(CARNOT, Set.of(Kind.RENAMED), null, OPEN, 0, false))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new EstablishmentChange(CARNOT, Set.of(Kind.MOVED), OPEN, OPEN, -1, false))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new EstablishmentChange(CARNOT, Set.of(Kind.MOVED), OPEN, OPEN, 1, true))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new EstablishmentChange(Uai.of("0211928G"), Set.of(Kind.MOVED), OPEN, OPEN, 1, false))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new EstablishmentChange(CARNOT, Arrays.asList(Kind.MOVED, null).stream()
                .collect(java.util.stream.Collectors.toSet()), OPEN, OPEN, 1, false)).isInstanceOf(InvalidValueException.class);
    }
}

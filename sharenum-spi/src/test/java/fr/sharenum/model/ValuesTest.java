package fr.sharenum.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ValuesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void the_academie_catalogue_covers_mainland_corse_overseas_and_vice_rectorats() {
        assertThat(Academie.values()).hasSize(34);
        assertThat(Academie.byCode("7")).contains(Academie.DIJON);
        assertThat(Academie.byCode("70")).contains(Academie.NORMANDIE);
        assertThat(Academie.byDepartement("2A")).contains(Academie.CORSE);
        assertThat(Academie.byDepartement("21")).contains(Academie.DIJON);
        assertThat(Academie.byDepartement("988")).contains(Academie.NOUVELLE_CALEDONIE);
        assertThat(Academie.byMailDomain("AC-CAEN.FR")).contains(Academie.NORMANDIE);
        assertThat(Academie.byLabel("orléans-tours")).contains(Academie.ORLEANS_TOURS);
        assertThat(Academie.WALLIS_ET_FUTUNA.zone().getId()).isEqualTo("Pacific/Wallis");
        assertThat(Academie.LYON.holidayZone()).isEqualTo(Academie.HolidayZone.A);
        assertThat(Academie.byCode("99")).isEmpty();
        // every département belongs to exactly one académie
        long all = java.util.Arrays.stream(Academie.values()).mapToLong(a -> a.departements().size()).sum();
        long distinct = java.util.Arrays.stream(Academie.values()).flatMap(a -> a.departements().stream()).distinct().count();
        assertThat(all).isEqualTo(distinct);
    }

    /** The catalogue agrees with the real académie list in the shared data (skipped when absent). */
    @Test
    void the_catalogue_matches_the_shared_academie_list() throws IOException {
        Path file = SharedData.file("fr_academies.csv");
        assumeTrue(file != null, "shared open data not present");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";");
            Academie a = Academie.byCode(f[0]).orElseThrow(() -> new AssertionError("missing académie " + line));
            if (!f[2].isBlank()) {
                assertThat(a.mailDomains()).as(a.name()).contains(f[2]);
            }
            String depts = f[f.length - 3];
            for (String d : depts.split(" ")) {
                assertThat(Academie.byDepartement(d)).as("département %s", d).contains(a);
            }
        }
    }

    @Test
    void establishments_are_validated() {
        Uai uai = Uai.of("0210015C");
        assertThatThrownBy(() -> new Establishment(uai, " ", EstablishmentType.LYCEE, Academie.DIJON, GeoPoint.of(47, 5)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new Establishment(uai, "Carnot", EstablishmentType.LYCEE, Academie.DIJON, null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("location");
        assertThatThrownBy(() -> new Establishment(uai, "Carnot", EstablishmentType.LYCEE, Academie.DIJON, GeoPoint.of(47, 5), "2123"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("communeCode");
        assertThat(new Establishment(uai, "Carnot", EstablishmentType.LYCEE, Academie.DIJON, GeoPoint.of(47, 5), "2a004").communeCode())
                .isEqualTo("2A004");
    }

    @Test
    void identifiers_are_validated() {
        assertThat(ToolId.of(" GeoGebra ").value()).isEqualTo("geogebra");
        assertThatThrownBy(() -> ToolId.of("geo gebra")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ToolId.of("-x")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> MemberId.of("a b")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> MemberId.of("")).isInstanceOf(InvalidValueException.class);
        assertThat(MemberId.random()).isNotEqualTo(MemberId.random());
    }

    @Test
    void levels_are_ordered() {
        assertThat(CompetenceLevel.EXPERIENCED.isAtLeast(CompetenceLevel.INTERMEDIATE)).isTrue();
        assertThat(CompetenceLevel.INTERMEDIATE.isAtLeast(CompetenceLevel.INTERMEDIATE)).isTrue();
        assertThat(CompetenceLevel.NOVICE.isAtLeast(CompetenceLevel.INTERMEDIATE)).isFalse();
    }

    @Test
    void members_are_validated_and_edits_keep_the_version() {
        Member m = new Member(MemberId.of("m"), "Claire", Email.of("claire@ac-dijon.fr"), Uai.of("0210015C"),
                Role.TEACHER_SECONDARY, Set.of("Maths"), Map.of(), Set.of(), Set.of(), MemberStatus.ACTIVE, T0, 1);
        Member edited = m.withSkill(new Skill(ToolId.of("geogebra"), CompetenceLevel.EXPERIENCED, Set.of("géométrie")));
        assertThat(edited.version()).isEqualTo(1);
        assertThat(edited.levelOn(ToolId.of("geogebra"))).contains(CompetenceLevel.EXPERIENCED);
        assertThat(m.levelOn(ToolId.of("geogebra"))).isEmpty();
        assertThat(edited.nextVersion().version()).isEqualTo(2);
        assertThatThrownBy(() -> m.withDisplayName("x".repeat(121))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("displayName");
        assertThatThrownBy(() -> new Member(m.id(), "C", m.email(), m.establishment(), m.role(), Set.of(), Map.of(),
                Set.of(), Set.of(), MemberStatus.ACTIVE, T0, 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Member(m.id(), "C", m.email(), m.establishment(), m.role(), Set.of(),
                Map.of(ToolId.of("scratch"), new Skill(ToolId.of("geogebra"), CompetenceLevel.NOVICE)),
                Set.of(), Set.of(), MemberStatus.ACTIVE, T0, 1)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void ticket_transitions_follow_the_lifecycle() {
        assertThat(TicketStatus.OPEN.canMoveTo(TicketStatus.OFFERS_RECEIVED)).isTrue();
        assertThat(TicketStatus.OPEN.canMoveTo(TicketStatus.HELPER_ACCEPTED)).isFalse();
        assertThat(TicketStatus.HELPER_ACCEPTED.canMoveTo(TicketStatus.SCHEDULED)).isTrue();
        assertThat(TicketStatus.SCHEDULED.canMoveTo(TicketStatus.DONE)).isTrue();
        for (TicketStatus s : List.of(TicketStatus.DONE, TicketStatus.CANCELLED, TicketStatus.EXPIRED)) {
            assertThat(s.isFinal()).isTrue();
            for (TicketStatus t : TicketStatus.values()) {
                assertThat(s.canMoveTo(t)).isFalse();
            }
        }
        TicketNum t = new TicketNum(TicketId.of("t"), MemberId.of("r"), Uai.of("0210015C"), GeoPoint.of(47, 5),
                Set.of(ToolId.of("geogebra")), TicketKind.ACCOMPANIMENT, "aide", 30, T0, T0.plusSeconds(3600),
                TicketStatus.OPEN, List.of(), false, List.of(), List.of(), null, null, 1);
        assertThatThrownBy(() -> t.moveTo(TicketStatus.DONE, T0)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("OPEN").hasMessageContaining("DONE");
        TicketNum offered = t.withOffer(new Offer(MemberId.of("h"), "ok", T0, OfferStatus.PENDING));
        assertThat(offered.status()).isEqualTo(TicketStatus.OFFERS_RECEIVED);
        assertThat(offered.enteredAt(TicketStatus.OFFERS_RECEIVED)).contains(T0);
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThatThrownBy(() -> new TicketNum(TicketId.of("t"), MemberId.of("r"), Uai.of("0210015C"), GeoPoint.of(47, 5),
                Set.of(), TicketKind.ACCOMPANIMENT, "aide", 30, T0, T0.plusSeconds(3600),
                TicketStatus.OPEN, List.of(), false, List.of(), List.of(), null, null, 1))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("tools");
    }
}

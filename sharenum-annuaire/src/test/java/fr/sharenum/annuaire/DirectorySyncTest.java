package fr.sharenum.annuaire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.sharenum.annuaire.Fixtures.Collected;
import fr.sharenum.json.ShareNumModule;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentChange;
import fr.sharenum.model.EstablishmentChange.Kind;
import fr.sharenum.model.EstablishmentStatus;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Uai;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The store holds the directory of {@code sync-before.csv}; the ministry now publishes {@code sync-after.csv}:
 * a move of 145 m, a renaming, a re-typing, a closing, a closure, an absence, a reopening, an opening,
 * a new establishment, an annex, a row that cannot be read, and an establishment of another académie.
 */
class DirectorySyncTest {

    private static final Path BEFORE = Fixtures.path("sync-before.csv");
    private static final Path AFTER = Fixtures.path("sync-after.csv");

    private List<Establishment> store;

    @BeforeEach
    void storeHoldsTheOldDirectory() {
        Collected c = new Collected();
        AnnuaireImporter.builder().strict(true).build().importFile(BEFORE, c);
        store = c.list;
        assertThat(store).hasSize(12);
    }

    private static EstablishmentChange change(ChangeSet set, String uai) {
        return set.changes().stream().filter(c -> c.uai().value().equals(uai)).findFirst()
                .orElseThrow(() -> new AssertionError("no change for " + uai + " in " + set.changes()));
    }

    @Test
    void every_kind_of_change_is_proposed_once_per_establishment_in_uai_order() {
        ChangeSet set = DirectorySync.builder().build().diff(AFTER, store);

        assertThat(set.changes()).extracting(c -> c.uai().value()).containsExactly("0311102E", "0311103F", "0311104G",
                "0311105H", "0311106J", "0311107K", "0311108L", "0311110N", "0311112R", "0311113S");
        assertThat(set.unchanged()).isEqualTo(1);                                 // 0311101D
        EstablishmentChange moved = change(set, "0311102E");
        assertThat(moved.kinds()).containsExactly(Kind.MOVED);
        assertThat(moved.movedKm()).isCloseTo(0.145, within(0.001));
        assertThat(moved.after().location()).isEqualTo(GeoPoint.of(43.6113, 1.41));
        assertThat(change(set, "0311103F").kinds()).containsExactly(Kind.RENAMED);
        assertThat(change(set, "0311103F").after().name()).isEqualTo("Collège Simone Veil");
        EstablishmentChange retyped = change(set, "0311104G");
        assertThat(retyped.kinds()).containsExactly(Kind.RETYPED);
        assertThat(retyped.before().type()).isEqualTo(EstablishmentType.LYCEE);
        assertThat(retyped.after().type()).isEqualTo(EstablishmentType.LYCEE_PROFESSIONNEL);
        assertThat(change(set, "0311105H").kinds()).containsExactly(Kind.CLOSING);
        EstablishmentChange closed = change(set, "0311106J");
        assertThat(closed.kinds()).containsExactly(Kind.CLOSED);
        assertThat(closed.absentFromSource()).isFalse();
        EstablishmentChange absent = change(set, "0311107K");
        assertThat(absent.kinds()).containsExactly(Kind.CLOSED);
        assertThat(absent.absentFromSource()).isTrue();
        assertThat(absent.after()).isEqualTo(absent.before().withStatus(EstablishmentStatus.CLOSED));
        assertThat(change(set, "0311108L").kinds()).containsExactly(Kind.REOPENED);
        assertThat(change(set, "0311110N").kinds()).containsExactly(Kind.NEW);
        assertThat(change(set, "0311110N").before()).isNull();
        assertThat(change(set, "0311112R").kinds()).containsExactly(Kind.OPENED);
        assertThat(change(set, "0311113S").kinds()).containsExactly(Kind.UPDATED);
        assertThat(change(set, "0311113S").after().annexes()).hasSize(1);
        // the unreadable row (no coordinates) closes nothing; Montpellier is outside the file's scope
        assertThat(set.importReport().rejected()).singleElement().satisfies(r -> assertThat(r.uai()).isEqualTo("0311109M"));
        assertThat(set.changes()).noneMatch(c -> c.uai().value().equals("0311109M") || c.uai().value().equals("0341111Y"));
        assertThat(set.scope().academies()).containsExactly(Academie.TOULOUSE);
        assertThat(set.added()).hasSize(1);
        assertThat(set.moved()).hasSize(1);
        assertThat(set.renamed()).hasSize(1);
        assertThat(set.retyped()).hasSize(1);
        assertThat(set.closing()).hasSize(1);
        assertThat(set.closed()).hasSize(2);
        assertThat(set.reopened()).hasSize(1);
        assertThat(set.counts()).containsEntry(Kind.OPENED, 1).containsEntry(Kind.UPDATED, 1).containsEntry(Kind.CLOSED, 2);
    }

    @Test
    void applied_the_change_set_leaves_nothing_to_change_and_diffing_twice_gives_the_same_set() {
        DirectorySync sync = DirectorySync.builder().build();
        ChangeSet first = sync.diff(AFTER, store);

        assertThat(sync.diff(AFTER, store)).isEqualTo(first);
        List<Establishment> applied = first.applyTo(store);
        ChangeSet again = sync.diff(AFTER, applied);

        assertThat(again.isEmpty()).isTrue();
        assertThat(again.unchanged()).isEqualTo(10);    // every establishment the file lists readably
        assertThat(first.establishmentsToPut()).extracting(Establishment::uai)
                .isEqualTo(first.changes().stream().map(EstablishmentChange::uai).toList());
    }

    @Test
    void a_lookup_can_stand_for_a_store_too_large_to_list() throws Exception {
        Map<Uai, Establishment> byUai = new HashMap<>();
        store.forEach(e -> byUai.put(e.uai(), e));
        List<Uai> asked = new ArrayList<>();

        ChangeSet set = DirectorySync.builder().build().diff(AFTER, uai -> {
            asked.add(uai);
            return Optional.ofNullable(byUai.get(uai));
        }, byUai.keySet());

        assertThat(set).isEqualTo(DirectorySync.builder().build().diff(AFTER, store));
        assertThat(asked).hasSizeLessThanOrEqualTo(byUai.size() + 1);
        try (var reader = Files.newBufferedReader(AFTER)) {
            assertThat(DirectorySync.builder().build().diff(reader, store).changes()).isEqualTo(set.changes());
        }
    }

    @Test
    void the_review_csv_has_one_line_per_change_and_kind() {
        ChangeSet set = DirectorySync.builder().build().diff(AFTER, store);

        List<String> lines = set.toCsv().lines().toList();

        assertThat(lines.get(0)).isEqualTo("uai;changement;nom;avant;apres;distance_km;absent_du_fichier");
        assertThat(lines).hasSize(11)
                .contains("0311102E;MOVED;Collège Victor Hugo;43.610000, 1.410000;43.611300, 1.410000;0.145;",
                        "0311103F;RENAMED;Collège Simone Veil;Collège du Canal;Collège Simone Veil;;",
                        "0311104G;RETYPED;Lycée Jean Rostand;LYCEE;LYCEE_PROFESSIONNEL;;",
                        "0311105H;CLOSING;Collège de la Gare;OPEN;CLOSING;;",
                        "0311106J;CLOSED;École maternelle du Moulin;OPEN;CLOSED;;",
                        "0311107K;CLOSED;Collège Saint-Exupéry;OPEN;CLOSED;;oui",
                        "0311108L;REOPENED;Collège des Remparts;CLOSED;OPEN;;",
                        "0311112R;OPENED;Collège des Sources;OPENING;OPEN;;",
                        "0311113S;UPDATED;Collège Pasteur;annexes [];annexes [Collège Pasteur - annexe];;");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("0311110N;NEW;Collège Germaine Tillion;;COLLEGE, OPEN, "
                + "43.710000, 1.400000, académie Toulouse, commune 31555;;"));
    }

    @Test
    void the_json_report_reads_back_with_sharenum_json() throws Exception {
        ChangeSet set = DirectorySync.builder().build().diff(AFTER, store);
        JsonMapper mapper = ShareNumModule.mapper();

        JsonNode json = mapper.readTree(set.toJson());

        assertThat(json.path("headerVersion").asText()).isEqualTo("annuaire-2024");
        assertThat(json.path("summary").path("CLOSED").asInt()).isEqualTo(2);
        assertThat(json.path("summary").path("unchanged").asInt()).isEqualTo(1);
        assertThat(json.path("rejected").get(0).path("code").asText()).isEqualTo("NOT_LOCATED");
        assertThat(json.path("scope").path("academies").get(0).asText()).isEqualTo("TOULOUSE");
        List<EstablishmentChange> back = new ArrayList<>();
        for (JsonNode c : json.path("changes")) {
            back.add(mapper.treeToValue(c, EstablishmentChange.class));
        }
        assertThat(back).isEqualTo(set.changes());
    }

    @Test
    void the_scope_decides_which_absent_establishments_close() {
        ChangeSet everything = DirectorySync.builder().scope(SyncScope.everything()).build().diff(AFTER, store);
        ChangeSet nothing = DirectorySync.builder().scope(SyncScope.nothing()).build().diff(AFTER, store);
        ChangeSet montpellier = DirectorySync.builder()
                .scope(SyncScope.of(Set.of(Academie.MONTPELLIER), Set.of(EstablishmentType.COLLEGE))).build().diff(AFTER, store);

        assertThat(everything.closed()).extracting(c -> c.uai().value()).containsExactly("0311106J", "0311107K", "0341111Y");
        assertThat(nothing.closed()).extracting(c -> c.uai().value()).containsExactly("0311106J");   // listed FERME
        assertThat(montpellier.closed()).extracting(c -> c.uai().value()).containsExactly("0311106J", "0341111Y");
    }

    @Test
    void too_many_absences_look_like_a_truncated_file_and_are_refused() {
        List<Establishment> bigger = new ArrayList<>(store);
        for (int i = 0; i < 25; i++) {
            String seven = String.format("03120%02d", 50 + i);
            bigger.add(new Establishment(Uai.of(seven + Uai.checkLetter(seven)), "Collège " + i, EstablishmentType.COLLEGE,
                    Academie.TOULOUSE, GeoPoint.of(43.5, 1.5), "31555"));
        }

        assertThatThrownBy(() -> DirectorySync.builder().build().diff(AFTER, bigger))
                .isInstanceOfSatisfying(DirectorySyncException.class,
                        e -> assertThat(e.kind()).isEqualTo(DirectorySyncException.Code.TOO_MANY_CLOSURES))
                .hasMessageContaining("fermerait 26 établissements absents");
        assertThat(DirectorySync.builder().maxAbsentClosures(30, 0).build().diff(AFTER, bigger).closed()).hasSize(27);
    }

    @Test
    void small_geocoding_shifts_are_ignored_unless_asked_for() {
        String csv = Fixtures.COMPACT_HEADER + "0311101D;Collège Jean Moulin;Collège;31555;16;43.60013;1.4;COLLEGE;OUVERT\n";
        Establishment stored = store.stream().filter(e -> e.uai().value().equals("0311101D")).findFirst().orElseThrow();
        AnnuaireImporter compact = Fixtures.compact().build();

        ChangeSet ignored = DirectorySync.builder().importer(compact).build().diff(new StringReader(csv), List.of(stored));
        ChangeSet reported = DirectorySync.builder().importer(compact).moveThresholdKm(0).build()
                .diff(new StringReader(csv), List.of(stored));

        assertThat(ignored.isEmpty()).isTrue();
        assertThat(reported.moved()).singleElement().satisfies(c -> assertThat(c.movedKm()).isCloseTo(0.0033, within(0.0005)));
        String renamed = csv.replace("Jean Moulin", "Jean Moulin (nouveau nom)");
        ChangeSet renamedOnly = DirectorySync.builder().importer(compact).build().diff(new StringReader(renamed), List.of(stored));
        assertThat(renamedOnly.renamed()).singleElement()
                .satisfies(c -> assertThat(c.after().location()).isEqualTo(stored.location()));   // no silent move
    }

    @Test
    void a_strict_importer_refuses_the_whole_synchronisation_on_a_bad_row() {
        DirectorySync strict = DirectorySync.builder().importer(AnnuaireImporter.builder().strict(true).build()).build();

        assertThatThrownBy(() -> strict.diff(AFTER, store)).isInstanceOfSatisfying(AnnuaireImportException.class,
                e -> assertThat(e.kind()).isEqualTo(AnnuaireImportException.Code.INVALID_ROW));
    }

    @Test
    void an_establishment_already_closed_stays_closed_without_a_change() {
        List<Establishment> closedStore = new ArrayList<>();
        store.forEach(e -> closedStore.add(e.uai().value().equals("0311107K") ? e.withStatus(EstablishmentStatus.CLOSED) : e));

        ChangeSet set = DirectorySync.builder().build().diff(AFTER, closedStore);

        assertThat(set.changes()).noneMatch(c -> c.uai().value().equals("0311107K"));
        assertThatThrownBy(() -> DirectorySync.builder().build().diff(AFTER, List.of(store.get(0), store.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

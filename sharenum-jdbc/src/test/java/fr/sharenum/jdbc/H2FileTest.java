package fr.sharenum.jdbc;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Uai;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.tck.TckData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded default: an H2 file that keeps the data across restarts. */
class H2FileTest {

    @Test
    void data_survives_a_restart_and_migrations_run_once(@TempDir Path dir) {
        Establishment carnot = new Establishment(Uai.of("0210015C"), "Lycée Carnot", EstablishmentType.LYCEE,
                Academie.DIJON, GeoPoint.of(47.3226, 5.0466), "21231");
        JdbcStore first = JdbcStore.h2(dir);
        first.inTransaction(t -> {
            t.establishments().orElseThrow().put(carnot);
            t.members().orElseThrow().insert(TckData.member("M1", carnot.uai(), Map.of()));
            return null;
        });
        first.close();

        JdbcStore second = JdbcStore.h2(dir);

        java.util.Optional<Establishment> reread = second.inTransaction(t -> t.establishments().orElseThrow().get(carnot.uai()));
        java.util.Optional<fr.sharenum.model.Member> member = second.inTransaction(t -> t.members().orElseThrow().get(fr.sharenum.model.MemberId.of("M1")));
        assertThat(reread).contains(carnot);
        assertThat(member).isPresent();
        assertThat(dir.resolve("sharenum.mv.db")).exists();
        assertThatThrownBy(() -> second.inTransaction(t -> {
            t.members().orElseThrow().update(TckData.member("M1", carnot.uai(), Map.of()).withDisplayName("Autre").nextVersion().nextVersion(), 2);
            return null;
        })).isInstanceOf(VersionConflictException.class);
        second.close();
    }
}

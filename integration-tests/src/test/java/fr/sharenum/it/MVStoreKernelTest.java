package fr.sharenum.it;

import fr.sharenum.ShareNum;
import fr.sharenum.examples.kernel.MVStoreKernel;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.tck.DocumentsContract;
import fr.sharenum.tck.ShareNumStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second kernel: {@code examples}' {@link MVStoreKernel}, written on the storage kernel alone over H2's MVStore
 * (a file, no SQL), passes the kernel contract and — completed by ShareNum's kernel aggregates — the whole store
 * contract; and its data outlives the process.
 */
class MVStoreKernelTest {

    @Nested
    class Kernel extends DocumentsContract {
        @Override
        protected ShareNumStore newStore() {
            return MVStoreKernel.inMemory();
        }
    }

    @Nested
    class WholeStore extends ShareNumStoreContract {
        @Override
        protected ShareNumStore newStore() {
            return ShareNum.completed(MVStoreKernel.inMemory());
        }
    }

    @Test
    void what_was_stored_in_the_file_is_there_after_a_restart(@TempDir Path dir) {
        Path file = dir.resolve("sharenum.mv");
        Establishment carnot = new Establishment(Uai.of("0210015C"), "Lycée Carnot", EstablishmentType.LYCEE, Academie.DIJON,
                GeoPoint.of(47.3226, 5.0466), "21231");
        try (MVStoreKernel kernel = MVStoreKernel.open(file); ShareNum first = ShareNum.builder().store(kernel).build()) {
            first.establishments().put(Actor.host("test"), carnot);
        }
        try (MVStoreKernel kernel = MVStoreKernel.open(file); ShareNum again = ShareNum.builder().store(kernel).build()) {
            assertThat(again.establishments().get(Actor.host("test"), carnot.uai())).isEqualTo(carnot);
        }
    }
}

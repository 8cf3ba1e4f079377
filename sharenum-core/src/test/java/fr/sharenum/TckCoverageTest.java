package fr.sharenum;

import fr.sharenum.spi.Documents;
import fr.sharenum.spi.StoreTransaction;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The store contracts a host runs against its store ({@code DocumentsContract} for the kernel,
 * {@code ShareNumStoreContract} for the aggregates) call every method of the store SPI, so that a method nobody
 * tests cannot hide in it: they run on a recording store and each SPI method must have been called at least once.
 */
class TckCoverageTest {

    @Test
    void the_store_contract_calls_every_method_of_the_store_spi() {
        RecordedStoreContract.CALLED.clear();
        LauncherDiscoveryRequest discovery = request().selectors(selectClass(RecordedStoreContract.class),
                selectClass(RecordedKernelContract.class)).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(discovery, listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsFailedCount()).as("failures of the contract itself").isZero();
        assertThat(summary.getTestsSucceededCount()).isGreaterThan(30);

        List<String> spi = new ArrayList<>();
        for (Method m : Documents.class.getMethods()) {
            spi.add("Documents." + m.getName());
        }
        for (Method accessor : StoreTransaction.class.getDeclaredMethods()) {
            if (accessor.getReturnType() == Optional.class && accessor.getGenericReturnType() instanceof ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> aggregate) {
                spi.add("StoreTransaction." + accessor.getName());
                for (Method m : aggregate.getMethods()) {
                    if (!Modifier.isStatic(m.getModifiers())) {
                        spi.add(aggregate.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        assertThat(spi).hasSizeGreaterThan(60);
        TreeSet<String> missed = new TreeSet<>(spi);
        missed.removeAll(RecordedStoreContract.CALLED);
        assertThat(missed).as("SPI methods the store contract never calls").isEmpty();
    }
}

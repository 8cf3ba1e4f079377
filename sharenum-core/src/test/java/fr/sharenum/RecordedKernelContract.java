package fr.sharenum;

import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.StoreTransaction;
import fr.sharenum.tck.DocumentsContract;

import java.util.function.Function;

/**
 * The kernel contract on the in-memory store seen through {@link RecordedStoreContract}'s recording proxy. Not a
 * test by itself: {@link TckCoverageTest} runs it.
 */
public class RecordedKernelContract extends DocumentsContract {
    @Override
    protected ShareNumStore newStore() {
        ShareNumStore real = ShareNum.inMemoryStore();
        return new ShareNumStore() {
            @Override
            public <T> T inTransaction(Function<StoreTransaction, T> work) {
                return real.inTransaction(t -> work.apply(RecordedStoreContract.recording(t, StoreTransaction.class)));
            }
        };
    }
}

package fr.sharenum.core.internal;

import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.tck.ShareNumStoreContract;

class InMemoryStoreTest extends ShareNumStoreContract {
    @Override
    protected ShareNumStore newStore() {
        return new InMemoryStore();
    }
}

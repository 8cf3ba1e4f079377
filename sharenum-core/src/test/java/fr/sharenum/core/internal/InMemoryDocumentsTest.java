package fr.sharenum.core.internal;

import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.tck.DocumentsContract;

class InMemoryDocumentsTest extends DocumentsContract {
    @Override
    protected ShareNumStore newStore() {
        return new InMemoryStore();
    }
}

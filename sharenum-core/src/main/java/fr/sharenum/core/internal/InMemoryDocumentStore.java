package fr.sharenum.core.internal;

import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.StoreTransaction;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A store that implements only the storage kernel, in memory: what a host's minimal store looks like. ShareNum
 * builds every aggregate on it. Transactions are serialised by one lock and undone from an undo log when their work
 * throws. Thread-safe.
 */
public final class InMemoryDocumentStore implements ShareNumStore {
    private final ReentrantLock lock = new ReentrantLock();
    private final DocumentTables tables = new DocumentTables();

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        lock.lock();
        Deque<Runnable> undo = new ArrayDeque<>();
        boolean[] open = {true};
        Documents docs = tables.documents(undo, () -> {
            if (!open[0]) {
                throw new IllegalStateException("this transaction is over");
            }
        });
        StoreTransaction t = new StoreTransaction() {
            @Override
            public Optional<Doc> get(String collection, String key) {
                return docs.get(collection, key);
            }

            @Override
            public Map<String, Doc> getAll(String collection, Collection<String> keys) {
                return docs.getAll(collection, keys);
            }

            @Override
            public void insert(String collection, Doc doc) {
                docs.insert(collection, doc);
            }

            @Override
            public void replace(String collection, Doc doc, long expectedVersion) {
                docs.replace(collection, doc, expectedVersion);
            }

            @Override
            public boolean delete(String collection, String key) {
                return docs.delete(collection, key);
            }

            @Override
            public List<Doc> range(String collection, String index, String from, String to, int limit) {
                return docs.range(collection, index, from, to, limit);
            }
        };
        try {
            return work.apply(t);
        } catch (RuntimeException | Error e) {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
            throw e;
        } finally {
            open[0] = false;
            lock.unlock();
        }
    }
}

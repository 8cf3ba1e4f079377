package fr.sharenum.examples.kernel;

import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.StoreTransaction;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * ShareNum's whole store on a plain file, written the way a host writes its own: only the storage kernel
 * ({@link Documents}: get, insert, replace-if-version, delete, ordered range on declared index values), here over
 * H2's MVStore — an embedded, log-structured key-value store, one file, no SQL. ShareNum builds every aggregate
 * (members, tickets, events, outbox, change feed…) on top; wrapped in {@code ShareNum.completed(…)} it passes the
 * whole {@code ShareNumStoreContract} ({@code MVStoreKernelTest}).
 *
 * <p>Layout: one map per collection ({@code d/<collection>}: key → version, index values and body) and one map
 * per declared index ({@code i/<collection>/<index>}: {@code value NUL key} → key), whose natural string order is
 * the (value, key) order the kernel promises. Transactions are serialised by one lock and made atomic by the
 * store's versions: {@code commit()} at the end, {@code rollbackTo(version)} when the work throws. One process
 * at a time (for several instances, use {@code JdbcStore} on PostgreSQL).
 *
 * <pre>{@code
 * try (MVStoreKernel kernel = MVStoreKernel.open(Path.of("/var/lib/sharenum/sharenum.mv"))) {
 *     ShareNum sharenum = ShareNum.builder().store(kernel).build();
 *     ...
 * }
 * }</pre>
 */
public final class MVStoreKernel implements ShareNumStore, AutoCloseable {
    private static final char NUL = '\u0000';

    private final MVStore store;
    private final ReentrantLock lock = new ReentrantLock();

    private MVStoreKernel(MVStore store) {
        this.store = store;
    }

    /**
     * The kernel in {@code file} (created if needed).
     *
     * @param file the store's file
     * @return the kernel, to close when done
     */
    public static MVStoreKernel open(Path file) {
        Objects.requireNonNull(file, "file");
        return new MVStoreKernel(new MVStore.Builder().fileName(file.toAbsolutePath().toString()).autoCommitDisabled().open());
    }

    /**
     * A kernel kept in memory only (tests).
     *
     * @return the kernel
     */
    public static MVStoreKernel inMemory() {
        return new MVStoreKernel(new MVStore.Builder().autoCommitDisabled().open());
    }

    /**
     * Runs {@code work} alone, committing what it wrote when it returns and undoing it when it throws.
     *
     * @param work what to do
     * @param <T>  its result
     * @return its result
     */
    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        lock.lock();
        try {
            long version = store.getCurrentVersion();
            Kernel tx = new Kernel();
            try {
                T result = work.apply(tx);
                store.commit();
                return result;
            } catch (RuntimeException | Error e) {
                store.rollbackTo(version);
                throw e;
            } finally {
                tx.open = false;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes what is committed to the file and closes it. */
    @Override
    public void close() {
        lock.lock();
        try {
            store.close();
        } finally {
            lock.unlock();
        }
    }

    private MVMap<String, String> docs(String collection) {
        return store.openMap("d/" + Doc.requireName("collection", collection));
    }

    private MVMap<String, String> index(String collection, String index) {
        return store.openMap("i/" + collection + "/" + Doc.requireName("index", index));
    }

    /** version, then "name=value" lines for the index values, then an empty line, then the body. */
    private static String write(Doc doc) {
        StringBuilder b = new StringBuilder().append(doc.version()).append('\n');
        for (Map.Entry<String, String> e : doc.index().entrySet()) {
            b.append(e.getKey()).append('=').append(e.getValue().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        }
        return b.append('\n').append(doc.body()).toString();
    }

    private static Doc read(String key, String stored) {
        int end = stored.indexOf('\n');
        long version = Long.parseLong(stored.substring(0, end));
        Map<String, String> index = new LinkedHashMap<>();
        int at = end + 1;
        while (stored.charAt(at) != '\n') {
            int eol = stored.indexOf('\n', at);
            String line = stored.substring(at, eol);
            int eq = line.indexOf('=');
            index.put(line.substring(0, eq), line.substring(eq + 1).replace("\\n", "\n").replace("\\\\", "\\"));
            at = eol + 1;
        }
        return new Doc(key, version, index, stored.substring(at + 1));
    }

    private static String entry(String value, String key) {
        if (value.indexOf(NUL) >= 0) {
            throw new InvalidValueException("index", "an index value may not hold the NUL character");
        }
        return value + NUL + key;
    }

    /** The kernel of one transaction. */
    private final class Kernel implements StoreTransaction {
        boolean open = true;

        private void check() {
            if (!open) {
                throw new IllegalStateException("the transaction is over");
            }
        }

        @Override
        public Optional<Doc> get(String collection, String key) {
            check();
            String stored = docs(collection).get(key);
            return stored == null ? Optional.empty() : Optional.of(read(key, stored));
        }

        @Override
        public void insert(String collection, Doc doc) {
            check();
            if (doc.version() != 1) {
                throw new InvalidValueException("version", "a new document is at version 1, not " + doc.version());
            }
            MVMap<String, String> docs = docs(collection);
            if (docs.containsKey(doc.key())) {
                throw new DuplicateException(collection + " " + doc.key() + " is already stored");
            }
            docs.put(doc.key(), write(doc));
            doc.index().forEach((name, value) -> index(collection, name).put(entry(value, doc.key()), doc.key()));
        }

        @Override
        public void replace(String collection, Doc doc, long expectedVersion) {
            check();
            MVMap<String, String> docs = docs(collection);
            String stored = docs.get(doc.key());
            if (stored == null) {
                throw new NotFoundException(collection, doc.key());
            }
            Doc old = read(doc.key(), stored);
            if (old.version() != expectedVersion) {
                throw new VersionConflictException(collection, doc.key(), expectedVersion, old.version());
            }
            if (doc.version() != expectedVersion + 1) {
                throw new InvalidValueException("version", "the new version is " + (expectedVersion + 1) + ", not " + doc.version());
            }
            old.index().forEach((name, value) -> index(collection, name).remove(entry(value, doc.key())));
            docs.put(doc.key(), write(doc));
            doc.index().forEach((name, value) -> index(collection, name).put(entry(value, doc.key()), doc.key()));
        }

        @Override
        public boolean delete(String collection, String key) {
            check();
            String stored = docs(collection).remove(key);
            if (stored == null) {
                return false;
            }
            read(key, stored).index().forEach((name, value) -> index(collection, name).remove(entry(value, key)));
            return true;
        }

        @Override
        public List<Doc> range(String collection, String index, String fromInclusive, String toExclusive, int limit) {
            check();
            if (limit < 1) {
                throw new InvalidValueException("limit", "must be at least 1, was " + limit);
            }
            List<Doc> out = new ArrayList<>();
            if (fromInclusive.compareTo(toExclusive) >= 0) {
                return out;
            }
            MVMap<String, String> docs = docs(collection);
            if (BY_KEY.equals(index)) {
                Cursor<String, String> c = docs.cursor(fromInclusive);
                while (c.hasNext() && out.size() < limit) {
                    String key = c.next();
                    if (key.compareTo(toExclusive) >= 0) {
                        break;
                    }
                    out.add(read(key, c.getValue()));
                }
                return out;
            }
            String end = toExclusive + NUL;
            Cursor<String, String> c = index(collection, index).cursor(fromInclusive + NUL);
            while (c.hasNext() && out.size() < limit) {
                String composite = c.next();
                if (composite.compareTo(end) >= 0) {
                    break;
                }
                String key = c.getValue();
                out.add(read(key, docs.get(key)));
            }
            return out;
        }
    }
}

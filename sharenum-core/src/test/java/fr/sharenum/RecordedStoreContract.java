package fr.sharenum;

import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.StoreTransaction;
import fr.sharenum.tck.ShareNumStoreContract;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The store contract on the in-memory store seen through a proxy that records every SPI method the contract calls
 * ({@code Interface.method}). Not a test by itself (its name escapes surefire): {@link TckCoverageTest} runs it.
 */
public class RecordedStoreContract extends ShareNumStoreContract {
    /** Every SPI method called, as {@code Interface.method}. */
    static final Set<String> CALLED = ConcurrentHashMap.newKeySet();

    @Override
    protected ShareNumStore newStore() {
        ShareNumStore real = ShareNum.inMemoryStore();
        return new ShareNumStore() {
            @Override
            public <T> T inTransaction(Function<StoreTransaction, T> work) {
                CALLED.add("ShareNumStore.inTransaction");
                return real.inTransaction(t -> work.apply(recording(t, StoreTransaction.class)));
            }

            @Override
            public <T> T inSnapshot(Function<StoreTransaction, T> work) {
                CALLED.add("ShareNumStore.inSnapshot");
                return real.inSnapshot(t -> work.apply(recording(t, StoreTransaction.class)));
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <T> T recording(Object target, Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            CALLED.add(m.getDeclaringClass().getSimpleName() + "." + m.getName());
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Optional<?> o && o.isPresent() && m.getGenericReturnType() instanceof java.lang.reflect.ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> c && c.isInterface() && c.getPackageName().equals("fr.sharenum.spi")) {
                return Optional.of(recording(o.get(), c));
            }
            return result;
        });
    }
}

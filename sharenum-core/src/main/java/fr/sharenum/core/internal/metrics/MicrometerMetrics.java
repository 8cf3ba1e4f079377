package fr.sharenum.core.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * {@link Metrics} in a Micrometer {@link MeterRegistry}. Only loaded when the host gave a registry (and Micrometer is
 * therefore on the class path). Meters are looked up once per name and tags, then kept.
 */
final class MicrometerMetrics implements Metrics {
    private final MeterRegistry registry;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static Metrics bind(Object registry) {
        if (!(registry instanceof MeterRegistry r)) {
            throw new IllegalArgumentException("not a Micrometer MeterRegistry: " + registry.getClass().getName());
        }
        return new MicrometerMetrics(r);
    }

    private static List<String> key(String name, String[] tags) {
        if (tags.length % 2 != 0) {
            throw new IllegalArgumentException("tags come in key, value pairs: " + Arrays.toString(tags));
        }
        String[] k = new String[tags.length + 1];
        k[0] = name;
        System.arraycopy(tags, 0, k, 1, tags.length);
        return List.of(k);
    }

    @Override
    public void count(String name, double amount, String... tags) {
        counters.computeIfAbsent(key(name, tags), k -> Counter.builder(name).description(Meters.description(name))
                .baseUnit(Meters.unit(name)).tags(tags).register(registry)).increment(amount);
    }

    @Override
    public void time(String name, long nanos, String... tags) {
        timers.computeIfAbsent(key(name, tags), k -> Timer.builder(name).description(Meters.description(name))
                .tags(tags).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void gauge(String name, DoubleSupplier value, String... tags) {
        key(name, tags);
        gauges.add(Gauge.builder(name, value, DoubleSupplier::getAsDouble).description(Meters.description(name))
                .baseUnit(Meters.unit(name)).tags(tags).strongReference(true).register(registry));
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void close() {
        for (Meter g : gauges) {
            registry.remove(g);
        }
        gauges.clear();
    }
}

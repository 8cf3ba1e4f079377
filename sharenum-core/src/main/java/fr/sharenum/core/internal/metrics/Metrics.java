package fr.sharenum.core.internal.metrics;

import java.util.function.DoubleSupplier;

/**
 * What one ShareNum instance measures, without a hard dependency on a metrics library: counters, timers and gauges
 * named as in {@link Meters}. {@link #NONE} does nothing (the default, and what a host without Micrometer gets);
 * {@link #of} binds a Micrometer {@code MeterRegistry} when Micrometer is on the class path — the Micrometer types
 * are only loaded then (the way SLF4J and Micrometer themselves bind optional backends).
 *
 * <p>Thread-safe; every call is cheap enough for a workflow step (a map lookup and an atomic add).
 */
public interface Metrics {

    /** Measures nothing. */
    Metrics NONE = new Metrics() {
        @Override
        public void count(String name, double amount, String... tags) {
        }

        @Override
        public void time(String name, long nanos, String... tags) {
        }

        @Override
        public void gauge(String name, DoubleSupplier value, String... tags) {
        }

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void close() {
        }
    };

    /**
     * Adds {@code amount} to a counter.
     *
     * @param name   a name of {@link Meters}
     * @param amount how much, zero or more
     * @param tags   key, value, key, value…
     */
    void count(String name, double amount, String... tags);

    /**
     * Records one duration in a timer.
     *
     * @param name  a name of {@link Meters}
     * @param nanos how long
     * @param tags  key, value, key, value…
     */
    void time(String name, long nanos, String... tags);

    /**
     * Registers a gauge read at each scrape; {@code value} must be cheap, or cache what it reads.
     *
     * @param name  a name of {@link Meters}
     * @param value the current value (NaN when unknown)
     * @param tags  key, value, key, value…
     */
    void gauge(String name, DoubleSupplier value, String... tags);

    /** @return whether anything is recorded (callers skip work that only feeds metrics when not) */
    boolean enabled();

    /** Removes this instance's gauges from the registry (its counters and timers stay, as Micrometer's do). */
    void close();

    /**
     * The metrics for a host's registry.
     *
     * @param registry a Micrometer {@code io.micrometer.core.instrument.MeterRegistry}, or null for none
     * @return {@link #NONE} for null, else metrics recorded in {@code registry}
     * @throws IllegalArgumentException when Micrometer is not on the class path, or {@code registry} is not a
     *                                  {@code MeterRegistry}
     */
    static Metrics of(Object registry) {
        if (registry == null) {
            return NONE;
        }
        if (!micrometerPresent()) {
            throw new IllegalArgumentException("a meter registry was given but Micrometer (io.micrometer:micrometer-core)"
                    + " is not on the class path");
        }
        return MicrometerMetrics.bind(registry);
    }

    /** @return whether Micrometer's API can be loaded by ShareNum's class loader */
    static boolean micrometerPresent() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, Metrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

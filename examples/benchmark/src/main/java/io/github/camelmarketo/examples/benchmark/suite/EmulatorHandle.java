package io.github.camelmarketo.examples.benchmark.suite;

import java.util.Map;

/**
 * An emulator a scenario talks to, in its own JVM ({@link ForkedEmulator}) or, for the smoke run, in this one
 * ({@link InProcessEmulator}). Counters are the emulator's own ({@code "REST:POST /rest/v1/leads.json" -> 100},
 * {@code "code:REST:606" -> 0}): calls are counted where the vendor would count them.
 */
public interface EmulatorHandle extends AutoCloseable {

    /** {@code http://127.0.0.1:PORT}. */
    String baseUrl();

    /** A copy of the emulator's call counters. */
    Map<String, Long> counters();

    /** Zeroes the call counters (nothing else). */
    void resetCounters();

    @Override
    void close();

    /** Starts emulators of one kind. */
    @FunctionalInterface
    interface Factory {
        EmulatorHandle start(int leads, LimitSpec limits, String heap);
    }
}

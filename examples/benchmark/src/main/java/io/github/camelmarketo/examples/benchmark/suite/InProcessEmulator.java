package io.github.camelmarketo.examples.benchmark.suite;

import java.util.Map;

import io.github.camelmarketo.emulator.MarketoEmulator;

/** An emulator in this JVM (the smoke run: tiny sizes, where a second JVM would cost more than the work). */
public final class InProcessEmulator implements EmulatorHandle {

    private final MarketoEmulator emulator;

    private InProcessEmulator(MarketoEmulator emulator) {
        this.emulator = emulator;
    }

    /** Starts one; {@code heap} is ignored (this JVM's heap). */
    public static EmulatorHandle start(int leads, LimitSpec limits, String heap) {
        return new InProcessEmulator(EmulatorHost.start(leads, limits));
    }

    @Override
    public String baseUrl() {
        return emulator.getBaseUrl();
    }

    @Override
    public Map<String, Long> counters() {
        return emulator.counters().snapshot();
    }

    @Override
    public void resetCounters() {
        emulator.counters().reset();
    }

    @Override
    public void close() {
        emulator.stop();
    }
}

package io.github.camelmarketo.examples.benchmark.suite;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An emulator in its own JVM ({@link EmulatorHost}), driven over the child's standard input and output. */
public final class ForkedEmulator implements EmulatorHandle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildJvm jvm;
    private final String baseUrl;

    private ForkedEmulator(ChildJvm jvm, String baseUrl) {
        this.jvm = jvm;
        this.baseUrl = baseUrl;
    }

    /** Starts the emulator JVM with {@code -Xmx<heap>} and waits until it listens (seeding 1M leads takes a while). */
    public static EmulatorHandle start(int leads, LimitSpec limits, String heap) {
        ChildJvm jvm = ChildJvm.start(heap, List.of(), EmulatorHost.class.getName(),
                List.of("--leads", Integer.toString(leads), "--limits", limits.toArg()));
        String line;
        while ((line = jvm.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return new ForkedEmulator(jvm, line.substring("READY ".length()).trim());
            }
        }
        throw new IllegalStateException("The emulator JVM ended before it listened (exit " + jvm.waitFor() + ")");
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public synchronized Map<String, Long> counters() {
        jvm.send("counters");
        String line = expect("COUNTERS ");
        try {
            return JSON.readValue(line.substring("COUNTERS ".length()), new TypeReference<Map<String, Long>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable counters from the emulator: " + line, e);
        }
    }

    @Override
    public synchronized void resetCounters() {
        jvm.send("reset");
        expect("OK");
    }

    private String expect(String prefix) {
        String line;
        while ((line = jvm.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("The emulator JVM ended (exit " + jvm.waitFor() + ")");
    }

    @Override
    public void close() {
        jvm.send("quit");
        jvm.close();
    }
}

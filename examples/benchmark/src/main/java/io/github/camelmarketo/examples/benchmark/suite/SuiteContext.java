package io.github.camelmarketo.examples.benchmark.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.camelmarketo.examples.benchmark.tasks.TaskResult;
import io.github.camelmarketo.examples.benchmark.tasks.TaskSpec;

/**
 * What scenarios share in one suite run: settings, how to start emulators and clients, the report, progress output,
 * and figures one scenario measures for another (call latencies, call counts).
 */
public final class SuiteContext {

    /**
     * API calls a workload made, for the calls-per-record table.
     *
     * @param api        soap or rest
     * @param workload   e.g. {@code sync}, {@code read by email}, {@code consume}
     * @param side       {@code camel} or {@code raw loop}
     * @param records    records the workload moved
     * @param calls      calls the emulator counted (identity calls excluded)
     * @param minimum    the fewest calls the vendor's batch sizes allow for those records
     */
    public record CallCount(String api, String workload, String side, long records, long calls, double minimum) {
    }

    private final SuiteSettings settings;
    private final Path output;
    private final TaskRunner runner;
    private final EmulatorHandle.Factory emulators;
    private final Report report;
    private final Consumer<String> log;
    private final Map<String, Double> latencies = new HashMap<>();
    private final List<CallCount> callCounts = new ArrayList<>();

    SuiteContext(SuiteSettings settings, Path output, TaskRunner runner, EmulatorHandle.Factory emulators, Report report,
                 Consumer<String> log) {
        this.settings = settings;
        this.output = output;
        this.runner = runner;
        this.emulators = emulators;
        this.report = report;
        this.log = log;
    }

    public SuiteSettings settings() {
        return settings;
    }

    /** The report directory (charts go here). */
    public Path output() {
        return output;
    }

    public Report report() {
        return report;
    }

    /** Prints one progress line. */
    public void log(String line) {
        log.accept(line);
    }

    /** Starts an emulator (own JVM unless the smoke run). */
    public EmulatorHandle emulator(int leads, LimitSpec limits, String heap) {
        return emulators.start(leads, limits, heap);
    }

    /** Runs a client task; the emulator's counters are zeroed when it starts measuring. */
    public TaskResult run(TaskSpec spec, String heap, EmulatorHandle emulator) throws Exception {
        log(String.format("  %s %s: %,d leads, -Xmx%s ...", spec.api(), spec.task(), spec.leads(), heap));
        TaskResult result = runner.run(spec, heap, emulator::resetCounters);
        log(String.format("  %s %s: %.1f s, %.0f records/s", spec.api(), spec.task(), result.get("wallSeconds"),
                result.get("recordsPerSecond")));
        return result;
    }

    /** Mean call latency measured by the raw loop ({@code soap.sync}, {@code rest.read}), NaN if not measured. */
    public double latencyMillis(String key) {
        return latencies.getOrDefault(key, Double.NaN);
    }

    public void latencyMillis(String key, double millis) {
        latencies.put(key, millis);
    }

    public List<CallCount> callCounts() {
        return callCounts;
    }

    public void addCallCount(CallCount count) {
        callCounts.add(count);
    }
}

package io.github.camelmarketo.examples.benchmark.tasks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one client run measured: named figures ({@code records}, {@code wallSeconds}, {@code cpuSeconds},
 * {@code heapAfterGcMb}, {@code maxHeapMb}, {@code syncCallMs}, ...). Printed by the client JVM as JSON.
 *
 * @param task    the task name
 * @param api     soap or rest
 * @param metrics figures by name
 */
public record TaskResult(String task, String api, Map<String, Double> metrics) {

    /** The figure, or NaN when the task did not measure it. */
    public double get(String name) {
        Double value = metrics.get(name);
        return value == null ? Double.NaN : value;
    }

    /** A result with one more figure. */
    public TaskResult with(String name, double value) {
        Map<String, Double> copy = new LinkedHashMap<>(metrics);
        copy.put(name, value);
        return new TaskResult(task, api, copy);
    }
}

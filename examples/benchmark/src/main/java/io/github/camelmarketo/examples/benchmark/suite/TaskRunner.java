package io.github.camelmarketo.examples.benchmark.suite;

import io.github.camelmarketo.examples.benchmark.tasks.TaskResult;
import io.github.camelmarketo.examples.benchmark.tasks.TaskSpec;

/** Runs a client task in a JVM of its own ({@link ForkedTaskRunner}) or, for the smoke run, in this one. */
public interface TaskRunner {

    /**
     * Runs {@code spec} with a heap of {@code heap} and returns its figures.
     *
     * @param onMeasuring run when the task starts its measured part (the scenario zeroes the emulator's counters)
     */
    TaskResult run(TaskSpec spec, String heap, Runnable onMeasuring) throws Exception;
}

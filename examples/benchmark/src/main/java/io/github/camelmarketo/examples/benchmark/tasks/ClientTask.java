package io.github.camelmarketo.examples.benchmark.tasks;

import java.util.Map;

/** One measured client workload; {@link Tasks} names them. Implementations measure with {@link TaskMeter}. */
@FunctionalInterface
public interface ClientTask {

    /**
     * Runs the workload and returns its figures.
     *
     * @param progress where to report progress of long runs (one line each)
     */
    Map<String, Double> run(TaskSpec spec, Progress progress) throws Exception;

    /** A sink for progress lines. */
    @FunctionalInterface
    interface Progress {
        void report(String line);
    }
}

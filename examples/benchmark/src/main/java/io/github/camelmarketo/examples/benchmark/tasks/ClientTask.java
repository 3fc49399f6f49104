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

    /** A sink for progress lines, and the moment measuring starts. */
    @FunctionalInterface
    interface Progress {
        void report(String line);

        /**
         * Called once by a task right before its measured part (after any warm-up): the suite zeroes the emulator's
         * counters here so that they count the measured calls only. Returns when the suite is ready.
         */
        default void measuring() {
        }
    }
}

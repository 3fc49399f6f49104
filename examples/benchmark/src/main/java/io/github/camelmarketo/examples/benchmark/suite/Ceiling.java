package io.github.camelmarketo.examples.benchmark.suite;

import java.util.List;
import java.util.PriorityQueue;

/**
 * The theoretical ceiling of a workload under vendor limits: the shortest time in which any client could make its
 * calls, given the server's sliding window ({@code calls} per {@code window}, counted on arrival), the concurrency
 * (the vendor's cap or the client's threads, whichever is lower) and the latency of each kind of call. Calls are
 * sent as early as the limits allow (a greedy schedule, which is optimal for these constraints); phases run one after
 * the other (all syncs, then all reads), as the workload does.
 */
final class Ceiling {

    /**
     * One phase: {@code calls} calls of {@code latencyMillis} each.
     *
     * @param calls         number of calls
     * @param latencyMillis time one call takes
     */
    record Phase(long calls, double latencyMillis) {
    }

    private Ceiling() {
    }

    /** Seconds the phases need at best. */
    static double seconds(List<Phase> phases, LimitSpec limits, int threads) {
        int concurrency = limits.concurrent() > 0 ? Math.min(limits.concurrent(), threads) : threads;
        double window = limits.windowMillis();
        int perWindow = limits.calls();
        // arrival times of every call so far (the window constraint looks back perWindow calls)
        double[] arrivals = new double[(int) phases.stream().mapToLong(Phase::calls).sum()];
        int k = 0;
        double phaseStart = 0;
        for (Phase phase : phases) {
            PriorityQueue<Double> inFlight = new PriorityQueue<>();
            double end = phaseStart;
            for (long i = 0; i < phase.calls(); i++) {
                double start = phaseStart;
                if (perWindow > 0 && k >= perWindow) {
                    start = Math.max(start, arrivals[k - perWindow] + window);
                }
                if (inFlight.size() >= concurrency) {
                    start = Math.max(start, inFlight.poll());
                }
                arrivals[k++] = start;
                double done = start + phase.latencyMillis();
                inFlight.add(done);
                end = Math.max(end, done);
            }
            phaseStart = end;
        }
        return phaseStart / 1000.0;
    }
}

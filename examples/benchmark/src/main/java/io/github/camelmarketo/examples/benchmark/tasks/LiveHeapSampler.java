package io.github.camelmarketo.examples.benchmark.tasks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live heap of a long run, sampled: every {@link #PERIOD_MILLIS} ms a full collection, then the heap in use. A
 * young collection leaves dead objects of the old generation in place until the next marking cycle, so the heap
 * after it grows with the length of a run even when nothing is retained; after a full collection only what is
 * reachable is left. The largest sample is the peak live heap. Costs one full collection per period (a few
 * milliseconds for a heap of tens of megabytes); used for the consumer runs, not for the CPU measurements.
 */
final class LiveHeapSampler implements AutoCloseable {

    static final long PERIOD_MILLIS = 2000;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts sampling. */
    static LiveHeapSampler start() {
        LiveHeapSampler sampler = new LiveHeapSampler();
        sampler.timer.scheduleAtFixedRate(sampler::sample, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample() {
        System.gc();
        peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
    }

    /** Takes a last sample and stops; returns the peak live heap in bytes. */
    long stop() {
        timer.shutdownNow();
        sample();
        return peak.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package io.github.camelmarketo.examples.benchmark.tasks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The live heap of a long run, sampled at {@link #SAMPLES} evenly spaced points of its work: at each, a full
 * collection, then the heap in use. A young collection leaves dead objects of the old generation in place until the
 * next marking cycle, so the heap after it grows with the length of a run even when nothing is retained; after a full
 * collection only what is reachable is left. Sampling by progress (not by time) gives a short and a long run the
 * same number of samples, taken in the middle of the work (a page and its export chunk in hand), so their peaks
 * compare. Costs {@link #SAMPLES} full collections per run (a few milliseconds each for a heap of tens of
 * megabytes); used for the consumer runs, not for the CPU measurements. Thread-safe.
 */
final class LiveHeapSampler {

    static final int SAMPLES = 20;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final long step;
    /** Read on every record without the lock; only a sample takes it. */
    private volatile long next;
    private long peak;

    /** Samples each time another {@code total / SAMPLES} records are done. */
    LiveHeapSampler(long total) {
        this.step = Math.max(1, total / SAMPLES);
        this.next = step;
    }

    /** {@code done} records are done so far: samples when that passes the next point. */
    void progress(long done) {
        if (done < next) {
            return;
        }
        synchronized (this) {
            if (done >= next) {
                sample();
                long following = next;
                while (following <= done) {
                    following += step;
                }
                next = following;
            }
        }
    }

    private void sample() {
        System.gc();
        peak = Math.max(peak, MEMORY.getHeapMemoryUsage().getUsed());
    }

    /** The peak live heap in bytes (0 before the first sample). */
    synchronized long peak() {
        return peak;
    }
}

package io.github.camelmarketo.examples.benchmark.tasks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one action per item on {@code threads} threads, items taken in order from a shared index. The CPU time those
 * threads spend ({@link #workerCpuNanos()}: the calls, their mapping and the HTTP client's work on the calling thread;
 * not the JIT compiler, the garbage collector or other threads) is added up for the report.
 */
final class Parallel {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final LongAdder WORKER_CPU = new LongAdder();

    /** The action per item. */
    @FunctionalInterface
    interface Action<T> {
        void accept(T item) throws Exception;
    }

    private Parallel() {
    }

    /** CPU time of every worker thread so far, in nanoseconds. */
    static long workerCpuNanos() {
        return WORKER_CPU.sum();
    }

    static <T> void run(int threads, List<T> items, Action<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    try {
                        int i;
                        while ((i = next.getAndIncrement()) < items.size()) {
                            action.accept(items.get(i));
                        }
                    } finally {
                        WORKER_CPU.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

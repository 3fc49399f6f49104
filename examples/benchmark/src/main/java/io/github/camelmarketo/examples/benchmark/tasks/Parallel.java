package io.github.camelmarketo.examples.benchmark.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs one action per item on {@code threads} threads, items taken in order from a shared index. */
final class Parallel {

    /** The action per item. */
    @FunctionalInterface
    interface Action<T> {
        void accept(T item) throws Exception;
    }

    private Parallel() {
    }

    static <T> void run(int threads, List<T> items, Action<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < items.size()) {
                        action.accept(items.get(i));
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

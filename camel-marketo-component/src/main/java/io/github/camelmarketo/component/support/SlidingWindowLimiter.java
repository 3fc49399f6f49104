package io.github.camelmarketo.component.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Client-side limiter for a vendor that allows {@code callsPerWindow} calls in any sliding window of
 * {@code windowMillis} and {@code maxConcurrent} calls in flight. Callers {@link #acquire()} a permit before a call
 * and close it when the response has been read; they wait (never spin) while a limit is reached.
 *
 * <p>
 * A call occupies the window from the moment it is admitted until {@code windowMillis} after its response arrived.
 * The vendor stamps a call when it receives it, which is after we admitted it and before we read its answer, so
 * counting from the answer keeps our window at least as strict as the vendor's whatever the network latency.
 *
 * <p>
 * {@link #pause(long)} stops admitting calls for a while, for when the vendor refused a call anyway (its quota is
 * shared with other integrations). Thread-safe; share one instance per vendor account.
 */
public final class SlidingWindowLimiter {

    /** An admitted call; close it once its response is read. */
    public interface Permit extends AutoCloseable {

        /** Whether the caller had to wait for a limit before being admitted. */
        boolean waited();

        @Override
        void close();
    }

    private final int callsPerWindow;
    private final long windowNanos;
    private final int maxConcurrent;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private final Deque<Long> completed = new ArrayDeque<>();
    private int inFlight;
    private long pausedUntil;

    /**
     * @param callsPerWindow calls allowed per window ({@code <= 0}: no rate limit)
     * @param windowMillis   sliding window length in milliseconds
     * @param maxConcurrent  calls allowed in flight ({@code <= 0}: no concurrency limit)
     */
    public SlidingWindowLimiter(int callsPerWindow, long windowMillis, int maxConcurrent) {
        this(callsPerWindow, windowMillis, maxConcurrent, System::nanoTime);
    }

    SlidingWindowLimiter(int callsPerWindow, long windowMillis, int maxConcurrent, LongSupplier nanoClock) {
        if (callsPerWindow > 0 && windowMillis <= 0) {
            throw new IllegalArgumentException("windowMillis must be > 0 when callsPerWindow is set, was " + windowMillis);
        }
        this.callsPerWindow = callsPerWindow;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
        this.maxConcurrent = maxConcurrent;
        this.nanoClock = nanoClock;
        this.pausedUntil = nanoClock.getAsLong();
    }

    /** Waits until a call may start and admits it. */
    public Permit acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            boolean waited = false;
            long waitNanos;
            while ((waitNanos = nanosUntilAdmitted()) != 0) {
                waited = true;
                if (waitNanos < 0) {
                    changed.await();
                } else {
                    changed.awaitNanos(waitNanos);
                }
            }
            inFlight++;
            return new AdmittedCall(waited);
        } finally {
            lock.unlock();
        }
    }

    /** Admits no call for the next {@code millis} (already admitted calls continue). */
    public void pause(long millis) {
        lock.lock();
        try {
            pausedUntil = Math.max(pausedUntil, nanoClock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(millis));
        } finally {
            lock.unlock();
        }
    }

    /** Calls currently admitted and not yet closed. */
    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    public int getCallsPerWindow() {
        return callsPerWindow;
    }

    public long getWindowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(windowNanos);
    }

    public int getMaxConcurrent() {
        return maxConcurrent;
    }

    /** 0 when a call may start now, a positive wait in nanos, or -1 to wait for a call to finish. */
    private long nanosUntilAdmitted() {
        long now = nanoClock.getAsLong();
        if (pausedUntil - now > 0) {
            return pausedUntil - now;
        }
        if (maxConcurrent > 0 && inFlight >= maxConcurrent) {
            return -1;
        }
        if (callsPerWindow <= 0) {
            return 0;
        }
        while (!completed.isEmpty() && now - completed.peekFirst() >= windowNanos) {
            completed.pollFirst();
        }
        if (inFlight + completed.size() < callsPerWindow) {
            return 0;
        }
        if (completed.isEmpty()) {
            return -1;
        }
        return Math.max(1, completed.peekFirst() + windowNanos - now);
    }

    private final class AdmittedCall implements Permit {
        private final boolean waited;
        private boolean closed;

        AdmittedCall(boolean waited) {
            this.waited = waited;
        }

        @Override
        public boolean waited() {
            return waited;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (!closed) {
                    closed = true;
                    inFlight--;
                    if (callsPerWindow > 0) {
                        completed.addLast(nanoClock.getAsLong());
                    }
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }
}

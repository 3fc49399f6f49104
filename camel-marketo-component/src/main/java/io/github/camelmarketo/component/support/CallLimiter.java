package io.github.camelmarketo.component.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The default {@link RateLimiter}, local to this JVM: a client-side call limiter: at most {@code callsPerWindow} calls in any sliding {@code window}, and at most
 * {@code maxInFlight} calls at the same time. Callers block in {@link #acquire()} until a call may start and close the
 * returned {@link Permit} when the call has completed (response received or failed):
 *
 * <pre>
 * try (CallLimiter.Permit permit = limiter.acquire()) {
 *     response = httpClient.execute(request);
 * }
 * </pre>
 *
 * <p>
 * <b>Window accounting.</b> A call occupies a window slot from the moment it is admitted until {@code window} after
 * its permit was closed. Counting from completion (not from start) is deliberate: the server sees the call at some
 * unknown moment between start and completion, so a slot freed {@code window} after completion can never make the
 * server count more than {@code callsPerWindow} calls in any of its own windows, whatever the network latency. With the
 * limit matched to the vendor's, a steady run therefore never sees a rate-limit rejection.
 *
 * <p>
 * <b>Back-off.</b> When the server still rejects a call (another client shares the quota), {@link #pauseFor(Duration)}
 * holds every caller of this limiter until the pause has elapsed.
 *
 * <p>
 * <b>Daily budget.</b> With a {@link DailyBudget}, {@link #acquire()} throws {@link CallBudgetExceededException} once the
 * budget of the last 24 hours is spent, without waiting.
 *
 * <p>
 * Thread-safe. Share one instance between everything that spends the same vendor quota.
 * Counters ({@link #getCalls()}, {@link #getThrottledWaits()}, {@link #getTotalWait()}) are for reports and tests.
 */
public final class CallLimiter implements RateLimiter {

    /** Source of time in nanoseconds; replaceable in tests. */
    @FunctionalInterface
    public interface Ticker {
        long nanoTime();
    }

    private final int callsPerWindow;
    private final long windowNanos;
    private final int maxInFlight;
    private final Ticker ticker;
    private final DailyBudget dailyBudget;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    /** Completion times (nanos) of calls still inside the window, oldest first. */
    private final Deque<Long> completed = new ArrayDeque<>();
    private int inFlight;
    private long pausedUntil;
    private boolean paused;

    private final LongAdder calls = new LongAdder();
    private final LongAdder throttledWaits = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();

    /**
     * @param callsPerWindow calls allowed in any sliding window ({@code <= 0}: no rate limit)
     * @param window         the window length (must be positive when {@code callsPerWindow > 0})
     * @param maxInFlight    calls allowed at the same time ({@code <= 0}: no concurrency limit)
     */
    public CallLimiter(int callsPerWindow, Duration window, int maxInFlight) {
        this(callsPerWindow, window, maxInFlight, System::nanoTime);
    }

    /** As {@link #CallLimiter(int, Duration, int)} with an explicit time source. */
    public CallLimiter(int callsPerWindow, Duration window, int maxInFlight, Ticker ticker) {
        this(callsPerWindow, window, maxInFlight, ticker, null);
    }

    /**
     * As {@link #CallLimiter(int, Duration, int, Ticker)} with a daily budget checked before each admission
     * ({@code null}: none).
     */
    public CallLimiter(int callsPerWindow, Duration window, int maxInFlight, Ticker ticker, DailyBudget dailyBudget) {
        if (callsPerWindow > 0 && (window == null || window.isZero() || window.isNegative())) {
            throw new IllegalArgumentException("window must be positive when callsPerWindow > 0, was " + window);
        }
        this.callsPerWindow = callsPerWindow;
        this.windowNanos = window == null ? 0 : window.toNanos();
        this.maxInFlight = maxInFlight;
        this.ticker = ticker;
        // without a cap the budget still counts the calls of the last 24 hours, for the stats
        this.dailyBudget = dailyBudget != null ? dailyBudget : new DailyBudget(Long.MAX_VALUE, java.time.Clock.systemUTC());
    }

    /** A limiter that never blocks (still counts calls). */
    public static CallLimiter unlimited() {
        return new CallLimiter(0, null, 0);
    }

    /**
     * Blocks until a call may start and admits it.
     *
     * @throws InterruptedException if the thread is interrupted while waiting (nothing was admitted)
     */
    @Override
    public Permit acquire() throws InterruptedException {
        dailyBudget.tryConsume();
        long start = ticker.nanoTime();
        boolean waited = false;
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = ticker.nanoTime();
                long delay = delayNanos(now);
                if (delay == 0) {
                    break;
                }
                waited = true;
                if (delay == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    changed.awaitNanos(delay);
                }
            }
            inFlight++;
        } finally {
            lock.unlock();
        }
        calls.increment();
        if (waited) {
            throttledWaits.increment();
            waitNanos.add(ticker.nanoTime() - start);
        }
        return new AdmittedCall();
    }

    /**
     * Holds every caller until {@code pause} from now has elapsed (e.g. the vendor's window after a rate-limit
     * rejection). A longer pause already in force is kept.
     */
    @Override
    public void pauseFor(Duration pause) {
        lock.lock();
        try {
            long until = ticker.nanoTime() + pause.toNanos();
            if (!paused || until - pausedUntil > 0) {
                pausedUntil = until;
                paused = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** 0 if a call may start now, else nanos to wait ({@code Long.MAX_VALUE}: until a permit closes). Lock held. */
    private long delayNanos(long now) {
        long delay = 0;
        if (paused) {
            if (pausedUntil - now > 0) {
                delay = pausedUntil - now;
            } else {
                paused = false;
            }
        }
        if (maxInFlight > 0 && inFlight >= maxInFlight) {
            return Long.MAX_VALUE;
        }
        if (callsPerWindow > 0) {
            while (!completed.isEmpty() && now - completed.peekFirst() >= windowNanos) {
                completed.pollFirst();
            }
            if (inFlight + completed.size() >= callsPerWindow) {
                if (completed.isEmpty()) {
                    // every slot is held by a call in flight: wait for one to complete
                    return Long.MAX_VALUE;
                }
                delay = Math.max(delay, windowNanos - (now - completed.peekFirst()));
            }
        }
        return delay;
    }

    private final class AdmittedCall implements Permit {
        private boolean closed;

        @Override
        public void close() {
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                closed = true;
                inFlight--;
                if (callsPerWindow > 0) {
                    completed.addLast(ticker.nanoTime());
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public RateLimiterStats stats() {
        lock.lock();
        try {
            long now = ticker.nanoTime();
            while (!completed.isEmpty() && now - completed.peekFirst() >= windowNanos) {
                completed.pollFirst();
            }
            return new RateLimiterStats(getCalls(), getThrottledWaits(), getTotalWait(), inFlight,
                    inFlight + completed.size(), dailyBudget.used(),
                    dailyBudget.getMaxCalls() == Long.MAX_VALUE ? 0 : dailyBudget.getMaxCalls());
        } finally {
            lock.unlock();
        }
    }

    /** Calls admitted so far. */
    public long getCalls() {
        return calls.sum();
    }

    /** Calls that had to wait before they were admitted. */
    public long getThrottledWaits() {
        return throttledWaits.sum();
    }

    /** Total time callers spent waiting in {@link #acquire()}. */
    public Duration getTotalWait() {
        return Duration.ofNanos(waitNanos.sum());
    }

    /** Calls admitted and not yet closed. */
    public int getInFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Calls allowed per window ({@code <= 0}: unlimited). */
    public int getCallsPerWindow() {
        return callsPerWindow;
    }

    /** The sliding window length. */
    public Duration getWindow() {
        return Duration.ofNanos(windowNanos);
    }

    /** Calls allowed at the same time ({@code <= 0}: unlimited). */
    public int getMaxInFlight() {
        return maxInFlight;
    }

    @Override
    public String toString() {
        return "CallLimiter[" + callsPerWindow + " calls / " + getWindow() + ", maxInFlight=" + maxInFlight
               + ", calls=" + getCalls() + ", throttledWaits=" + getThrottledWaits() + ", totalWait=" + getTotalWait() + "]";
    }
}

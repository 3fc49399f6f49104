package io.github.camelmarketo.component.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A cap on calls per rolling day (the last 24 hours), counted in one-minute buckets: {@link #tryConsume()} admits a
 * call while fewer than {@code maxCalls} were admitted in the last 24 hours. Thread-safe. Used by {@link CallLimiter}
 * for the {@code maxDailyCalls} option, so producers and consumers of one budget stop before the instance's shared
 * daily quota is spent.
 */
public final class DailyBudget {

    private static final int BUCKETS = 24 * 60;
    private static final long BUCKET_MILLIS = Duration.ofMinutes(1).toMillis();

    private final long maxCalls;
    private final Clock clock;
    /** Calls per minute of the last 24 hours; slot {@code minute % BUCKETS}. */
    private final long[] counts = new long[BUCKETS];
    private long total;
    private long lastMinute = Long.MIN_VALUE;

    /**
     * @param maxCalls calls allowed in any 24 hours (must be positive; {@code Long.MAX_VALUE}: only count)
     * @param clock    the time source
     */
    public DailyBudget(long maxCalls, Clock clock) {
        if (maxCalls <= 0) {
            throw new IllegalArgumentException("maxDailyCalls must be positive, was " + maxCalls);
        }
        this.maxCalls = maxCalls;
        this.clock = clock;
    }

    /**
     * Counts one call, or throws when the budget of the last 24 hours is spent.
     *
     * @throws CallBudgetExceededException naming when the oldest counted minute leaves the window
     */
    public synchronized void tryConsume() {
        long minute = advance();
        if (total >= maxCalls) {
            throw new CallBudgetExceededException(maxCalls, Instant.ofEpochMilli((oldestMinute(minute) + BUCKETS) * BUCKET_MILLIS));
        }
        counts[(int) (minute % BUCKETS)]++;
        total++;
    }

    /** Calls counted in the last 24 hours. */
    public synchronized long used() {
        advance();
        return total;
    }

    public long getMaxCalls() {
        return maxCalls;
    }

    /** Moves the window to the current minute, dropping the minutes that left it; returns the current minute. */
    private long advance() {
        long minute = clock.millis() / BUCKET_MILLIS;
        if (lastMinute != Long.MIN_VALUE && minute > lastMinute) {
            long steps = Math.min(minute - lastMinute, BUCKETS);
            for (long k = 1; k <= steps; k++) {
                int slot = (int) ((lastMinute + k) % BUCKETS);
                total -= counts[slot];
                counts[slot] = 0;
            }
        }
        if (lastMinute == Long.MIN_VALUE || minute > lastMinute) {
            lastMinute = minute;
        }
        return lastMinute;
    }

    /** The oldest minute of the window that holds a call. */
    private long oldestMinute(long minute) {
        for (long m = minute - BUCKETS + 1; m <= minute; m++) {
            if (counts[(int) (Math.floorMod(m, BUCKETS))] > 0) {
                return m;
            }
        }
        return minute;
    }
}

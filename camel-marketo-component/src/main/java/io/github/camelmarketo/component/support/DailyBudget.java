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
    private final long[] counts = new long[BUCKETS];
    private final long[] minutes = new long[BUCKETS];

    /**
     * @param maxCalls calls allowed in any 24 hours (must be positive)
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
        long minute = clock.millis() / BUCKET_MILLIS;
        if (used(minute) >= maxCalls) {
            throw new CallBudgetExceededException(maxCalls, Instant.ofEpochMilli((oldestMinute(minute) + BUCKETS) * BUCKET_MILLIS));
        }
        int slot = (int) (minute % BUCKETS);
        if (minutes[slot] != minute) {
            minutes[slot] = minute;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /** Calls counted in the last 24 hours. */
    public synchronized long used() {
        return used(clock.millis() / BUCKET_MILLIS);
    }

    public long getMaxCalls() {
        return maxCalls;
    }

    private long used(long minute) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (minute - minutes[i] < BUCKETS && counts[i] > 0) {
                total += counts[i];
            }
        }
        return total;
    }

    private long oldestMinute(long minute) {
        long oldest = minute;
        for (int i = 0; i < BUCKETS; i++) {
            if (minute - minutes[i] < BUCKETS && counts[i] > 0) {
                oldest = Math.min(oldest, minutes[i]);
            }
        }
        return oldest;
    }
}

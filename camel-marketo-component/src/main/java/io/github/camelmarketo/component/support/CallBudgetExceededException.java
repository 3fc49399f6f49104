package io.github.camelmarketo.component.support;

import java.time.Instant;

/**
 * Thrown by {@link RateLimiter#acquire()} when the configured daily call budget is spent. No call was made; the next
 * budget day starts at {@link #getResetAt()}. Transports translate it into their vendor's quota exception.
 */
public class CallBudgetExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long maxDailyCalls;
    private final transient Instant resetAt;

    public CallBudgetExceededException(long maxDailyCalls, Instant resetAt) {
        super("the daily call budget of " + maxDailyCalls + " calls (maxDailyCalls) is spent; it resets at " + resetAt);
        this.maxDailyCalls = maxDailyCalls;
        this.resetAt = resetAt;
    }

    /** The daily budget that is spent. */
    public long getMaxDailyCalls() {
        return maxDailyCalls;
    }

    /** When the next budget day starts. */
    public Instant getResetAt() {
        return resetAt;
    }
}

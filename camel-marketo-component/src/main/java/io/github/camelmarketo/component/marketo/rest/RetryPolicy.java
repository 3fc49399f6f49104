package io.github.camelmarketo.component.marketo.rest;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.support.Backoff;

/**
 * Which failed calls are sent again, and after how long. Reads are retried on every transient failure; writes only
 * when the failure proves the vendor applied nothing (rate/concurrency limit, invalid token, connection refused), so
 * a retry never creates a duplicate. The daily quota (607) and client errors are never retried. Delays grow
 * exponentially from {@code initialDelay} up to {@code maxDelay}, with jitter so that concurrent callers spread out.
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final Backoff backoff;

    public RetryPolicy(int maxRetries, long initialDelayMillis, long maxDelayMillis) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.backoff = new Backoff(initialDelayMillis, maxDelayMillis);
    }

    /** The policy of the {@code maxRetries}, {@code retryInitialDelay} and {@code retryMaxDelay} options. */
    public static RetryPolicy of(MarketoConfiguration configuration) {
        return new RetryPolicy(configuration.getMaxRetries(), configuration.getRetryInitialDelay(),
                configuration.getRetryMaxDelay());
    }

    /** Whether a call that failed with {@code kind} after {@code retriesSoFar} retries is sent again. */
    boolean shouldRetry(FailureKind kind, boolean write, int retriesSoFar) {
        return retriesSoFar < maxRetries && isRetryable(kind, write);
    }

    /** Whether {@code kind} may be retried at all for a read ({@code write=false}) or a write. */
    static boolean isRetryable(FailureKind kind, boolean write) {
        return switch (kind) {
            case TOKEN, RATE_LIMITED, CONNECT_FAILED -> true;
            case TRANSIENT, CONNECTION_LOST -> !write;
            case QUOTA, URI_TOO_LONG, FATAL -> false;
        };
    }

    /** Delay before retry number {@code retry} (0-based): exponential, capped, with up to 50 % jitter below. */
    long delayMillis(int retry) {
        return backoff.delayMillis(retry);
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", " + backoff + "]";
    }
}

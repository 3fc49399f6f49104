package io.github.camelmarketo.component.support;

/**
 * Which failed calls are sent again, and after how long. Reads are retried on every failure that may pass; writes
 * only when the failure proves the vendor applied nothing (token refused, rate or concurrency limit, connection
 * refused), so a retry never creates a duplicate. The daily quota and permanent errors are never retried. Delays come
 * from one {@link Backoff} (exponential from {@code initialDelay} to {@code maxDelay}, with jitter).
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

    /** Whether a call that failed with {@code kind} after {@code retriesSoFar} retries is sent again. */
    public boolean shouldRetry(FailureKind kind, boolean write, int retriesSoFar) {
        return retriesSoFar < maxRetries && isRetryable(kind, write);
    }

    /** Whether {@code kind} may be retried at all for a read ({@code write=false}) or a write. */
    public static boolean isRetryable(FailureKind kind, boolean write) {
        return switch (kind) {
            case TOKEN, RATE_LIMITED, CONNECT_REFUSED -> true;
            case TRANSIENT, TIMEOUT -> !write;
            case QUOTA, URI_TOO_LONG, PERMANENT -> false;
        };
    }

    /** Delay before retry number {@code retry} (0-based). */
    public long delayMillis(int retry) {
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

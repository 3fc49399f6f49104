package io.github.camelmarketo.component.support;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: retry {@code n} (0-based) waits between half and all of
 * {@code min(initialDelay * 2^n, maxDelay)}, so concurrent callers that failed together spread out.
 */
public final class Backoff {

    private final long initialDelayMillis;
    private final long maxDelayMillis;

    public Backoff(long initialDelayMillis, long maxDelayMillis) {
        this.initialDelayMillis = Math.max(0, initialDelayMillis);
        this.maxDelayMillis = Math.max(this.initialDelayMillis, maxDelayMillis);
    }

    /** Delay before retry number {@code retry} (0-based). */
    public long delayMillis(int retry) {
        long exponential = initialDelayMillis << Math.min(retry, 30);
        long capped = exponential <= 0 || exponential > maxDelayMillis ? maxDelayMillis : exponential;
        if (capped <= 1) {
            return capped;
        }
        long half = capped / 2;
        return half + ThreadLocalRandom.current().nextLong(capped - half + 1);
    }

    /** Sleeps before retry number {@code retry}. */
    public void sleep(int retry) throws InterruptedException {
        long delay = delayMillis(retry);
        if (delay > 0) {
            Thread.sleep(delay);
        }
    }

    @Override
    public String toString() {
        return "Backoff[initialDelay=" + initialDelayMillis + "ms, maxDelay=" + maxDelayMillis + "ms]";
    }
}

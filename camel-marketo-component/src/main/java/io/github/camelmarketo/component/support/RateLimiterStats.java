package io.github.camelmarketo.component.support;

import java.time.Duration;

/**
 * Counters of a {@link RateLimiter} at one moment.
 *
 * @param calls           calls admitted since the limiter was created
 * @param throttledWaits  calls that had to wait before they were admitted
 * @param totalWait       total time callers spent waiting to be admitted
 * @param inFlight        calls admitted and not yet completed
 * @param callsInWindow   calls counted in the current rate window (in flight or completed within the window)
 * @param callsToday      calls of the last 24 hours (the daily budget's window)
 * @param maxDailyCalls   the daily budget ({@code <= 0}: none)
 */
public record RateLimiterStats(long calls, long throttledWaits, Duration totalWait, int inFlight, int callsInWindow,
        long callsToday, long maxDailyCalls) {
}

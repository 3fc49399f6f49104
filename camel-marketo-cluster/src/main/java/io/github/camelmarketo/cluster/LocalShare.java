package io.github.camelmarketo.cluster;

import java.time.Duration;
import java.time.LocalDate;

import io.github.camelmarketo.component.support.CallBudgetExceededException;
import io.github.camelmarketo.component.support.CallLimiter;
import io.github.camelmarketo.component.support.RateLimiter;

/**
 * What a node spends while it is cut off from the cluster: its share of the budget, every limit divided by the number
 * of members it last saw ({@code members}), rounded down but at least one call. A local {@link CallLimiter} enforces
 * the window and the concurrency share; the daily share is counted here per budget day. Never the full vendor limit
 * (unless the node was alone anyway), so the nodes together stay within the budget while they cannot coordinate.
 */
final class LocalShare {

    private final CallLimiter limiter;
    private final int members;
    private final long maxDailyCalls;
    private final BudgetDay day;
    private LocalDate counting;
    private long callsToday;

    LocalShare(int callsPerWindow, Duration window, int maxInFlight, long maxDailyCalls, int members, BudgetDay day) {
        this.members = Math.max(1, members);
        this.limiter = new CallLimiter(share(callsPerWindow), window, share(maxInFlight));
        this.maxDailyCalls = maxDailyCalls > 0 ? Math.max(1, maxDailyCalls / this.members) : 0;
        this.day = day;
    }

    private int share(int limit) {
        return limit > 0 ? Math.max(1, limit / members) : limit;
    }

    RateLimiter.Permit acquire() throws InterruptedException {
        countToday();
        return limiter.acquire();
    }

    private synchronized void countToday() {
        if (maxDailyCalls <= 0) {
            return;
        }
        LocalDate today = day.today();
        if (!today.equals(counting)) {
            counting = today;
            callsToday = 0;
        }
        if (callsToday >= maxDailyCalls) {
            throw new CallBudgetExceededException(maxDailyCalls, day.nextReset());
        }
        callsToday++;
    }

    void pauseFor(Duration pause) {
        limiter.pauseFor(pause);
    }

    /** The member count the limits were divided by. */
    int members() {
        return members;
    }

    /** The local limiter (its limits are the share). */
    CallLimiter limiter() {
        return limiter;
    }

    /** This node's daily share ({@code 0}: none). */
    long maxDailyCalls() {
        return maxDailyCalls;
    }

    synchronized long callsToday() {
        return day.today().equals(counting) ? callsToday : 0;
    }
}

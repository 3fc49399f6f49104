package io.github.camelmarketo.component.support;

import java.time.Duration;

/**
 * The rate-limit SPI: what a transport asks before every call to a vendor that counts calls against a shared budget.
 * One instance stands for one budget (one Marketo instance, one LeadSquared account) and is shared by everything that
 * spends it.
 *
 * <pre>
 * try (RateLimiter.Permit permit = limiter.acquire()) {
 *     response = send(request);
 * }
 * </pre>
 *
 * <p>
 * {@link CallLimiter} (a sliding window, a concurrency cap and an optional daily budget, all in this JVM) is the
 * default. Another implementation (for example one shared by several nodes) is chosen with the components'
 * {@code rateLimiter} bean option. Implementations must be thread-safe.
 */
public interface RateLimiter {

    /** An admitted call; close it exactly once when the call has completed. Closing twice has no effect. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Blocks until a call may start and admits it.
     *
     * @throws InterruptedException     if the thread is interrupted while waiting (nothing was admitted)
     * @throws CallBudgetExceededException if the daily call budget is spent (nothing was admitted; do not wait)
     */
    Permit acquire() throws InterruptedException;

    /**
     * Holds every caller until {@code pause} from now has elapsed, after the server rejected a call for its rate or
     * concurrency limit (another client shares the budget). A longer pause already in force is kept.
     */
    void pauseFor(Duration pause);

    /** A snapshot of this limiter's counters, for reports, health checks and the dev console. */
    RateLimiterStats stats();
}

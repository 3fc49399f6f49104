package io.github.camelmarketo.emulator.core;

import java.time.Duration;

/**
 * Vendor limits of one API family. Windows are configurable (and scalable) so tests can provoke them quickly.
 *
 * @param callsPerWindow max calls in a sliding {@code window} ({@code <= 0}: unlimited)
 * @param window         sliding window length
 * @param maxConcurrent  max calls in flight ({@code <= 0}: unlimited)
 * @param dailyQuota     max calls per day (until midnight US Central on the emulator's clock, or
 *                       {@link VendorLimits#reset()}) ({@code <= 0}: unlimited)
 */
public record LimitPolicy(int callsPerWindow, Duration window, int maxConcurrent, long dailyQuota) {

    /** Marketo REST: 100 calls / 20 s, 10 concurrent, 50,000 per day. */
    public static LimitPolicy marketoRest() {
        return new LimitPolicy(100, Duration.ofSeconds(20), 10, 50_000);
    }

    /** Marketo SOAP: 100 calls / 20 s (20023), 10 concurrent (20024), 10,000 per day (20015). */
    public static LimitPolicy marketoSoap() {
        return new LimitPolicy(100, Duration.ofSeconds(20), 10, 10_000);
    }

    /** LeadSquared: 25 calls / 5 s (HTTP 429); no concurrency or daily limit documented. */
    public static LimitPolicy leadSquared() {
        return new LimitPolicy(25, Duration.ofSeconds(5), 0, 0);
    }

    /** No limits at all (the emulator default for fast unit tests is still the vendor's limits). */
    public static LimitPolicy unlimited() {
        return new LimitPolicy(0, Duration.ofSeconds(1), 0, 0);
    }

    public LimitPolicy withCallsPerWindow(int calls, Duration newWindow) {
        return new LimitPolicy(calls, newWindow, maxConcurrent, dailyQuota);
    }

    public LimitPolicy withMaxConcurrent(int max) {
        return new LimitPolicy(callsPerWindow, window, max, dailyQuota);
    }

    public LimitPolicy withDailyQuota(long quota) {
        return new LimitPolicy(callsPerWindow, window, maxConcurrent, quota);
    }
}

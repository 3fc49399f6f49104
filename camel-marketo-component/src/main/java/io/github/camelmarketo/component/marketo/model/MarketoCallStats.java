package io.github.camelmarketo.component.marketo.model;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.camelmarketo.component.support.CallFailure;
import io.github.camelmarketo.component.support.CallListener;
import io.github.camelmarketo.component.support.RateLimiterStats;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;

/**
 * Call counters of one Marketo instance (one REST host), shared by every endpoint of a CamelContext that talks to
 * it. Registered in the CamelContext registry as {@code marketoCallStats-<instance>} and, when JMX is enabled, as an
 * MBean. The getters are stable: metrics bindings (Micrometer) read them.
 */
@ManagedResource(description = "Marketo API call statistics of one Marketo instance")
public class MarketoCallStats implements CallListener {

    private final String instance;
    private final LongAdder calls = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongSupplier throttledWaits;
    private final LongSupplier callsToday;
    private final LongAdder rateLimitResponses = new LongAdder();
    private final LongAdder concurrencyLimitResponses = new LongAdder();
    private final LongAdder quotaExceededResponses = new LongAdder();
    private final LongAdder tokenRefreshes = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final Map<String, LongAdder> retriesByCode = new ConcurrentHashMap<>();
    private final Supplier<RateLimiterStats> limiterStats;
    private volatile CallOutcome lastGiveUp;
    private volatile Instant tokenExpiresAt;

    /**
     * @param instance       the Marketo instance (REST host)
     * @param throttledWaits reads how many calls waited for the instance's client-side limiter
     */
    public MarketoCallStats(String instance, LongSupplier throttledWaits) {
        this(instance, throttledWaits, () -> -1);
    }

    /**
     * @param instance       the Marketo instance (REST host, or soap:host)
     * @param throttledWaits reads how many calls waited for the instance's client-side limiter
     * @param callsToday     reads how many calls the limiter admitted in the last 24 hours
     */
    public MarketoCallStats(String instance, LongSupplier throttledWaits, LongSupplier callsToday) {
        this.instance = instance;
        this.throttledWaits = throttledWaits;
        this.callsToday = callsToday;
        this.limiterStats = () -> null;
    }

    /**
     * @param instance     the Marketo instance (REST host)
     * @param limiterStats reads the state of the instance's client-side limiter (throttled waits, window, daily calls)
     */
    public MarketoCallStats(String instance, Supplier<RateLimiterStats> limiterStats) {
        this.instance = instance;
        this.limiterStats = limiterStats;
        this.throttledWaits = () -> {
            RateLimiterStats stats = limiterStats.get();
            return stats == null ? 0 : stats.throttledWaits();
        };
        this.callsToday = () -> {
            RateLimiterStats stats = limiterStats.get();
            return stats == null ? -1 : stats.callsToday();
        };
    }

    /**
     * A call that failed for good: when, its vendor code (or HTTP status, null for I/O failures) and the vendor's
     * message (which carries no secrets).
     */
    public record CallOutcome(Instant at, String code, String message) {
    }

    /** The state of the instance's client-side limiter now, or null when unknown. */
    public RateLimiterStats getLimiterStats() {
        return limiterStats.get();
    }

    /** Retries by the vendor code (or HTTP status; {@code io} for I/O failures) of the failure that caused them. */
    public Map<String, Long> getRetriesByCode() {
        Map<String, Long> result = new TreeMap<>();
        retriesByCode.forEach((code, count) -> result.put(code, count.sum()));
        return result;
    }

    /** The last call that failed for good, or null. */
    public CallOutcome getLastFailure() {
        return lastGiveUp;
    }

    /** Calls of the last 24 hours (the rolling day of maxDailyCalls), or -1 when the limiter does not count them. */
    @ManagedAttribute(description = "Calls of the last 24 hours")
    public long getCallsToday() {
        return callsToday.getAsLong();
    }

    /** The instance these counters belong to (REST host, e.g. {@code 123-ABC-456.mktorest.com}). */
    @ManagedAttribute(description = "Marketo instance (REST host)")
    public String getInstance() {
        return instance;
    }

    /** Calls sent to the vendor (each attempt counts, identity calls excluded). */
    @ManagedAttribute(description = "Calls sent (each attempt)")
    public long getCalls() {
        return calls.sum();
    }

    /** Attempts that repeated a failed call. */
    @ManagedAttribute(description = "Retried calls")
    public long getRetries() {
        return retries.sum();
    }

    /** Calls that waited for the client-side rate or concurrency limiter before being sent. */
    @ManagedAttribute(description = "Calls that waited for the client-side limiter")
    public long getThrottledWaits() {
        return throttledWaits.getAsLong();
    }

    /** Vendor answers 606 (rate limit); 0 in steady state when the limiter matches the vendor's limits. */
    @ManagedAttribute(description = "606 rate-limit responses received")
    public long getRateLimitResponses() {
        return rateLimitResponses.sum();
    }

    /** Vendor answers 615 (concurrency limit). */
    @ManagedAttribute(description = "615 concurrency-limit responses received")
    public long getConcurrencyLimitResponses() {
        return concurrencyLimitResponses.sum();
    }

    /** Vendor answers 607 (daily quota exhausted). */
    @ManagedAttribute(description = "607 daily-quota responses received")
    public long getQuotaExceededResponses() {
        return quotaExceededResponses.sum();
    }

    /** Access tokens fetched from the identity service. */
    @ManagedAttribute(description = "Access tokens fetched")
    public long getTokenRefreshes() {
        return tokenRefreshes.sum();
    }

    /** Calls that failed after all retries (or without retry). */
    @ManagedAttribute(description = "Calls that failed for good")
    public long getFailures() {
        return failures.sum();
    }

    @ManagedOperation(description = "Reset the counters (throttled waits are the limiter's and stay)")
    public void reset() {
        for (LongAdder adder : new LongAdder[] {
                calls, retries, rateLimitResponses, concurrencyLimitResponses, quotaExceededResponses,
                tokenRefreshes, failures }) {
            adder.reset();
        }
        retriesByCode.clear();
        lastGiveUp = null;
    }

    public void recordCall() {
        calls.increment();
    }

    public void recordRetry() {
        retries.increment();
    }

    public void recordRateLimitResponse() {
        rateLimitResponses.increment();
    }

    public void recordConcurrencyLimitResponse() {
        concurrencyLimitResponses.increment();
    }

    public void recordQuotaExceededResponse() {
        quotaExceededResponses.increment();
    }

    /** A new REST access token was fetched; it expires at {@code expiresAt} (the token itself is never recorded). */
    public void recordTokenRefresh(Instant expiresAt) {
        tokenRefreshes.increment();
        tokenExpiresAt = expiresAt;
    }

    /** When the current REST access token expires (null for SOAP, or before the first token); never the token. */
    public Instant getTokenExpiresAt() {
        return tokenExpiresAt;
    }

    public void recordFailure() {
        failures.increment();
    }

    @Override
    public void onAttempt() {
        recordCall();
    }

    @Override
    public void onFailedAttempt(CallFailure failure) {
        switch (failure.code() == null ? "" : failure.code()) {
            case "606", "429", "20023" -> recordRateLimitResponse();
            case "615", "20024" -> recordConcurrencyLimitResponse();
            case "607", "20015" -> recordQuotaExceededResponse();
            default -> {
                // other failures are only counted when the call gives up
            }
        }
    }

    @Override
    public void onRetry(CallFailure failure) {
        recordRetry();
        retriesByCode.computeIfAbsent(failure.code() == null ? "io" : failure.code(), code -> new LongAdder()).increment();
    }

    @Override
    public void onGiveUp(CallFailure failure) {
        recordFailure();
        lastGiveUp = new CallOutcome(Instant.now(), failure.code(), failure.vendorMessage());
    }

    @Override
    public String toString() {
        return "MarketoCallStats[" + instance + ": calls=" + getCalls() + ", retries=" + getRetries() + ", throttledWaits="
               + getThrottledWaits() + ", 606=" + getRateLimitResponses() + ", 615=" + getConcurrencyLimitResponses()
               + ", 607=" + getQuotaExceededResponses() + ", tokenRefreshes=" + getTokenRefreshes() + ", failures="
               + getFailures() + "]";
    }
}

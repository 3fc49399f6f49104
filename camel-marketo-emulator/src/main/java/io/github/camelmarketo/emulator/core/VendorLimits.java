package io.github.camelmarketo.emulator.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * Enforces {@link LimitPolicy} per API family the way the vendors do: a sliding-window call rate, a concurrency
 * cap and a daily quota that starts afresh at midnight US Central time ({@link #QUOTA_ZONE}, Marketo's reset) on the
 * emulator's clock. A handler calls {@link #enter(Api)} before doing any work and closes the permit when the
 * response is written.
 */
public final class VendorLimits {

    /** Why a call was refused, or {@link #ALLOWED}. */
    public enum Verdict {
        ALLOWED,
        /** Marketo REST 606, SOAP 20023, LeadSquared HTTP 429. */
        RATE_LIMITED,
        /** Marketo REST 615, SOAP 20024. */
        CONCURRENCY_LIMITED,
        /** Marketo REST 607, SOAP 20015. */
        QUOTA_EXCEEDED
    }

    /** The outcome of {@link #enter(Api)}; close it when the call is answered (no-op unless allowed). */
    public interface Permit extends AutoCloseable {
        Verdict verdict();

        default boolean allowed() {
            return verdict() == Verdict.ALLOWED;
        }

        @Override
        void close();
    }

    /** The zone whose midnight resets daily quotas. */
    public static final ZoneId QUOTA_ZONE = ZoneId.of("America/Chicago");

    private final Clock clock;
    private LocalDate quotaDay;
    private final Map<Api, LimitPolicy> policies = new EnumMap<>(Api.class);
    private final Map<Api, Deque<Long>> windows = new EnumMap<>(Api.class);
    private final Map<Api, Integer> inFlight = new EnumMap<>(Api.class);
    private final Map<Api, Long> usedToday = new EnumMap<>(Api.class);

    public VendorLimits(Clock clock) {
        this.clock = clock;
        for (Api api : Api.values()) {
            windows.put(api, new ArrayDeque<>());
            inFlight.put(api, 0);
            usedToday.put(api, 0L);
        }
        policies.put(Api.SOAP, LimitPolicy.marketoSoap());
        policies.put(Api.REST, LimitPolicy.marketoRest());
        policies.put(Api.LEADSQUARED, LimitPolicy.leadSquared());
    }

    public synchronized void setPolicy(Api api, LimitPolicy policy) {
        policies.put(api, policy);
    }

    public synchronized LimitPolicy policy(Api api) {
        return policies.get(api);
    }

    /** Admits or refuses one call. Refused calls do not count against the window or the quota. */
    public synchronized Permit enter(Api api) {
        LimitPolicy policy = policies.get(api);
        long now = clock.millis();
        rollQuotaDay();
        Deque<Long> window = windows.get(api);
        while (!window.isEmpty() && window.peekFirst() <= now - policy.window().toMillis()) {
            window.pollFirst();
        }
        if (policy.dailyQuota() > 0 && usedToday.get(api) >= policy.dailyQuota()) {
            return refused(Verdict.QUOTA_EXCEEDED);
        }
        if (policy.maxConcurrent() > 0 && inFlight.get(api) >= policy.maxConcurrent()) {
            return refused(Verdict.CONCURRENCY_LIMITED);
        }
        if (policy.callsPerWindow() > 0 && window.size() >= policy.callsPerWindow()) {
            return refused(Verdict.RATE_LIMITED);
        }
        window.addLast(now);
        inFlight.merge(api, 1, Integer::sum);
        usedToday.merge(api, 1L, Long::sum);
        return new Permit() {
            private boolean closed;

            @Override
            public Verdict verdict() {
                return Verdict.ALLOWED;
            }

            @Override
            public void close() {
                synchronized (VendorLimits.this) {
                    if (!closed) {
                        closed = true;
                        inFlight.merge(api, -1, Integer::sum);
                    }
                }
            }
        };
    }

    /** Calls of {@code api} counted against today's quota. */
    public synchronized long usedToday(Api api) {
        rollQuotaDay();
        return usedToday.get(api);
    }

    /** A new quota day (US Central) clears the daily counts. */
    private void rollQuotaDay() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), QUOTA_ZONE);
        if (!today.equals(quotaDay)) {
            quotaDay = today;
            for (Api api : Api.values()) {
                usedToday.put(api, 0L);
            }
        }
    }

    /** Clears windows and quotas and restores the vendor policies ("a new day"). */
    public synchronized void reset() {
        for (Api api : Api.values()) {
            windows.get(api).clear();
            usedToday.put(api, 0L);
        }
        policies.put(Api.SOAP, LimitPolicy.marketoSoap());
        policies.put(Api.REST, LimitPolicy.marketoRest());
        policies.put(Api.LEADSQUARED, LimitPolicy.leadSquared());
    }

    private static Permit refused(Verdict verdict) {
        return new Permit() {
            @Override
            public Verdict verdict() {
                return verdict;
            }

            @Override
            public void close() {
                // nothing was admitted
            }
        };
    }
}

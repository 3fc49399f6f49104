package io.github.camelmarketo.emulator.core;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VendorLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final VendorLimits limits = new VendorLimits(clock);

    @Test
    void vendorPoliciesAreTheDefaults() {
        assertThat(limits.policy(Api.SOAP)).isEqualTo(LimitPolicy.marketoSoap());
        assertThat(limits.policy(Api.REST)).isEqualTo(LimitPolicy.marketoRest());
        assertThat(limits.policy(Api.LEADSQUARED)).isEqualTo(LimitPolicy.leadSquared());
        assertThat(LimitPolicy.marketoSoap()).isEqualTo(new LimitPolicy(100, Duration.ofSeconds(20), 10, 10_000));
    }

    @Test
    void hundredAndFirstCallInTwentySecondsIsRateLimitedUntilTheWindowSlides() {
        for (int i = 0; i < 100; i++) {
            limits.enter(Api.SOAP).close();
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(limits.enter(Api.SOAP).verdict()).isEqualTo(VendorLimits.Verdict.RATE_LIMITED);

        // the first call was at t=0 s, it is now t=10 s: the first call leaves the window at t=20 s
        clock.advance(Duration.ofSeconds(10).minusMillis(1));
        assertThat(limits.enter(Api.SOAP).verdict()).isEqualTo(VendorLimits.Verdict.RATE_LIMITED);
        clock.advance(Duration.ofMillis(1));
        assertThat(limits.enter(Api.SOAP).verdict()).isEqualTo(VendorLimits.Verdict.ALLOWED);
    }

    @Test
    void refusedCallsDoNotCountAgainstWindowOrQuota() {
        limits.setPolicy(Api.REST, LimitPolicy.unlimited().withCallsPerWindow(1, Duration.ofSeconds(1)));
        limits.enter(Api.REST).close();
        for (int i = 0; i < 5; i++) {
            assertThat(limits.enter(Api.REST).allowed()).isFalse();
        }
        assertThat(limits.usedToday(Api.REST)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(limits.enter(Api.REST).allowed()).isTrue();
    }

    @Test
    void concurrencyCapCountsOpenPermits() {
        limits.setPolicy(Api.REST, LimitPolicy.unlimited().withMaxConcurrent(2));
        VendorLimits.Permit first = limits.enter(Api.REST);
        VendorLimits.Permit second = limits.enter(Api.REST);

        assertThat(limits.enter(Api.REST).verdict()).isEqualTo(VendorLimits.Verdict.CONCURRENCY_LIMITED);
        first.close();
        first.close(); // idempotent
        assertThat(limits.enter(Api.REST).allowed()).isTrue();
        assertThat(limits.enter(Api.REST).verdict()).isEqualTo(VendorLimits.Verdict.CONCURRENCY_LIMITED);
        second.close();
    }

    @Test
    void dailyQuotaHoldsUntilReset() {
        limits.setPolicy(Api.SOAP, LimitPolicy.unlimited().withDailyQuota(3));
        for (int i = 0; i < 3; i++) {
            limits.enter(Api.SOAP).close();
        }
        clock.advance(Duration.ofHours(1));
        assertThat(limits.enter(Api.SOAP).verdict()).isEqualTo(VendorLimits.Verdict.QUOTA_EXCEEDED);

        limits.reset();
        assertThat(limits.policy(Api.SOAP)).isEqualTo(LimitPolicy.marketoSoap());
        assertThat(limits.enter(Api.SOAP).allowed()).isTrue();
        assertThat(limits.usedToday(Api.SOAP)).isEqualTo(1);
    }

    @Test
    void apiFamiliesAreIndependent() {
        limits.setPolicy(Api.LEADSQUARED, LimitPolicy.unlimited().withCallsPerWindow(1, Duration.ofSeconds(5)));
        limits.enter(Api.LEADSQUARED).close();

        assertThat(limits.enter(Api.LEADSQUARED).verdict()).isEqualTo(VendorLimits.Verdict.RATE_LIMITED);
        assertThat(limits.enter(Api.SOAP).allowed()).isTrue();
        assertThat(limits.enter(Api.REST).allowed()).isTrue();
    }

    @Test
    void unlimitedPolicyNeverRefuses() {
        limits.setPolicy(Api.REST, LimitPolicy.unlimited());
        for (int i = 0; i < 1_000; i++) {
            assertThat(limits.enter(Api.REST).allowed()).isTrue();
        }
    }
}

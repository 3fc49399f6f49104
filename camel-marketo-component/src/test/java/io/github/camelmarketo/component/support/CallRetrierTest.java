package io.github.camelmarketo.component.support;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one retry loop: attempts made per failure kind, for reads and writes, and the remedies it applies. */
class CallRetrierTest {

    private final List<String> events = new ArrayList<>();
    private final CallListener recorder = new CallListener() {
        @Override
        public void onAttempt() {
            events.add("attempt");
        }

        @Override
        public void onRetry(CallFailure failure) {
            events.add("retry " + failure.kind());
        }

        @Override
        public void onGiveUp(CallFailure failure) {
            events.add("give up " + failure.kind());
        }
    };

    /** Classifies IOExceptions as timeouts and turns the last failure into an IllegalStateException naming its kind. */
    private static final FailureClassifier CLASSIFIER = new FailureClassifier() {
        @Override
        public CallFailure classify(Exception error) {
            return error instanceof IOException ? new CallFailure(FailureKind.TIMEOUT, null, "lost", null, error) : null;
        }

        @Override
        public RuntimeException toException(String operation, CallFailure failure, boolean write, int retries) {
            return new IllegalStateException(operation + " " + failure.kind() + " after " + retries + " retries");
        }
    };

    private CallRetrier retrier(RateLimiter limiter, int maxRetries) {
        return new CallRetrier(limiter, new RetryPolicy(maxRetries, 0, 0), recorder);
    }

    /** An attempt that fails with {@code kind} the first {@code failures} times, then answers "ok". */
    private static CallRetrier.Attempt<String> failing(FailureKind kind, int failures, AtomicInteger attempts) {
        return state -> {
            if (attempts.incrementAndGet() <= failures) {
                throw new CallFailure(kind, "c", "m", null, null);
            }
            return "ok";
        };
    }

    @ParameterizedTest
    @EnumSource(FailureKind.class)
    void aWriteIsRetriedOnlyWhenTheFailureProvesNothingWasApplied(FailureKind kind) {
        AtomicInteger attempts = new AtomicInteger();
        CallRetrier retrier = retrier(CallLimiter.unlimited(), 3);
        boolean provenNotApplied = kind == FailureKind.TOKEN || kind == FailureKind.RATE_LIMITED
                                   || kind == FailureKind.CONNECT_REFUSED || kind == FailureKind.URI_TOO_LONG;
        if (provenNotApplied) {
            assertThat(retrier.call("sync", true, failing(kind, 1, attempts), CLASSIFIER)).isEqualTo("ok");
            assertThat(attempts).hasValue(2);
        } else {
            assertThatThrownBy(() -> retrier.call("sync", true, failing(kind, 1, attempts), CLASSIFIER))
                    .hasMessage("sync " + kind + " after 0 retries");
            assertThat(attempts).hasValue(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = FailureKind.class, names = { "TRANSIENT", "TIMEOUT", "CONNECT_REFUSED", "RATE_LIMITED" })
    void aReadIsRetriedUpToMaxRetries(FailureKind kind) {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retrier(CallLimiter.unlimited(), 3).call("read", false, failing(kind, 10, attempts),
                CLASSIFIER)).hasMessage("read " + kind + " after 3 retries");
        assertThat(attempts).hasValue(4);
        assertThat(events).containsExactly("attempt", "retry " + kind, "attempt", "retry " + kind, "attempt",
                "retry " + kind, "attempt", "give up " + kind);
    }

    @Test
    void theFirstTokenRefreshIsFreeAndRenewsTheCredential() {
        List<Boolean> renew = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        String result = retrier(CallLimiter.unlimited(), 0).call("read", false, state -> {
            renew.add(state.renewCredentials());
            if (attempts.incrementAndGet() == 1) {
                throw new CallFailure(FailureKind.TOKEN, "601", "invalid token", null, null);
            }
            return "ok";
        }, CLASSIFIER);
        assertThat(result).isEqualTo("ok");
        assertThat(renew).containsExactly(false, true);
        assertThat(events).containsExactly("attempt", "retry TOKEN", "attempt");
    }

    @Test
    void aRequestTooLongIsResentOnceInTheAlternateForm() {
        List<Boolean> alternate = new ArrayList<>();
        assertThatThrownBy(() -> retrier(CallLimiter.unlimited(), 5).call("read", false, state -> {
            alternate.add(state.alternateForm());
            throw new CallFailure(FailureKind.URI_TOO_LONG, "414", "too long", null, null);
        }, CLASSIFIER)).hasMessage("read URI_TOO_LONG after 0 retries");
        assertThat(alternate).containsExactly(false, true);
    }

    @Test
    void exceptionsThatAreNotCallFailuresAreClassifiedOrRethrown() {
        AtomicInteger attempts = new AtomicInteger();
        assertThat(retrier(CallLimiter.unlimited(), 1).<String> call("read", false, state -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IOException("reset");
            }
            return "ok";
        }, CLASSIFIER)).isEqualTo("ok");
        IllegalArgumentException bug = new IllegalArgumentException("cannot build the request");
        assertThatThrownBy(() -> retrier(CallLimiter.unlimited(), 5).call("read", false, state -> {
            throw bug;
        }, CLASSIFIER)).isSameAs(bug);
    }

    @Test
    void aRateLimitPausesTheWholeLimiterForTheVendorsWindow() {
        List<Duration> pauses = new ArrayList<>();
        RateLimiter limiter = new RateLimiter() {
            private final CallLimiter delegate = CallLimiter.unlimited();

            @Override
            public Permit acquire() throws InterruptedException {
                return delegate.acquire();
            }

            @Override
            public void pauseFor(Duration pause) {
                pauses.add(pause);
            }

            @Override
            public RateLimiterStats stats() {
                return delegate.stats();
            }
        };
        AtomicInteger attempts = new AtomicInteger();
        String result = retrier(limiter, 2).call("read", false, state -> {
            if (attempts.incrementAndGet() == 1) {
                throw new CallFailure(FailureKind.RATE_LIMITED, "429", null, null, Duration.ofSeconds(5), null);
            }
            return "ok";
        }, CLASSIFIER);
        assertThat(result).isEqualTo("ok");
        assertThat(pauses).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void aSpentDailyBudgetFailsAsQuotaWithoutSending() {
        RateLimiter spent = new RateLimiter() {
            @Override
            public Permit acquire() {
                throw new CallBudgetExceededException(10, Instant.parse("2026-12-02T06:00:00Z"));
            }

            @Override
            public void pauseFor(Duration pause) {
            }

            @Override
            public RateLimiterStats stats() {
                return new RateLimiterStats(0, 0, Duration.ZERO, 0, 0, 10, 10);
            }
        };
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retrier(spent, 5).call("read", false, failing(FailureKind.TRANSIENT, 0, attempts),
                CLASSIFIER)).hasMessage("read QUOTA after 0 retries");
        assertThat(attempts).hasValue(0);
    }
}

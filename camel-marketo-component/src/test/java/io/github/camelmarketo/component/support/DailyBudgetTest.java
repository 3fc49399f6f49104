package io.github.camelmarketo.component.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** maxDailyCalls: a rolling 24 hours counted by the minute. */
class DailyBudgetTest {

    /** A clock tests move by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:30Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSpentBudgetRefusesUntilItsOldestCallsLeaveTheDay() {
        ManualClock clock = new ManualClock();
        DailyBudget budget = new DailyBudget(3, clock);
        budget.tryConsume();
        clock.advance(Duration.ofHours(5));
        budget.tryConsume();
        budget.tryConsume();
        assertThat(budget.used()).isEqualTo(3);

        assertThatThrownBy(budget::tryConsume).isInstanceOfSatisfying(CallBudgetExceededException.class,
                e -> assertThat(e.getResetAt()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z")))
                .hasMessageContaining("maxDailyCalls");
        assertThat(budget.used()).as("a refused call is not counted").isEqualTo(3);

        clock.advance(Duration.ofHours(19));
        assertThat(budget.used()).as("the first call left the window").isEqualTo(2);
        budget.tryConsume();
        assertThatThrownBy(budget::tryConsume).isInstanceOf(CallBudgetExceededException.class);

        clock.advance(Duration.ofDays(2));
        assertThat(budget.used()).isZero();
    }

    @Test
    void theLimiterCountsTheCallsOfTheDayAndStopsAtTheBudget() throws Exception {
        ManualClock clock = new ManualClock();
        CallLimiter limiter = new CallLimiter(0, null, 0, System::nanoTime, new DailyBudget(2, clock));
        limiter.acquire().close();
        limiter.acquire().close();
        assertThatThrownBy(limiter::acquire).isInstanceOf(CallBudgetExceededException.class);
        assertThat(limiter.stats().callsToday()).isEqualTo(2);
        assertThat(limiter.stats().maxDailyCalls()).isEqualTo(2);
        assertThat(limiter.getCalls()).as("admitted calls").isEqualTo(2);
        assertThat(CallLimiter.unlimited().stats().maxDailyCalls()).as("no cap").isZero();
    }
}

package io.github.camelmarketo.component.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class CallLimiterTest {

    @Test
    void neverAdmitsMoreThanTheLimitWithinAWindowCountedFromCompletion() throws Exception {
        Duration window = Duration.ofMillis(150);
        CallLimiter limiter = new CallLimiter(3, window, 0);
        List<long[]> calls = new ArrayList<>(); // {admittedAt, closedAt}
        for (int i = 0; i < 10; i++) {
            CallLimiter.Permit permit = limiter.acquire();
            long admitted = System.nanoTime();
            permit.close();
            calls.add(new long[] { admitted, System.nanoTime() });
        }
        for (int i = 3; i < calls.size(); i++) {
            // call i may start only once call i-3 left the window
            assertThat(calls.get(i)[0] - calls.get(i - 3)[1]).as("gap before call %d", i)
                    .isGreaterThanOrEqualTo(window.toNanos());
        }
        assertThat(limiter.getCalls()).isEqualTo(10);
        // bursts of 3: calls 3, 6 and 9 waited for the burst before them to leave the window
        assertThat(limiter.getThrottledWaits()).isEqualTo(3);
        assertThat(limiter.getTotalWait()).isPositive();
    }

    @Test
    void callsInFlightHoldWindowSlots() throws Exception {
        CallLimiter limiter = new CallLimiter(2, Duration.ofMillis(50), 0);
        CallLimiter.Permit first = limiter.acquire();
        CallLimiter.Permit second = limiter.acquire();
        AtomicReference<CallLimiter.Permit> third = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                third.set(limiter.acquire());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        // well past the window: the third call is still held back because both slots are in flight
        Thread.sleep(200);
        assertThat(third.get()).isNull();
        first.close();
        waiter.join(5_000);
        assertThat(third.get()).isNotNull();
        second.close();
        third.get().close();
        assertThat(limiter.getInFlight()).isZero();
    }

    @Test
    void capsCallsInFlight() throws Exception {
        CallLimiter limiter = new CallLimiter(0, null, 3);
        AtomicInteger current = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> {
                    try (CallLimiter.Permit permit = limiter.acquire()) {
                        highest.accumulateAndGet(current.incrementAndGet(), Math::max);
                        Thread.sleep(5);
                        current.decrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(highest.get()).isBetween(1, 3);
        assertThat(limiter.getCalls()).isEqualTo(40);
        assertThat(limiter.getInFlight()).isZero();
    }

    @Test
    void pauseHoldsEveryCallerUntilItElapsed() throws Exception {
        CallLimiter limiter = new CallLimiter(100, Duration.ofSeconds(1), 0);
        long pausedAt = System.nanoTime();
        limiter.pauseFor(Duration.ofMillis(120));
        limiter.pauseFor(Duration.ofMillis(10)); // shorter pause does not shorten the first
        try (CallLimiter.Permit permit = limiter.acquire()) {
            assertThat(System.nanoTime() - pausedAt).isGreaterThanOrEqualTo(Duration.ofMillis(120).toNanos());
        }
        assertThat(limiter.getThrottledWaits()).isEqualTo(1);
    }

    @Test
    void unlimitedNeverWaitsButCounts() throws Exception {
        CallLimiter limiter = CallLimiter.unlimited();
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire().close();
        }
        assertThat(limiter.getCalls()).isEqualTo(1_000);
        assertThat(limiter.getThrottledWaits()).isZero();
        assertThat(limiter.getTotalWait()).isZero();
    }

    @Test
    void closingTwiceReleasesOnce() throws Exception {
        CallLimiter limiter = new CallLimiter(0, null, 1);
        CallLimiter.Permit permit = limiter.acquire();
        permit.close();
        permit.close();
        assertThat(limiter.getInFlight()).isZero();
        CallLimiter.Permit next = limiter.acquire();
        assertThat(limiter.getInFlight()).isEqualTo(1);
        next.close();
    }

    @Test
    void interruptedWaiterIsNotAdmitted() throws Exception {
        CallLimiter limiter = new CallLimiter(0, null, 1);
        CallLimiter.Permit held = limiter.acquire();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            started.countDown();
            try {
                limiter.acquire();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        waiter.start();
        started.await();
        await().until(() -> waiter.getState() == Thread.State.WAITING);
        waiter.interrupt();
        waiter.join(5_000);
        assertThat(failure.get()).isInstanceOf(InterruptedException.class);
        assertThat(limiter.getInFlight()).isEqualTo(1);
        assertThat(limiter.getCalls()).isEqualTo(1);
        held.close();
    }

    @Test
    void rejectsARateLimitWithoutAWindow() {
        assertThatThrownBy(() -> new CallLimiter(5, Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
    }

    @Test
    void toStringShowsLimitsAndCounters() throws Exception {
        CallLimiter limiter = new CallLimiter(25, Duration.ofSeconds(5), 10);
        limiter.acquire().close();
        assertThat(limiter.toString()).contains("25 calls / PT5S", "maxInFlight=10", "calls=1");
    }
}

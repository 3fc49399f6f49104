package io.github.camelmarketo.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.github.camelmarketo.component.support.CallBudgetExceededException;
import io.github.camelmarketo.component.support.RateLimiter;
import io.github.camelmarketo.component.support.RateLimiterStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One vendor budget (one Marketo instance) shared by every node of a Hazelcast cluster, as the component's
 * {@link RateLimiter}: the call window and the daily quota are Bucket4j buckets stored in a Hazelcast map, the cap on
 * calls in flight is a set of lease entries ({@link ConcurrencyLeases}), and a pause after a server rejection reaches
 * every node. Bind one instance per Marketo instance and select it with the component's {@code rateLimiter} option:
 *
 * <pre>
 * HazelcastCallBudget budget = HazelcastCallBudget.builder(hazelcastInstance, "123-ABC-456")
 *         .callsPerWindow(100).window(Duration.ofSeconds(20)).maxConcurrentCalls(10).maxDailyCalls(50_000).build();
 * context.getRegistry().bind("marketoClusterBudget", budget);
 * // camel.component.marketo.rate-limiter = #marketoClusterBudget
 * </pre>
 *
 * <p>
 * <b>Why no 606.</b> The vendor counts a call when it arrives, in any sliding window of {@code window}. The window
 * bucket has a capacity of {@code burst} tokens and refills {@code callsPerWindow - burst + 1} tokens, continuously,
 * per {@code window + latencyMargin}. In any interval of length {@code T} a token bucket hands out at most
 * {@code burst + floor(refillRate * T)} tokens. The calls that arrive in one server window were admitted within
 * {@code window + L}, where {@code L} is the spread of the delay between admission and arrival; with
 * {@code L < latencyMargin} that is at most {@code burst + (callsPerWindow - burst + 1) - 1 = callsPerWindow} calls:
 * no 606, on any number of nodes, as long as no call takes longer than {@code latencyMargin} to reach the server.
 * The bucket's time is the clock of the member that owns the bucket's partition, so node clocks need not agree. The
 * price is a steady rate of {@code (callsPerWindow - burst + 1) / (window + latencyMargin)} instead of
 * {@code callsPerWindow / window} (4.57 calls/s instead of 5 with the defaults on 100 / 20 s).
 *
 * <p>
 * <b>Why no 615.</b> A call takes a lease before it is sent and returns it after the response arrived; the server frees
 * its own count before it answers, so it never sees more calls than leases, whatever the number of nodes.
 *
 * <p>
 * <b>Daily quota.</b> {@code maxDailyCalls} tokens in a bucket named after the date in {@code America/Chicago} (the
 * vendor's reset); when it is empty {@link #acquire()} throws {@link CallBudgetExceededException} at once with the next
 * midnight Central as the reset time.
 *
 * <p>
 * <b>Losing the cluster.</b> A node whose Hazelcast instance is no longer running, whose budget operations fail (for
 * example refused by Hazelcast's split-brain protection, or timed out), or that finds itself alone after having seen
 * other members, falls back to a {@link LocalShare}: every limit divided by the largest member count it has seen. It
 * returns to the shared budget as soon as the cluster answers again (or another member joins). A cluster that was
 * deliberately scaled down to a single node therefore stays on the smaller share until another member joins: the
 * conservative side of not knowing whether the others are gone or only unreachable. Configure Hazelcast split-brain
 * protection (minimum cluster size = a majority) on the {@code camel-marketo.budget.*} maps so that the minority side
 * of a partition also falls back instead of spending the whole budget.
 *
 * <p>
 * Thread-safe. {@link #close()} removes the listeners; it does not shut the Hazelcast instance down.
 */
public final class HazelcastCallBudget implements RateLimiter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastCallBudget.class);

    /** The map of Bucket4j buckets (window and daily quota of every budget). */
    public static final String BUCKETS_MAP = "camel-marketo.budget.buckets";
    /** The map of shared pauses (one entry per budget). */
    public static final String PAUSES_MAP = "camel-marketo.budget.pauses";
    /** The prefix of the per-budget lease maps ({@code camel-marketo.budget.leases.<name>}). */
    public static final String LEASES_MAP_PREFIX = "camel-marketo.budget.leases.";

    private final HazelcastInstance hazelcast;
    private final String name;
    private final int callsPerWindow;
    private final Duration window;
    private final int maxConcurrentCalls;
    private final long maxDailyCalls;
    private final int burst;
    private final Duration latencyMargin;
    private final BudgetDay day;

    private final ProxyManager<String> buckets;
    private final BucketProxy windowBucket;
    private final BucketConfiguration dailyConfiguration;
    private volatile DailyBucket dailyBucket;
    private final ConcurrencyLeases leases;
    private final SharedPause pause;
    private final UUID membershipListener;

    private final AtomicInteger largestMemberCount = new AtomicInteger(1);
    private volatile LocalShare localShare;
    private final AtomicBoolean onLocalShare = new AtomicBoolean();

    private final LongAdder calls = new LongAdder();
    private final LongAdder localCalls = new LongAdder();
    private final LongAdder throttledWaits = new LongAdder();
    private final LongAdder waitNanos = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();

    private HazelcastCallBudget(Builder builder) {
        this.hazelcast = builder.hazelcast;
        this.name = builder.name;
        this.callsPerWindow = builder.callsPerWindow;
        this.window = builder.window;
        this.maxConcurrentCalls = builder.maxConcurrentCalls;
        this.maxDailyCalls = builder.maxDailyCalls;
        this.burst = builder.burst > 0 ? Math.min(builder.burst, Math.max(1, callsPerWindow))
                : Math.max(1, callsPerWindow / 20);
        this.latencyMargin = builder.latencyMargin != null ? builder.latencyMargin
                : min(Duration.ofSeconds(1), window.dividedBy(10));
        this.day = new BudgetDay(builder.clock, builder.zone);

        IMap<String, byte[]> bucketMap = hazelcast.getMap(BUCKETS_MAP);
        this.buckets = Bucket4jHazelcast.entryProcessorBasedBuilder(bucketMap)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.windowBucket = callsPerWindow > 0
                ? buckets.builder().build(name + ":window", this::windowConfiguration) : null;
        this.dailyConfiguration = maxDailyCalls > 0
                ? BucketConfiguration.builder()
                        // never refills within a day (a day is at most 25 hours): the next day is a new bucket
                        .addLimit(limit -> limit.capacity(maxDailyCalls).refillIntervally(maxDailyCalls, Duration.ofDays(2)))
                        .build()
                : null;
        this.leases = maxConcurrentCalls > 0
                ? new ConcurrencyLeases(hazelcast, LEASES_MAP_PREFIX + name, maxConcurrentCalls, builder.leaseTtl.toMillis())
                : null;
        this.pause = new SharedPause(hazelcast, PAUSES_MAP, name, builder.clock);
        this.largestMemberCount.set(hazelcast.getCluster().getMembers().size());
        this.membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                largestMemberCount.accumulateAndGet(event.getMembers().size(), Math::max);
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                // the largest count seen is kept: it is what the local share divides by
            }
        });
    }

    /** A builder for the budget {@code name} (for example the Marketo instance's Munchkin id) on {@code hazelcast}. */
    public static Builder builder(HazelcastInstance hazelcast, String name) {
        return new Builder(hazelcast, name);
    }

    private BucketConfiguration windowConfiguration() {
        long refill = callsPerWindow - burst + 1L;
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(refill, window.plus(latencyMargin)))
                .build();
    }

    @Override
    public Permit acquire() throws InterruptedException {
        long start = System.nanoTime();
        Permit permit;
        if (isShared()) {
            try {
                permit = acquireShared(start);
                if (onLocalShare.getAndSet(false)) {
                    LOG.info("Marketo budget {}: back on the budget shared by the Hazelcast cluster", name);
                }
            } catch (HazelcastException | IllegalStateException e) {
                permit = acquireLocal(e);
            }
        } else {
            permit = acquireLocal(null);
        }
        calls.increment();
        inFlight.incrementAndGet();
        return permit;
    }

    private Permit acquireShared(long start) throws InterruptedException {
        boolean waited = false;
        long paused = pause.remainingMillis();
        while (paused > 0) {
            waited = true;
            Thread.sleep(paused);
            paused = pause.remainingMillis();
        }
        DailyBucket daily = null;
        if (dailyConfiguration != null) {
            daily = dailyBucket();
            if (!daily.bucket().tryConsume(1)) {
                throw new CallBudgetExceededException(maxDailyCalls, day.nextReset());
            }
        }
        ConcurrencyLeases.Lease lease = null;
        try {
            if (leases != null) {
                long before = System.nanoTime();
                lease = leases.acquire();
                waited |= System.nanoTime() - before > 1_000_000;
            }
            // the window token last: the call is sent right after it, which is what the latencyMargin assumes
            if (windowBucket != null && !windowBucket.tryConsume(1)) {
                waited = true;
                windowBucket.asBlocking().consume(1);
            }
        } catch (InterruptedException | RuntimeException e) {
            if (lease != null) {
                releaseQuietly(lease);
            }
            if (daily != null) {
                try {
                    daily.bucket().addTokens(1);
                } catch (RuntimeException ignored) {
                    // the token is lost: conservative
                }
            }
            throw e;
        }
        if (waited) {
            throttledWaits.increment();
            waitNanos.add(System.nanoTime() - start);
        }
        return new SharedPermit(lease);
    }

    private Permit acquireLocal(RuntimeException cause) throws InterruptedException {
        LocalShare share = localShare();
        if (onLocalShare.compareAndSet(false, true)) {
            LOG.warn("Marketo budget {}: the Hazelcast cluster is not reachable{}; spending this node's local share, 1/{} "
                     + "of every limit, until it is", name, cause == null ? "" : " (" + cause + ")", share.members());
        }
        Permit local = share.acquire();
        localCalls.increment();
        return new LocalPermit(local);
    }

    private DailyBucket dailyBucket() {
        LocalDate today = day.today();
        DailyBucket current = dailyBucket;
        if (current == null || !current.date().equals(today)) {
            current = new DailyBucket(today, buckets.builder().build(name + ":day:" + today, dailyConfiguration));
            dailyBucket = current;
        }
        return current;
    }

    /**
     * Whether calls are counted on the cluster: the Hazelcast instance is running and this node is not alone after
     * having seen other members.
     */
    public boolean isShared() {
        if (!hazelcast.getLifecycleService().isRunning()) {
            return false;
        }
        try {
            return !(hazelcast.getCluster().getMembers().size() == 1 && largestMemberCount.get() > 1);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The local share a node falls back to: every limit divided by the largest member count seen so far. */
    public LocalShareLimits localShareLimits() {
        LocalShare share = localShare();
        return new LocalShareLimits(share.members(), share.limiter().getCallsPerWindow(), share.limiter().getWindow(),
                share.limiter().getMaxInFlight(), share.maxDailyCalls());
    }

    private LocalShare localShare() {
        int members = largestMemberCount.get();
        LocalShare share = localShare;
        if (share == null || share.members() != members) {
            synchronized (this) {
                share = localShare;
                if (share == null || share.members() != members) {
                    share = new LocalShare(callsPerWindow, window, maxConcurrentCalls, maxDailyCalls, members, day);
                    share.pauseFor(Duration.ofMillis(Math.max(0, pause.pausedUntil() - System.currentTimeMillis())));
                    localShare = share;
                }
            }
        }
        return share;
    }

    @Override
    public void pauseFor(Duration duration) {
        LocalShare share = localShare;
        if (share != null) {
            share.pauseFor(duration);
        }
        try {
            pause.pauseFor(duration);
        } catch (HazelcastException | IllegalStateException e) {
            localShare().pauseFor(duration);
        }
    }

    @Override
    public RateLimiterStats stats() {
        int inWindow = 0;
        long today = 0;
        if (isShared()) {
            try {
                if (windowBucket != null) {
                    inWindow = (int) Math.max(0, burst - windowBucket.getAvailableTokens());
                }
                if (dailyConfiguration != null) {
                    today = maxDailyCalls - dailyBucket().bucket().getAvailableTokens();
                }
            } catch (HazelcastException | IllegalStateException e) {
                // the counters are local then
            }
        }
        LocalShare share = localShare;
        if (share != null && !isShared()) {
            inWindow = share.limiter().stats().callsInWindow();
            today = share.callsToday();
        }
        return new RateLimiterStats(calls.sum(), throttledWaits.sum(), Duration.ofNanos(waitNanos.sum()), inFlight.get(),
                inWindow, today, maxDailyCalls);
    }

    /** Millis until the shared pause ends, as this node last saw it (0: none). */
    long remainingPauseMillis() {
        return pause.remainingMillis();
    }

    /** Calls admitted on the local share (while the cluster was not reachable). */
    public long getLocalShareCalls() {
        return localCalls.sum();
    }

    /** Calls in flight on every node, as the lease map counts them ({@code -1} without a concurrency cap). */
    public int getClusterInFlight() {
        return leases == null ? -1 : leases.inFlight();
    }

    /** The largest number of cluster members this node has seen. */
    public int getLargestMemberCount() {
        return largestMemberCount.get();
    }

    /** The budget's name (the Marketo instance). */
    public String getName() {
        return name;
    }

    public int getCallsPerWindow() {
        return callsPerWindow;
    }

    public Duration getWindow() {
        return window;
    }

    public int getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public long getMaxDailyCalls() {
        return maxDailyCalls;
    }

    /** Tokens the window bucket holds at most (calls that may start at once after a quiet period). */
    public int getBurst() {
        return burst;
    }

    /** The delay between admission and arrival at the server that the window accounting allows for. */
    public Duration getLatencyMargin() {
        return latencyMargin;
    }

    /** The steady rate the window bucket allows, in calls per second. */
    public double getSteadyRate() {
        return callsPerWindow <= 0 ? Double.POSITIVE_INFINITY
                : (callsPerWindow - burst + 1.0) / (window.plus(latencyMargin).toNanos() / 1e9);
    }

    @Override
    public void close() {
        if (leases != null) {
            leases.close();
        }
        pause.close();
        if (hazelcast.getLifecycleService().isRunning()) {
            hazelcast.getCluster().removeMembershipListener(membershipListener);
        }
    }

    @Override
    public String toString() {
        return "HazelcastCallBudget[" + name + ": " + callsPerWindow + " calls / " + window + " (burst " + burst
               + ", latencyMargin " + latencyMargin + "), maxConcurrentCalls=" + maxConcurrentCalls + ", maxDailyCalls="
               + maxDailyCalls + ", shared=" + isShared() + "]";
    }

    private void releaseQuietly(ConcurrencyLeases.Lease lease) {
        try {
            leases.release(lease);
        } catch (HazelcastException | IllegalStateException e) {
            // the survivors' clean-up or the lease TTL frees it
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record DailyBucket(LocalDate date, BucketProxy bucket) {
    }

    /**
     * The limits of the local share.
     *
     * @param members        the member count every limit was divided by
     * @param callsPerWindow calls per window on this node
     * @param window         the window
     * @param maxInFlight    calls in flight on this node
     * @param maxDailyCalls  calls per budget day on this node ({@code 0}: none)
     */
    public record LocalShareLimits(int members, int callsPerWindow, Duration window, int maxInFlight, long maxDailyCalls) {
    }

    private final class SharedPermit implements Permit {
        private final ConcurrencyLeases.Lease lease;
        private final AtomicBoolean closed = new AtomicBoolean();

        SharedPermit(ConcurrencyLeases.Lease lease) {
            this.lease = lease;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
                if (lease != null) {
                    releaseQuietly(lease);
                }
            }
        }
    }

    private final class LocalPermit implements Permit {
        private final Permit local;
        private final AtomicBoolean closed = new AtomicBoolean();

        LocalPermit(Permit local) {
            this.local = local;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
                local.close();
            }
        }
    }

    /** Builds a {@link HazelcastCallBudget}; the defaults are Marketo's REST limits without a daily quota. */
    public static final class Builder {
        private final HazelcastInstance hazelcast;
        private final String name;
        private int callsPerWindow = 100;
        private Duration window = Duration.ofSeconds(20);
        private int maxConcurrentCalls = 10;
        private long maxDailyCalls;
        private int burst;
        private Duration latencyMargin;
        private Duration leaseTtl = Duration.ofMinutes(10);
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = BudgetDay.VENDOR_ZONE;

        private Builder(HazelcastInstance hazelcast, String name) {
            this.hazelcast = Objects.requireNonNull(hazelcast, "hazelcast");
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Calls allowed in any sliding window (default 100; {@code <= 0}: no rate limit). */
        public Builder callsPerWindow(int callsPerWindow) {
            this.callsPerWindow = callsPerWindow;
            return this;
        }

        /** The vendor's window (default 20 s). */
        public Builder window(Duration window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Calls in flight on all nodes together (default 10; {@code <= 0}: no cap). */
        public Builder maxConcurrentCalls(int maxConcurrentCalls) {
            this.maxConcurrentCalls = maxConcurrentCalls;
            return this;
        }

        /** Calls per budget day on all nodes together (default 0: none); resets at midnight America/Chicago. */
        public Builder maxDailyCalls(long maxDailyCalls) {
            this.maxDailyCalls = maxDailyCalls;
            return this;
        }

        /** Calls that may start at once after a quiet period (default callsPerWindow / 20, at least 1). */
        public Builder burst(int burst) {
            this.burst = burst;
            return this;
        }

        /**
         * The longest delay between admission and the call's arrival at the server the window accounting absorbs
         * (default the smaller of 1 s and window / 10). Larger is safer and slower.
         */
        public Builder latencyMargin(Duration latencyMargin) {
            this.latencyMargin = latencyMargin;
            return this;
        }

        /** How long a concurrency lease lives if nobody frees it (default 10 min; longer than any call). */
        public Builder leaseTtl(Duration leaseTtl) {
            this.leaseTtl = Objects.requireNonNull(leaseTtl, "leaseTtl");
            return this;
        }

        /** The clock of the daily quota's calendar (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The zone whose midnight resets the daily quota (default America/Chicago, Marketo's). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public HazelcastCallBudget build() {
            if (callsPerWindow > 0 && (window.isZero() || window.isNegative())) {
                throw new IllegalArgumentException("window must be positive, was " + window);
            }
            return new HazelcastCallBudget(this);
        }
    }
}

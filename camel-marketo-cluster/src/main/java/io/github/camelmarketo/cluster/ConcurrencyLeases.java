package io.github.camelmarketo.cluster;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.query.Predicates;

/**
 * The cluster-wide cap on calls in flight: {@code slots} entries of a Hazelcast {@link IMap}, one per call allowed at
 * the same time. A call holds a slot by creating its entry ({@code putIfAbsent}, atomic on the entry's partition) and
 * frees it by removing the entry it wrote.
 *
 * <p>
 * <b>Why not a semaphore.</b> Hazelcast's {@code ISemaphore} lives in the CP subsystem, which needs at least three CP
 * members (and, from Hazelcast 5.5, the Enterprise edition) to give its guarantees; without it, the semaphore runs in
 * "unsafe mode" on partitions without the session that frees the permits of a crashed member. The slot entries give the
 * same cap on any cluster size and are released when a member dies: every member listens to membership, and when a
 * member leaves, the survivors remove the slots whose value names it (an idempotent {@code removeAll} by predicate). A
 * time-to-live ({@code leaseTtl}, longer than any call may take) frees slots in the unlikely case that no survivor saw
 * the departure. Entries are backed up like any map entry, so a slot survives the loss of the member that stores it.
 */
final class ConcurrencyLeases implements AutoCloseable {

    private final IMap<String, String> slots;
    private final int maxInFlight;
    private final long leaseTtlMillis;
    private final String owner;
    private final AtomicLong sequence = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private final UUID entryListener;
    private final UUID membershipListener;
    private final HazelcastInstance hazelcast;

    ConcurrencyLeases(HazelcastInstance hazelcast, String mapName, int maxInFlight, long leaseTtlMillis) {
        this.hazelcast = hazelcast;
        this.slots = hazelcast.getMap(mapName);
        this.maxInFlight = maxInFlight;
        this.leaseTtlMillis = leaseTtlMillis;
        this.owner = hazelcast.getCluster().getLocalMember().getUuid().toString();
        this.entryListener = slots.addEntryListener(new FreedListener(), false);
        this.membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // nothing to free
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                releaseAllOf(event.getMember().getUuid().toString());
            }
        });
    }

    /** Blocks until a slot is free and holds it; returns the slot key and the value that marks it as ours. */
    Lease acquire() throws InterruptedException {
        int start = ThreadLocalRandom.current().nextInt(maxInFlight);
        String value = owner + "/" + sequence.incrementAndGet();
        while (true) {
            for (int i = 0; i < maxInFlight; i++) {
                String key = "slot-" + ((start + i) % maxInFlight);
                if (slots.putIfAbsent(key, value, leaseTtlMillis, TimeUnit.MILLISECONDS) == null) {
                    return new Lease(key, value);
                }
            }
            lock.lockInterruptibly();
            try {
                // woken by any freed slot on any member; the timeout covers an event lost in a membership change
                freed.await(50, TimeUnit.MILLISECONDS);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Frees the slot if it is still ours (it may have expired or been freed by a survivor's clean-up). */
    void release(Lease lease) {
        slots.remove(lease.key(), lease.value());
    }

    /** Slots held cluster-wide. */
    int inFlight() {
        return slots.size();
    }

    /** Frees every slot held by {@code memberUuid}; any member may call it, any number of times. */
    void releaseAllOf(String memberUuid) {
        try {
            slots.removeAll(Predicates.like("this", memberUuid + "/%"));
        } catch (RuntimeException e) {
            // this member is leaving too: the other survivors or the TTL free the slots
        }
    }

    @Override
    public void close() {
        if (hazelcast.getLifecycleService().isRunning()) {
            Optional.ofNullable(entryListener).ifPresent(slots::removeEntryListener);
            Optional.ofNullable(membershipListener).ifPresent(hazelcast.getCluster()::removeMembershipListener);
        }
    }

    private void signalFreed() {
        lock.lock();
        try {
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A held slot. */
    record Lease(String key, String value) {
    }

    private final class FreedListener implements EntryRemovedListener<String, String>,
            EntryExpiredListener<String, String>, EntryEvictedListener<String, String> {
        @Override
        public void entryRemoved(EntryEvent<String, String> event) {
            signalFreed();
        }

        @Override
        public void entryExpired(EntryEvent<String, String> event) {
            signalFreed();
        }

        @Override
        public void entryEvicted(EntryEvent<String, String> event) {
            signalFreed();
        }
    }
}

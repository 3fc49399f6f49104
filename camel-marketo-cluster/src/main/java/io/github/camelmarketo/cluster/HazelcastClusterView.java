package io.github.camelmarketo.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace of a {@link HazelcastClusterService}: a single scheduler thread tries the namespace's map lock
 * ({@code tryLock}, never blocking) every {@code acquireInterval}; holding it makes this member the leader. The leader's
 * member id is also written beside the lock so that the other members can name the leader. A map lock belongs to the
 * thread that took it, which is why one thread takes, checks and frees it.
 */
public class HazelcastClusterView extends AbstractCamelClusterView {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastClusterView.class);

    private final HazelcastInstance hazelcast;
    private final String lockMapName;
    private final Duration acquireInterval;
    private final String localId;
    private final CamelClusterMember localMember;
    private IMap<String, String> locks;
    private ScheduledExecutorService scheduler;
    private UUID membershipListener;
    private volatile boolean leader;

    HazelcastClusterView(HazelcastClusterService service, String namespace, HazelcastInstance hazelcast, String lockMapName,
                         Duration acquireInterval) {
        super(service, namespace);
        this.hazelcast = hazelcast;
        this.lockMapName = lockMapName;
        this.acquireInterval = acquireInterval;
        this.localId = hazelcast.getCluster().getLocalMember().getUuid().toString();
        this.localMember = new Member(localId, true);
    }

    @Override
    protected void doStart() {
        locks = hazelcast.getMap(lockMapName);
        membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                fireMemberAddedEvent(new Member(event.getMember().getUuid().toString(), false));
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                fireMemberRemovedEvent(new Member(event.getMember().getUuid().toString(), false));
            }
        });
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "camel-marketo-leadership-" + getNamespace());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tryLead, 0, acquireInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        ExecutorService executor = scheduler;
        if (executor != null) {
            try {
                executor.submit(this::resign).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // the cluster does not answer: Hazelcast frees the lock when this member is removed
                LOG.debug("Cluster namespace {}: could not resign cleanly: {}", getNamespace(), e.toString());
            } finally {
                executor.shutdownNow();
                scheduler = null;
            }
        }
        if (membershipListener != null && hazelcast.getLifecycleService().isRunning()) {
            hazelcast.getCluster().removeMembershipListener(membershipListener);
        }
    }

    /** On the scheduler thread: take the lock if free, or check that it is still ours. */
    private void tryLead() {
        try {
            String key = getNamespace();
            boolean holds = leader ? locks.isLocked(key) && ownsLock(key) : locks.tryLock(key);
            if (holds && !leader) {
                locks.set(key, localId);
                leader = true;
                LOG.info("Cluster namespace {}: this member ({}) is the leader", key, localId);
                fireLeadershipChangedEvent(localMember);
            } else if (!holds && leader) {
                leader = false;
                LOG.info("Cluster namespace {}: this member ({}) lost the leadership", key, localId);
                fireLeadershipChangedEvent(Optional.empty());
            }
        } catch (RuntimeException e) {
            if (leader) {
                leader = false;
                LOG.warn("Cluster namespace {}: leadership lost with the cluster: {}", getNamespace(), e.toString());
                fireLeadershipChangedEvent(Optional.empty());
            }
        }
    }

    private boolean ownsLock(String key) {
        // a re-entrant tryLock by the owning thread succeeds at once; undo the extra hold
        if (locks.tryLock(key)) {
            locks.unlock(key);
            return true;
        }
        return false;
    }

    /** On the scheduler thread: give the leadership up. */
    private void resign() {
        if (!leader) {
            return;
        }
        leader = false;
        fireLeadershipChangedEvent(Optional.empty());
        try {
            locks.remove(getNamespace(), localId);
            locks.unlock(getNamespace());
        } catch (RuntimeException e) {
            // the cluster is gone: Hazelcast frees the lock when this member is removed
        }
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        if (leader) {
            return Optional.of(localMember);
        }
        try {
            String id = locks == null ? null : locks.get(getNamespace());
            if (id != null && locks.isLocked(getNamespace())) {
                return Optional.of(new Member(id, false));
            }
        } catch (RuntimeException e) {
            // unknown
        }
        return Optional.empty();
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return localMember;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        return hazelcast.getCluster().getMembers().stream()
                .map(m -> (CamelClusterMember) (m.localMember() ? localMember : new Member(m.getUuid().toString(), false)))
                .toList();
    }

    /** Whether this member leads the namespace. */
    public boolean isLeader() {
        return leader;
    }

    private final class Member implements CamelClusterMember {
        private final String id;
        private final boolean local;

        Member(String id, boolean local) {
            this.id = id;
            this.local = local;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public boolean isLeader() {
            return local ? leader : getLeader().map(l -> l.getId().equals(id)).orElse(false);
        }

        @Override
        public boolean isLocal() {
            return local;
        }

        @Override
        public String toString() {
            return "HazelcastClusterMember[" + id + (local ? ", local" : "") + "]";
        }
    }
}

package io.github.camelmarketo.cluster;

import java.time.Duration;
import java.util.Objects;

import com.hazelcast.core.HazelcastInstance;
import org.apache.camel.support.cluster.AbstractCamelClusterService;

/**
 * A Camel cluster service on a Hazelcast instance, for {@code master:} routes (camel-master): in each namespace the
 * leader is the member holding the Hazelcast map lock of the namespace's key. Hazelcast frees a map lock when its owner
 * leaves the cluster (crash included), so another member takes over within one {@code acquireInterval} of the owner's
 * removal. Camel ships cluster services for ZooKeeper, Consul, Kubernetes, JGroups, Infinispan and a file lock, but
 * camel-hazelcast (4.18) has none; this one is a thin adapter over Hazelcast's lock.
 *
 * <pre>
 * context.addService(new HazelcastClusterService(hazelcastInstance));
 * from("master:marketo-leads:marketo:getMultipleLeads?...")
 * </pre>
 */
public class HazelcastClusterService extends AbstractCamelClusterService<HazelcastClusterView> {

    /** The default lock map. */
    public static final String DEFAULT_LOCK_MAP = "camel-marketo.cluster.leadership";

    private final HazelcastInstance hazelcast;
    private String lockMapName = DEFAULT_LOCK_MAP;
    private Duration acquireInterval = Duration.ofSeconds(1);

    public HazelcastClusterService(HazelcastInstance hazelcast) {
        this.hazelcast = Objects.requireNonNull(hazelcast, "hazelcast");
        setId("hazelcast-" + hazelcast.getName());
    }

    @Override
    protected HazelcastClusterView createView(String namespace) {
        return new HazelcastClusterView(this, namespace, hazelcast, lockMapName, acquireInterval);
    }

    /** The Hazelcast instance. */
    public HazelcastInstance getHazelcastInstance() {
        return hazelcast;
    }

    public String getLockMapName() {
        return lockMapName;
    }

    /** The map whose per-namespace lock elects the leader (default {@value #DEFAULT_LOCK_MAP}). */
    public void setLockMapName(String lockMapName) {
        this.lockMapName = Objects.requireNonNull(lockMapName, "lockMapName");
    }

    public Duration getAcquireInterval() {
        return acquireInterval;
    }

    /** How often a follower tries to take the lock and a leader checks it still holds it (default 1 s). */
    public void setAcquireInterval(Duration acquireInterval) {
        this.acquireInterval = Objects.requireNonNull(acquireInterval, "acquireInterval");
    }
}

package io.github.camelmarketo.cluster;

import java.util.Objects;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} in a Hazelcast {@link IMap}, for the consumer's cursor on several nodes: the leader
 * writes the cursor after every completed page ({@code set}, which returns once the entry and its synchronous backup
 * are written), and a new leader reads it from the same map, so it continues where the old one stopped. camel-hazelcast
 * has idempotent and aggregation repositories but no state repository, hence this one.
 *
 * <pre>
 * context.getRegistry().bind("marketoCursors", new HazelcastStateRepository(hazelcastInstance, "marketo-cursors"));
 * from("master:marketo-leads:marketo:getMultipleLeads?leadSelector=lastUpdateAt&amp;stateRepository=#marketoCursors")
 * </pre>
 *
 * Keep the map's backup count at 1 or more (Hazelcast's default) so that the cursor survives the loss of a member.
 */
@ManagedResource(description = "Hazelcast IMap state repository")
public class HazelcastStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The default map name. */
    public static final String DEFAULT_MAP = "camel-marketo.cursors";

    private final HazelcastInstance hazelcast;
    private final String mapName;
    private volatile IMap<String, String> map;

    /** A repository in the map {@value #DEFAULT_MAP}. */
    public HazelcastStateRepository(HazelcastInstance hazelcast) {
        this(hazelcast, DEFAULT_MAP);
    }

    /** A repository in the map {@code mapName}. */
    public HazelcastStateRepository(HazelcastInstance hazelcast, String mapName) {
        this.hazelcast = Objects.requireNonNull(hazelcast, "hazelcast");
        this.mapName = Objects.requireNonNull(mapName, "mapName");
    }

    @Override
    protected void doStart() {
        map = hazelcast.getMap(mapName);
    }

    @Override
    public void setState(String key, String value) {
        map().set(key, value);
    }

    @Override
    public String getState(String key) {
        return map().get(key);
    }

    private IMap<String, String> map() {
        IMap<String, String> current = map;
        if (current == null) {
            current = hazelcast.getMap(mapName);
            map = current;
        }
        return current;
    }

    /** The map's name. */
    public String getMapName() {
        return mapName;
    }
}

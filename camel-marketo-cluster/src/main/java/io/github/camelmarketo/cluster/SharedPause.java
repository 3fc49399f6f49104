package io.github.camelmarketo.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;

/**
 * A pause after a server-side rejection, seen by every node: the end of the pause (epoch millis) is one entry of a
 * Hazelcast {@link IMap}, only ever moved later ({@code replace} on the old value), and each node keeps a local copy
 * updated by an entry listener, so checking the pause costs no remote call.
 */
final class SharedPause implements AutoCloseable {

    private final IMap<String, Long> pauses;
    private final String key;
    private final Clock clock;
    private final HazelcastInstance hazelcast;
    private final UUID listener;
    private volatile long pausedUntil;

    SharedPause(HazelcastInstance hazelcast, String mapName, String key, Clock clock) {
        this.hazelcast = hazelcast;
        this.pauses = hazelcast.getMap(mapName);
        this.key = key;
        this.clock = clock;
        this.listener = pauses.addEntryListener(new Listener(), key, true);
        try {
            Long current = pauses.get(key);
            if (current != null) {
                pausedUntil = current;
            }
        } catch (HazelcastException e) {
            // refused (e.g. split-brain protection): the listener brings later pauses
        }
    }

    /** Moves the shared pause to end {@code pause} from now, unless it already ends later. */
    void pauseFor(Duration pause) {
        long until = clock.millis() + pause.toMillis();
        observe(until);
        while (true) {
            Long current = pauses.get(key);
            if (current != null && current >= until) {
                return;
            }
            boolean written = current == null ? pauses.putIfAbsent(key, until) == null : pauses.replace(key, current, until);
            if (written) {
                return;
            }
        }
    }

    /** Millis until the pause ends (0 if none). */
    long remainingMillis() {
        return Math.max(0, pausedUntil - clock.millis());
    }

    /** The local copy, also used by the fallback when the cluster is gone. */
    long pausedUntil() {
        return pausedUntil;
    }

    private synchronized void observe(long until) {
        if (until > pausedUntil) {
            pausedUntil = until;
        }
    }

    @Override
    public void close() {
        if (hazelcast.getLifecycleService().isRunning()) {
            pauses.removeEntryListener(listener);
        }
    }

    private final class Listener implements EntryAddedListener<String, Long>, EntryUpdatedListener<String, Long> {
        @Override
        public void entryAdded(EntryEvent<String, Long> event) {
            observe(event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, Long> event) {
            observe(event.getValue());
        }
    }
}

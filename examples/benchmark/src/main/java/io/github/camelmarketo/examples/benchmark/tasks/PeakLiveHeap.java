package io.github.camelmarketo.examples.benchmark.tasks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The largest heap any garbage collection of this JVM left behind: what the program really retained, as opposed to
 * the peak of used heap, which also counts garbage the collector had not reclaimed yet.
 */
public final class PeakLiveHeap {

    private PeakLiveHeap() {
    }

    /**
     * Starts tracking; the returned value grows as collections report larger heaps after GC.
     *
     * @param heapPools names of the heap memory pools (a GC also reports non-heap pools such as Metaspace)
     */
    public static AtomicLong track(Set<String> heapPools) {
        AtomicLong peak = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info
                                = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(pool -> heapPools.contains(pool.getKey()))
                                .mapToLong(pool -> pool.getValue().getUsed()).sum();
                        peak.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
        return peak;
    }
}

package io.github.camelmarketo.examples.benchmark.tasks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.sun.management.OperatingSystemMXBean;

/**
 * Measures the part of a task between {@link #start()} and {@link #stop(long)}: wall time, this process's CPU time
 * ({@code OperatingSystemMXBean.getProcessCpuTime}, all threads of the client JVM) and the largest heap any garbage
 * collection left behind meanwhile (what the program retained, not garbage not yet collected).
 */
public final class TaskMeter {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final AtomicLong PEAK_AFTER_GC = PeakLiveHeap.track(heapPools());

    private long wallStart;
    private long cpuStart;

    /** Collects garbage, resets the after-GC peak and starts the clocks. */
    public TaskMeter start() {
        System.gc();
        PEAK_AFTER_GC.set(0);
        wallStart = System.nanoTime();
        cpuStart = OS.getProcessCpuTime();
        return this;
    }

    /** Stops the clocks; {@code records} is what the measured part synced, read or consumed. */
    public Map<String, Double> stop(long records) {
        long wall = System.nanoTime() - wallStart;
        long cpu = OS.getProcessCpuTime() - cpuStart;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("records", (double) records);
        metrics.put("wallSeconds", wall / 1e9);
        metrics.put("cpuSeconds", cpu / 1e9);
        metrics.put("recordsPerSecond", records / (wall / 1e9));
        metrics.put("cpuMsPer1000", records == 0 ? Double.NaN : cpu / 1e6 / (records / 1000.0));
        metrics.put("heapAfterGcMb", PEAK_AFTER_GC.get() / 1048576.0);
        metrics.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576.0);
        return metrics;
    }

    private static Set<String> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    }
}

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
 * collection left behind meanwhile (what the program retained, not garbage not yet collected). Beside the process
 * CPU it splits out where it went: the CPU of the threads that did the work ({@link Parallel}'s workers, for the
 * sync-and-read tasks), the JIT compiler's time and the collectors' time, so a difference between two clients can be
 * told apart from code still being compiled.
 */
public final class TaskMeter {

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final AtomicLong PEAK_AFTER_GC = PeakLiveHeap.track(heapPools());

    private long wallStart;
    private long cpuStart;
    private long workerCpuStart;
    private long compileMillisStart;
    private long gcMillisStart;
    private LiveHeapSampler liveHeap;

    /** Collects garbage, resets the after-GC peak and starts the clocks. */
    public TaskMeter start() {
        System.gc();
        PEAK_AFTER_GC.set(0);
        wallStart = System.nanoTime();
        cpuStart = OS.getProcessCpuTime();
        workerCpuStart = Parallel.workerCpuNanos();
        compileMillisStart = compileMillis();
        gcMillisStart = gcMillis();
        return this;
    }

    /**
     * Reports {@code sampler}'s peak live heap as {@code heapAfterGcMb} (a long run whose memory must not grow with
     * its length; the task reports its progress to the sampler).
     */
    public TaskMeter sampleLiveHeap(LiveHeapSampler sampler) {
        liveHeap = sampler;
        return this;
    }

    /** Stops the clocks; {@code records} is what the measured part synced, read or consumed. */
    public Map<String, Double> stop(long records) {
        long wall = System.nanoTime() - wallStart;
        long cpu = OS.getProcessCpuTime() - cpuStart;
        long workerCpu = Parallel.workerCpuNanos() - workerCpuStart;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("records", (double) records);
        metrics.put("wallSeconds", wall / 1e9);
        metrics.put("cpuSeconds", cpu / 1e9);
        metrics.put("recordsPerSecond", records / (wall / 1e9));
        metrics.put("cpuMsPer1000", records == 0 ? Double.NaN : cpu / 1e6 / (records / 1000.0));
        metrics.put("workerCpuMsPer1000", records == 0 || workerCpu == 0 ? Double.NaN : workerCpu / 1e6 / (records / 1000.0));
        metrics.put("jitMs", (double) (compileMillis() - compileMillisStart));
        metrics.put("gcMs", (double) (gcMillis() - gcMillisStart));
        metrics.put("heapAfterGcMb", (liveHeap != null ? liveHeap.peak() : PEAK_AFTER_GC.get()) / 1048576.0);
        metrics.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576.0);
        return metrics;
    }

    private static long compileMillis() {
        var compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    private static Set<String> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    }
}

package io.github.camelmarketo.examples.benchmark.suite;

import java.util.List;

/**
 * Sizes of a suite run. {@link #full()} is what the issue asks for (90,000 leads under scaled vendor limits, about a minute per API,
 * 1,000,000 leads through the consumer, heaps of 256 MB and 64 MB); {@link #smoke()} is the few-second version
 * {@code ./mvnw verify} runs, in one JVM, only to prove the report is produced.
 *
 * @param name             {@code full} or {@code smoke}
 * @param fork             emulator and clients in JVMs of their own
 * @param apis             the APIs measured
 * @param budgetLeads      leads synced and read back under vendor limits
 * @param budgetWarmup     leads synced and read before measuring (JIT warm-up, fewer calls than one window holds);
 *                         the client then waits one window so that the measured run starts with an empty window
 * @param budgetThreads    producer threads
 * @param budgetLimits     the scaled vendor limits (emulator and component alike)
 * @param overheadLeads    leads synced and read back, limits off, component and raw loop each
 * @param overheadWarmup   leads synced and read before measuring, on each side
 * @param overheadThreads  producer threads
 * @param overheadRounds   rounds of the component and the raw loop (alternating which goes first); the report
 *                         gives each side's median, so one disturbed run on a shared machine does not decide
 * @param consumerLeads    leads through the consumer (the emulator holds this many)
 * @param consumerSmall    the smaller run of the heap comparison
 * @param consumerBatch    consumer page size
 * @param clientHeap       heap of the client JVMs
 * @param smallHeap        the small heap the large consumer run must also complete in
 * @param emulatorHeap     heap of the emulator JVM of the consumer scenario
 */
public record SuiteSettings(String name, boolean fork, List<String> apis, int budgetLeads, int budgetWarmup,
                            int budgetThreads, LimitSpec budgetLimits, int overheadLeads, int overheadWarmup,
                            int overheadThreads, int overheadRounds,
                            int consumerLeads, int consumerSmall, int consumerBatch, String clientHeap, String smallHeap,
                            String emulatorHeap) {

    public static SuiteSettings full() {
        return new SuiteSettings("full", true, List.of("soap", "rest"), 90_000, 6_000, 4, new LimitSpec(100, 5_000, 10),
                60_000, 30_000, 4, 3, 1_000_000, 100_000, 1000, "256m", "64m", "4g");
    }

    public static SuiteSettings smoke() {
        return new SuiteSettings("smoke", false, List.of("soap", "rest"), 300, 0, 2, new LimitSpec(100, 2_000, 10),
                300, 0, 2, 1, 600, 200, 200, "256m", "64m", "256m");
    }

    /**
     * The same sizes with {@code leads} through the consumer and a tenth of them for the heap comparison (a loaded
     * machine may need fewer than the full 1,000,000 to finish in reasonable time).
     */
    public SuiteSettings withConsumerLeads(int leads) {
        return new SuiteSettings(name, fork, apis, budgetLeads, budgetWarmup, budgetThreads, budgetLimits, overheadLeads,
                overheadWarmup, overheadThreads, overheadRounds, leads, Math.max(1, leads / 10), consumerBatch, clientHeap, smallHeap, emulatorHeap);
    }

    public static SuiteSettings named(String name) {
        return switch (name) {
            case "full" -> full();
            case "smoke" -> smoke();
            default -> throw new IllegalArgumentException("--size is full or smoke, was " + name);
        };
    }
}

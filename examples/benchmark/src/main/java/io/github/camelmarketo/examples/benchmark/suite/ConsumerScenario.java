package io.github.camelmarketo.examples.benchmark.suite;


import io.github.camelmarketo.examples.benchmark.tasks.TaskResult;
import io.github.camelmarketo.examples.benchmark.tasks.TaskSpec;
import io.github.camelmarketo.examples.benchmark.tasks.Tasks;

/**
 * Scenario 3, consumer throughput and heap: the emulator holds {@code consumerLeads} leads (its own JVM, limits off);
 * per API the polling consumer ({@code leadSelector=lastUpdateAt}: SOAP LastUpdateAtSelector pages, REST Bulk Lead
 * Extract) reads all of them, beside the raw loop reading the same data; then the consumer again for the smaller
 * count (heap comparison) and for all of them in the small heap. Targets: consumer >= 0.8 x the raw loop's leads/s;
 * peak heap after GC flat in N (within 10 %); the large run completes in the small heap.
 *
 * <p>
 * A REST {@code leadChanges} consumer is one more row here: a task ({@code camel-consume} with
 * {@code leadSelector=leadChanges}) registered in {@link Tasks} and run beside the others.
 */
final class ConsumerScenario implements Scenario {

    static final double THROUGHPUT_TARGET = 0.8;
    static final double HEAP_TOLERANCE = 0.10;

    @Override
    public String name() {
        return "3 consumer throughput and heap";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        SuiteSettings s = context.settings();
        Table table = new Table(3, "3. Consumer throughput and heap",
                String.format("%,d leads through the polling consumer (leadSelector=lastUpdateAt over 61 days, batchSize %d, one "
                              + "exchange per lead; REST = Bulk Lead Extract) beside the raw loop reading the same leads "
                              + "(SOAP: LastUpdateAtSelector pages; REST: one export per 31-day window, each file downloaded "
                              + "once and parsed). Emulator in its own JVM (-Xmx%s), limits off on both sides. Heap = largest "
                              + "heap a full GC left behind in the client JVM (one at each twentieth of the leads, while a page is "
                              + "in hand: what the consumer holds, without the dead objects a young GC leaves in the old "
                              + "generation). Targets: consumer >= %.1f x raw loop leads/s; heap "
                              + "after GC at %,d vs %,d leads within %.0f %%; %,d leads also complete at -Xmx%s.",
                        s.consumerLeads(), s.consumerBatch(), s.emulatorHeap(), THROUGHPUT_TARGET, s.consumerSmall(),
                        s.consumerLeads(), HEAP_TOLERANCE * 100, s.consumerLeads(), s.smallHeap()),
                "api", "run", "leads", "heap", "wall s", "leads/s", "vs raw loop", "heap after GC MB", "calls",
                "calls / 1,000 leads");
        Charts.Bars speed = new Charts.Bars();
        Charts.Bars heap = new Charts.Bars();
        try (EmulatorHandle emulator = context.emulator(s.consumerLeads(), LimitSpec.off(), s.emulatorHeap())) {
            for (String api : s.apis()) {
                TaskResult camel = context.run(spec(Tasks.CAMEL_CONSUME, api, emulator, s, s.consumerLeads()), s.clientHeap(), emulator);
                long camelCalls = Counters.apiCalls(emulator.counters(), api);
                TaskResult raw = context.run(spec(Tasks.RAW_CONSUME, api, emulator, s, s.consumerLeads()), s.clientHeap(), emulator);
                long rawCalls = Counters.apiCalls(emulator.counters(), api);
                TaskResult small = context.run(spec(Tasks.CAMEL_CONSUME, api, emulator, s, s.consumerSmall()), s.clientHeap(), emulator);
                TaskResult tight = null;
                String tightFailure = null;
                try {
                    tight = context.run(spec(Tasks.CAMEL_CONSUME, api, emulator, s, s.consumerLeads()), s.smallHeap(), emulator);
                } catch (IllegalStateException e) {
                    tightFailure = e.getMessage();
                    context.log("  " + tightFailure);
                }
                double vsRaw = camel.get("recordsPerSecond") / raw.get("recordsPerSecond");
                row(table, api, "camel consumer", camel, s.clientHeap(), vsRaw, camelCalls);
                row(table, api, "raw loop", raw, s.clientHeap(), 1.0, rawCalls);
                row(table, api, "camel consumer", small, s.clientHeap(), Double.NaN, -1);
                if (tight != null) {
                    row(table, api, "camel consumer", tight, s.smallHeap(), Double.NaN, -1);
                } else {
                    table.row(api, "camel consumer", (long) s.consumerLeads(), s.smallHeap(), null, null, null, "failed", null, null);
                }
                speed.put("camel consumer", api, camel.get("recordsPerSecond")).put("raw loop", api, raw.get("recordsPerSecond"));
                heap.put(String.format("%,d leads, -Xmx%s", s.consumerSmall(), s.clientHeap()), api, small.get("heapAfterGcMb"))
                        .put(String.format("%,d leads, -Xmx%s", s.consumerLeads(), s.clientHeap()), api, camel.get("heapAfterGcMb"));
                if (tight != null) {
                    heap.put(String.format("%,d leads, -Xmx%s", s.consumerLeads(), s.smallHeap()), api, tight.get("heapAfterGcMb"));
                }
                double growth = camel.get("heapAfterGcMb") / small.get("heapAfterGcMb") - 1;
                context.report().addTarget("3 consumer", "consumer >= " + THROUGHPUT_TARGET + " x raw loop leads/s (" + api + ")",
                        Table.format(vsRaw) + " x", vsRaw >= THROUGHPUT_TARGET);
                context.report().addTarget("3 consumer", String.format("heap after GC flat: %,d vs %,d leads within %.0f %% (%s)",
                        s.consumerSmall(), s.consumerLeads(), HEAP_TOLERANCE * 100, api),
                        String.format("%s vs %s MB (%+.0f %%)", Table.format(small.get("heapAfterGcMb")),
                                Table.format(camel.get("heapAfterGcMb")), growth * 100), Math.abs(growth) <= HEAP_TOLERANCE);
                context.report().addTarget("3 consumer", String.format("%,d leads complete at -Xmx%s (%s)", s.consumerLeads(),
                        s.smallHeap(), api), tight != null ? "completed" : "failed", tight != null);
                context.addCallCount(new SuiteContext.CallCount(api, "consume (lastUpdateAt)", "camel consumer",
                        (long) camel.get("records"), camelCalls, minimumConsumeCalls(api, s)));
                context.addCallCount(new SuiteContext.CallCount(api, "consume (lastUpdateAt)", "raw loop",
                        (long) raw.get("records"), rawCalls, minimumConsumeCalls(api, s)));
            }
        }
        context.report().addSection(table.build());
        Charts.bars(context.output().resolve("consumer-throughput.png"), "Consumer throughput: leads/s", "leads/s", speed,
                Double.NaN, false);
        context.report().addChart("consumer-throughput.png", "Consumer throughput: polling consumer vs raw loop");
        Charts.bars(context.output().resolve("consumer-heap.png"), "Consumer heap left after GC", "MB", heap, Double.NaN, false);
        context.report().addChart("consumer-heap.png", "Consumer JVM: largest heap left after a full GC");
    }

    /**
     * SOAP: one call per page (the batch size, at most the vendor's 1,000), plus one per extra 30-day window; REST: per 31-day window one
     * export job (create, enqueue, one status poll, one file download).
     */
    static double minimumConsumeCalls(String api, SuiteSettings s) {
        if ("soap".equals(api)) {
            return Math.ceil(s.consumerLeads() / (double) Math.min(s.consumerBatch(), 1000)) + 2;
        }
        return 2 * 4;
    }

    private static void row(Table table, String api, String run, TaskResult result, String heapSize, double vsRaw, long calls) {
        double records = result.get("records");
        table.row(api, run, (long) records, heapSize, result.get("wallSeconds"), result.get("recordsPerSecond"), vsRaw,
                result.get("heapAfterGcMb"), calls < 0 ? null : calls, calls < 0 ? Double.NaN : calls / (records / 1000));
    }

    private static TaskSpec spec(String task, String api, EmulatorHandle emulator, SuiteSettings s, int leads) {
        return new TaskSpec(task, api, emulator.baseUrl(), leads, 1, s.consumerBatch(), LimitSpec.off().toArg(),
                "consume", 0);
    }

}

package io.github.camelmarketo.examples.benchmark.suite;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;

import io.github.camelmarketo.examples.benchmark.tasks.TaskResult;
import io.github.camelmarketo.examples.benchmark.tasks.TaskSpec;
import io.github.camelmarketo.examples.benchmark.tasks.Tasks;

/**
 * Scenario 2, overhead: the same sync-and-read-back workload with every limit off, through a Camel route and through
 * the raw loop, each in a client JVM of its own (same threads, same leads, warmed up first). Reports process CPU per
 * 1,000 records and the wall-time ratio. Also feeds the budget ceiling (raw call latencies) and the calls-per-record
 * table. Target: component CPU at most 1.15 x the raw loop's.
 */
final class OverheadScenario implements Scenario {

    static final double CPU_TARGET = 1.15;

    @Override
    public String name() {
        return "2 overhead (limits off): Camel route vs raw loop";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        SuiteSettings s = context.settings();
        Table table = new Table(2, "2. Overhead: Camel route vs raw loop (limits off)",
                String.format("Sync %,d new leads (300 per call) and read them back by email, %d threads, vendor limits off on "
                              + "both sides. Each side runs in its own JVM (-Xmx%s) after a warm-up of %,d leads; records = "
                              + "leads synced + leads read; CPU = process CPU time of the client JVM (the target's measure); 'worker CPU' = the CPU of "
                              + "the threads that made the calls alone (no JIT compiler, collector or other thread); 'JIT ms' = time "
                              + "the JIT compilers spent meanwhile (elapsed, summed over compiler threads). %d round(s), each with a "
                              + "fresh emulator, the side that goes first alternating; figures are each side's median, with "
                              + "the range of CPU ms over the rounds. Raw loop: JAX-WS proxy from the benchmark's WSDL copy "
                              + "with the same signing rule (SOAP), HttpClient 5 + Jackson (REST). Target: CPU ratio <= %.2f.",
                        s.overheadLeads(), s.overheadThreads(), s.clientHeap(), s.overheadWarmup(), s.overheadRounds(),
                        CPU_TARGET),
                "api", "side", "records", "wall s", "records/s", "CPU s", "CPU ms / 1,000 records", "CPU ms range",
                "worker CPU ms / 1,000", "JIT ms", "CPU ratio", "worker CPU ratio", "wall ratio");
        Charts.Bars cpuBars = new Charts.Bars();
        for (String api : s.apis()) {
            Rounds camel = new Rounds();
            Rounds raw = new Rounds();
            for (int round = 0; round < s.overheadRounds(); round++) {
                try (EmulatorHandle emulator = context.emulator(0, LimitSpec.off(), "1g")) {
                    List<Rounds> order = round % 2 == 0 ? List.of(camel, raw) : List.of(raw, camel);
                    for (Rounds side : order) {
                        String task = side == camel ? Tasks.CAMEL_SYNC_READ : Tasks.RAW_SYNC_READ;
                        String name = side == camel ? "camel" : "raw";
                        side.add(context.run(spec(task, api, emulator, s, name + "-" + round), s.clientHeap(), emulator),
                                emulator.counters());
                    }
                }
            }
            double camelCpu = camel.median("cpuMsPer1000");
            double rawCpu = raw.median("cpuMsPer1000");
            double cpuRatio = camelCpu / rawCpu;
            double wallRatio = camel.median("wallSeconds") / raw.median("wallSeconds");
            double workerRatio = camel.median("workerCpuMsPer1000") / raw.median("workerCpuMsPer1000");
            table.row(api, "camel", (long) camel.median("records"), camel.median("wallSeconds"), camel.median("recordsPerSecond"),
                    camel.median("cpuSeconds"), camelCpu, camel.range("cpuMsPer1000"), camel.median("workerCpuMsPer1000"),
                    camel.median("jitMs"), cpuRatio, workerRatio, wallRatio);
            table.row(api, "raw loop", (long) raw.median("records"), raw.median("wallSeconds"), raw.median("recordsPerSecond"),
                    raw.median("cpuSeconds"), rawCpu, raw.range("cpuMsPer1000"), raw.median("workerCpuMsPer1000"),
                    raw.median("jitMs"), 1.0, 1.0, 1.0);
            cpuBars.put("camel", api, camelCpu).put("raw loop", api, rawCpu);
            context.report().addTarget("2 overhead", "camel CPU <= " + CPU_TARGET + " x raw loop (" + api + ")",
                    Table.format(cpuRatio) + " x", cpuRatio <= CPU_TARGET);
            context.latencyMillis(api + ".sync", raw.median("syncCallMs"));
            context.latencyMillis(api + ".read", raw.median("readCallMs"));
            addCalls(context, api, "camel", camel.firstCounters(), s.overheadLeads());
            addCalls(context, api, "raw loop", raw.firstCounters(), s.overheadLeads());
        }
        context.report().addSection(table.build());
        Charts.bars(context.output().resolve("overhead-cpu.png"), "Client CPU per 1,000 records (sync + read, limits off)",
                "CPU ms / 1,000 records", cpuBars, Double.NaN, false);
        context.report().addChart("overhead-cpu.png", "Client CPU per 1,000 records: Camel route vs raw loop");
    }

    /** The runs of one side: medians of their figures, and the calls the first run made. */
    private static final class Rounds {
        private final List<TaskResult> results = new ArrayList<>();
        private Map<String, Long> firstCounters;

        void add(TaskResult result, Map<String, Long> counters) {
            results.add(result);
            if (firstCounters == null) {
                firstCounters = counters;
            }
        }

        double median(String figure) {
            double[] values = results.stream().mapToDouble(r -> r.get(figure)).sorted().toArray();
            int n = values.length;
            return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        }

        String range(String figure) {
            DoubleSummaryStatistics stats = results.stream().mapToDouble(r -> r.get(figure)).summaryStatistics();
            return Table.format(stats.getMin()) + " - " + Table.format(stats.getMax());
        }

        Map<String, Long> firstCounters() {
            return firstCounters;
        }
    }

    private static TaskSpec spec(String task, String api, EmulatorHandle emulator, SuiteSettings s, String side) {
        return new TaskSpec(task, api, emulator.baseUrl(), s.overheadLeads(), s.overheadThreads(), s.consumerBatch(),
                LimitSpec.off().toArg(), "overhead-" + side + "-" + api, s.overheadWarmup());
    }

    static void addCalls(SuiteContext context, String api, String side, Map<String, Long> counters, int leads) {
        context.addCallCount(new SuiteContext.CallCount(api, "sync (300 per call)", side, leads,
                Counters.get(counters, Counters.syncLabel(api)), Math.ceil(leads / 300.0)));
        int keys = "soap".equals(api) ? 100 : 300;
        context.addCallCount(new SuiteContext.CallCount(api, "read by email (" + keys + " keys per call)", side, leads,
                Counters.get(counters, Counters.readLabel(api)), Math.ceil(leads / (double) keys)));
    }
}

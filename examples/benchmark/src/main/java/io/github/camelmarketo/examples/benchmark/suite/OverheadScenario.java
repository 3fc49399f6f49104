package io.github.camelmarketo.examples.benchmark.suite;

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
                              + "leads synced + leads read; CPU = process CPU time of the client JVM. Raw loop: JAX-WS proxy "
                              + "from the benchmark's WSDL copy with the same signing rule (SOAP), HttpClient 5 + Jackson (REST). "
                              + "Target: CPU ratio <= %.2f.", s.overheadLeads(), s.overheadThreads(), s.clientHeap(),
                        s.overheadWarmup(), CPU_TARGET),
                "api", "side", "records", "wall s", "records/s", "CPU s", "CPU ms / 1,000 records", "CPU ratio", "wall ratio");
        Charts.Bars cpuBars = new Charts.Bars();
        for (String api : s.apis()) {
            TaskResult camel;
            TaskResult raw;
            Map<String, Long> camelCounters;
            Map<String, Long> rawCounters;
            try (EmulatorHandle emulator = context.emulator(0, LimitSpec.off(), "1g")) {
                camel = context.run(spec(Tasks.CAMEL_SYNC_READ, api, emulator, s, "camel"), s.clientHeap(), emulator);
                camelCounters = emulator.counters();
                raw = context.run(spec(Tasks.RAW_SYNC_READ, api, emulator, s, "raw"), s.clientHeap(), emulator);
                rawCounters = emulator.counters();
            }
            double cpuRatio = camel.get("cpuMsPer1000") / raw.get("cpuMsPer1000");
            double wallRatio = camel.get("wallSeconds") / raw.get("wallSeconds");
            table.row(api, "camel", (long) camel.get("records"), camel.get("wallSeconds"), camel.get("recordsPerSecond"),
                    camel.get("cpuSeconds"), camel.get("cpuMsPer1000"), cpuRatio, wallRatio);
            table.row(api, "raw loop", (long) raw.get("records"), raw.get("wallSeconds"), raw.get("recordsPerSecond"),
                    raw.get("cpuSeconds"), raw.get("cpuMsPer1000"), 1.0, 1.0);
            cpuBars.put("camel", api, camel.get("cpuMsPer1000")).put("raw loop", api, raw.get("cpuMsPer1000"));
            context.report().addTarget("2 overhead", "camel CPU <= " + CPU_TARGET + " x raw loop (" + api + ")",
                    Table.format(cpuRatio) + " x", cpuRatio <= CPU_TARGET);
            context.latencyMillis(api + ".sync", raw.get("syncCallMs"));
            context.latencyMillis(api + ".read", raw.get("readCallMs"));
            addCalls(context, api, "camel", camelCounters, s.overheadLeads());
            addCalls(context, api, "raw loop", rawCounters, s.overheadLeads());
        }
        context.report().addSection(table.build());
        Charts.bars(context.output().resolve("overhead-cpu.png"), "Client CPU per 1,000 records (sync + read, limits off)",
                "CPU ms / 1,000 records", cpuBars, Double.NaN, false);
        context.report().addChart("overhead-cpu.png", "Client CPU per 1,000 records: Camel route vs raw loop");
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

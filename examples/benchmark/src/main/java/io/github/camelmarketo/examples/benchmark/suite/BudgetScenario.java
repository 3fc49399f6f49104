package io.github.camelmarketo.examples.benchmark.suite;

import java.util.List;
import java.util.Map;

import io.github.camelmarketo.examples.benchmark.tasks.TaskResult;
import io.github.camelmarketo.examples.benchmark.tasks.TaskSpec;
import io.github.camelmarketo.examples.benchmark.tasks.Tasks;

/**
 * Scenario 1, budget efficiency: sync and read back leads through the component with the vendor's limits on in the
 * emulator, windows scaled down, the component's limiter set to the same limits, several producer threads. Reports
 * records/s as a ratio of the theoretical ceiling ({@link Ceiling}: the fewest calls the vendor's batch sizes allow,
 * the window, the concurrency, and the latencies the raw loop measured in scenario 2) and the rejections the emulator
 * counted (606/615/20023/20024). Target: ratio >= 0.95 with zero rejections.
 */
final class BudgetScenario implements Scenario {

    static final double RATIO_TARGET = 0.95;

    @Override
    public String name() {
        return "1 budget efficiency (vendor limits on, scaled windows)";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        SuiteSettings s = context.settings();
        LimitSpec limits = s.budgetLimits();
        Table table = new Table(1, "1. Budget efficiency (vendor limits on, scaled windows)",
                String.format("Sync %,d new leads (300 per call) and read them back by email through the component, %d producer "
                              + "threads, emulator and component limiter both at %s, after a warm-up of %,d leads and one idle "
                              + "window. Ceiling = the shortest possible time for "
                              + "the fewest calls the vendor's batch sizes allow (sync 300, SOAP 100 keys, REST 300 filterValues), "
                              + "given the window, concurrency min(threads, cap) and the raw loop's call latencies (scenario 2). "
                              + "'ratio (calls made)' uses the calls the component actually made. Rejections are counted by "
                              + "the emulator. Target: ratio >= %.2f and no 606/615/20023/20024.", s.budgetLeads(),
                        s.budgetThreads(), limits.describe(), s.budgetWarmup(), RATIO_TARGET),
                "api", "records", "calls", "min calls", "wall s", "ceiling s", "records/s", "ceiling records/s", "ratio",
                "ratio (calls made)", "606", "615", "20023", "20024");
        Charts.Bars bars = new Charts.Bars();
        for (String api : s.apis()) {
            TaskResult result;
            Map<String, Long> counters;
            try (EmulatorHandle emulator = context.emulator(0, limits, "1g")) {
                result = context.run(new TaskSpec(Tasks.CAMEL_SYNC_READ, api, emulator.baseUrl(), s.budgetLeads(),
                        s.budgetThreads(), s.consumerBatch(), limits.toArg(), "budget-" + api, s.budgetWarmup()), s.clientHeap(),
                        emulator);
                counters = emulator.counters();
            }
            long syncCalls = Counters.get(counters, Counters.syncLabel(api));
            long readCalls = Counters.get(counters, Counters.readLabel(api));
            long minSync = (long) Math.ceil(s.budgetLeads() / 300.0);
            long minRead = (long) Math.ceil(s.budgetLeads() / ("soap".equals(api) ? 100.0 : 300.0));
            double syncMs = zeroIfNaN(context.latencyMillis(api + ".sync"));
            double readMs = zeroIfNaN(context.latencyMillis(api + ".read"));
            double ceiling = Ceiling.seconds(List.of(new Ceiling.Phase(minSync, syncMs), new Ceiling.Phase(minRead, readMs)),
                    limits, s.budgetThreads());
            double ceilingMade = Ceiling.seconds(List.of(new Ceiling.Phase(syncCalls, syncMs), new Ceiling.Phase(readCalls, readMs)),
                    limits, s.budgetThreads());
            double wall = result.get("wallSeconds");
            double records = result.get("records");
            double ratio = ceiling / wall;
            long[] rejected = new long[Counters.REJECTIONS.length];
            long rejections = 0;
            for (int i = 0; i < rejected.length; i++) {
                rejected[i] = Counters.code(counters, Counters.REJECTIONS[i]);
                rejections += rejected[i];
            }
            table.row(api, (long) records, syncCalls + readCalls, minSync + minRead, wall, ceiling, records / wall,
                    records / ceiling, ratio, ceilingMade / wall, rejected[0], rejected[1], rejected[2], rejected[3]);
            bars.put("vs ceiling (fewest calls)", api, ratio).put("vs ceiling (calls made)", api, ceilingMade / wall);
            context.report().addTarget("1 budget", "records/s >= " + RATIO_TARGET + " x ceiling (" + api + ")",
                    Table.format(ratio), ratio >= RATIO_TARGET);
            context.report().addTarget("1 budget", "no 606/615/20023/20024 (" + api + ")", Long.toString(rejections),
                    rejections == 0);
        }
        context.report().addSection(table.build());
        Charts.bars(context.output().resolve("budget.png"), "Budget efficiency: records/s as a share of the ceiling (" + limits.describe() + ")",
                "ratio of the ceiling", bars, RATIO_TARGET, false);
        context.report().addChart("budget.png", "Budget efficiency: records/s as a share of the theoretical ceiling");
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}

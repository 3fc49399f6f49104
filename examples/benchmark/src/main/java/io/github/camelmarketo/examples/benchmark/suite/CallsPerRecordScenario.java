package io.github.camelmarketo.examples.benchmark.suite;

/**
 * Scenario 4, calls per record: the API calls the emulator counted per 1,000 records for each workload of
 * scenarios 2 and 3 (component and raw loop), beside the fewest the vendor's batch sizes allow (300 per sync call,
 * SOAP 100 keys / REST 300 filterValues per read, the largest page for lists, one export job per window). Runs last:
 * it reads what the others counted.
 */
final class CallsPerRecordScenario implements Scenario {

    @Override
    public String name() {
        return "4 calls per record";
    }

    @Override
    public void run(SuiteContext context) throws Exception {
        Table table = new Table(4, "4. API calls per 1,000 records",
                "Calls the emulator counted (identity calls excluded) per 1,000 records moved, beside the minimum for the "
                + "vendor's batch sizes: sync 300 records per call, read by key SOAP 100 / REST 300 per call, consume SOAP "
                + "1,000 per page (+ one call per 30-day window), REST one export job per 31-day window (create, enqueue, "
                + "status, file). 'x minimum' = calls / minimum calls.",
                "api", "workload", "side", "records", "calls", "calls / 1,000 records", "minimum / 1,000 records", "x minimum");
        Charts.Bars bars = new Charts.Bars();
        for (SuiteContext.CallCount count : context.callCounts()) {
            double perThousand = count.calls() / (count.records() / 1000.0);
            double minimum = count.minimum() / (count.records() / 1000.0);
            table.row(count.api(), count.workload(), count.side(), count.records(), count.calls(), perThousand, minimum,
                    count.calls() / count.minimum());
            String category = count.api() + " " + count.workload().replaceAll(" \\(.*", "");
            bars.put(count.side(), category, perThousand).put("minimum", category, minimum);
        }
        context.report().addSection(table.build());
        Charts.bars(context.output().resolve("calls-per-1000.png"), "API calls per 1,000 records (log scale)",
                "calls / 1,000 records", bars, Double.NaN, true);
        context.report().addChart("calls-per-1000.png", "API calls per 1,000 records beside the minimum");
    }
}

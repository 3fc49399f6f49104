package io.github.camelmarketo.examples.benchmark.suite;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs every scenario against the emulator and writes {@code report.md}, {@code report.json} and PNG charts:
 *
 * <pre>
 * ./mvnw -q -pl examples/benchmark -am compile exec:exec@suite            # full sizes, about 11 minutes on 2 idle cores
 * ./mvnw -q -pl examples/benchmark -am compile exec:exec@suite -Dsuite.size=smoke
 * ./mvnw -q -pl examples/benchmark -am compile exec:exec@suite -Dsuite.consumerLeads=200000   # a loaded machine
 * ./mvnw -q -pl examples/benchmark -am compile exec:exec@suite -Dsuite.scenarios=2,1            # some scenarios only
 * </pre>
 *
 * The order is 2 (overhead: it measures the call latencies the budget ceiling needs), 1 (budget), 3 (consumer),
 * 4 (calls per record: reads what 2 and 3 counted); the report lists them by number. A scenario that fails is
 * reported as a missed target and the others still run.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        String size = "full";
        int consumerLeads = 0;
        String only = "all";
        Path out = Paths.get("target", "benchmark");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--size" -> size = args[i + 1];
                case "--out" -> out = Paths.get(args[i + 1]);
                case "--consumer-leads" -> consumerLeads = Integer.parseInt(args[i + 1]);
                case "--scenarios" -> only = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                                                              + "; allowed: --size full|smoke, --out DIR, --consumer-leads N, "
                                                              + "--scenarios all|N,N...");
            }
        }
        SuiteSettings settings = SuiteSettings.named(size);
        if (consumerLeads > 0 && consumerLeads != settings.consumerLeads()) {
            settings = settings.withConsumerLeads(consumerLeads);
        }
        Report report = run(settings, selected(only), out, System.out::println);
        long missed = report.targets().stream().filter(t -> !t.met()).count();
        System.out.printf(Locale.ROOT, "%nReport: %s (%d of %d targets met)%n", out.resolve("report.md").toAbsolutePath(),
                report.targets().size() - missed, report.targets().size());
        System.exit(0);
    }

    /** The scenarios in the order they run. Add a scenario here (e.g. multi-node, REST leadChanges). */
    static List<Scenario> scenarios() {
        return List.of(new OverheadScenario(), new BudgetScenario(), new ConsumerScenario(), new CallsPerRecordScenario());
    }

    /**
     * The scenarios {@code only} names by number ({@code "2,1"}), in suite order; {@code "all"}: every one. Scenario 1
     * takes its ceiling's latencies from 2 and scenario 4 reads what 2 and 3 counted, so a selection without them
     * reports those figures as missing.
     */
    static List<Scenario> selected(String only) {
        if ("all".equals(only)) {
            return scenarios();
        }
        // a scenario's name starts with its number
        List<String> known = scenarios().stream().map(s -> s.name().substring(0, 1)).toList();
        List<String> numbers = List.of(only.split(",")).stream().map(String::trim).toList();
        if (numbers.isEmpty() || !known.containsAll(numbers)) {
            throw new IllegalArgumentException("--scenarios is all or a comma-separated list of " + String.join(", ", known.stream().sorted().toList())
                                               + "; was " + only);
        }
        return scenarios().stream().filter(s -> numbers.contains(s.name().substring(0, 1))).toList();
    }

    /** Runs the suite with {@code settings} and writes the report into {@code out}; returns it. */
    public static Report run(SuiteSettings settings, Path out, Consumer<String> log) throws Exception {
        return run(settings, scenarios(), out, log);
    }

    /** Runs {@code scenarios} with {@code settings} and writes the report into {@code out}; returns it. */
    static Report run(SuiteSettings settings, List<Scenario> scenarios, Path out, Consumer<String> log) throws Exception {
        java.nio.file.Files.createDirectories(out);
        Report report = new Report();
        header(report, settings);
        TaskRunner runner = settings.fork() ? new ForkedTaskRunner(line -> log.accept("    " + line))
                : new InProcessTaskRunner(line -> log.accept("    " + line));
        EmulatorHandle.Factory emulators = settings.fork() ? ForkedEmulator::start : InProcessEmulator::start;
        SuiteContext context = new SuiteContext(settings, out, runner, emulators, report, log);
        long suiteStart = System.nanoTime();
        for (Scenario scenario : scenarios) {
            log.accept("Scenario " + scenario.name());
            long start = System.nanoTime();
            try {
                scenario.run(context);
            } catch (Exception e) {
                log.accept("  FAILED: " + e);
                report.addTarget(scenario.name(), "scenario runs", "failed: " + e.getMessage(), false);
            }
            log.accept(String.format(Locale.ROOT, "  (%.0f s)", (System.nanoTime() - start) / 1e9));
        }
        report.header().put("suite wall time", String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - suiteStart) / 1e9));
        ReportWriter.write(report, out);
        return report;
    }

    private static void header(Report report, SuiteSettings settings) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        report.header().put("date (UTC)", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(Instant.now()));
        report.header().put("sizes", settings.name() + (settings.fork() ? " (emulator and each client in its own JVM)"
                : " (smoke: emulator and clients in one JVM; figures only prove the report works)"));
        report.header().put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        report.header().put("load average at start", String.format(Locale.ROOT, "%.1f", os.getSystemLoadAverage()));
        report.header().put("os", os.getName() + " " + os.getVersion() + " (" + os.getArch() + ")");
        report.header().put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.header().put("client heap", "-Xmx" + settings.clientHeap() + " (consumer also -Xmx" + settings.smallHeap() + ")");
        report.header().put("emulator heap", "-Xmx" + settings.emulatorHeap() + " (consumer scenario), -Xmx1g (others)");
        report.header().put("command", "./mvnw -q -pl examples/benchmark -am compile exec:exec@suite"
                                       + ("full".equals(settings.name()) ? "" : " -Dsuite.size=" + settings.name())
                                       + (settings.consumerLeads() == SuiteSettings.named(settings.name()).consumerLeads()
                                               ? "" : " -Dsuite.consumerLeads=" + settings.consumerLeads()));
        report.header().put("consumer leads", String.format(Locale.ROOT, "%,d (heap compared with %,d)",
                settings.consumerLeads(), settings.consumerSmall()));
    }
}

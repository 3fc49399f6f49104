package io.github.camelmarketo.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.hazelcast.core.HazelcastInstance;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.support.CallLimiter;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * 1, 2 and 4 nodes (each a CamelContext with its own Hazelcast member) share one {@link HazelcastCallBudget} and sync
 * leads as fast as the budget lets them, against the emulator with the vendor limits on (window scaled). Prints, per
 * node count, the combined and per-node records/s, the ratio to the one-node figure and to the budget's ceiling
 * (its steady call rate times the records per call), and the emulator's 606/615 counts. The first row is the
 * reference: one node on the component's own local {@code CallLimiter} with the same limits.
 *
 * <p>
 * System properties: {@code benchmark.calls} (calls per window, default 50), {@code benchmark.window} (ms, default
 * 2000), {@code benchmark.concurrent} (default 10), {@code benchmark.records} (records per call, default 100),
 * {@code benchmark.seconds} (per scenario, default 20), {@code benchmark.producers} (per node, default 8),
 * {@code benchmark.nodes} (default {@code 1,2,4}), {@code benchmark.latencyMargin} (ms, default 500: everything runs in
 * one JVM on a loaded machine, where collector pauses spread the delay between admission and arrival).
 */
public final class ClusterBudgetBenchmark {

    private static final String SYNC = "POST /rest/v1/leads.json";

    private ClusterBudgetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.getInteger("benchmark.calls", 50);
        Duration window = Duration.ofMillis(Long.getLong("benchmark.window", 2000));
        int concurrent = Integer.getInteger("benchmark.concurrent", 10);
        int records = Integer.getInteger("benchmark.records", 100);
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        int producers = Integer.getInteger("benchmark.producers", 8);
        String[] nodeCounts = System.getProperty("benchmark.nodes", "1,2,4").split(",");
        Duration margin = Duration.ofMillis(Long.getLong("benchmark.latencyMargin", 500));

        List<String> rows = new ArrayList<>();
        Result local = run(1, true, margin, calls, window, concurrent, records, seconds, producers);
        rows.add(String.format("| 1, local CallLimiter | %.0f | - | - | %.0f | %d | %d |", local.combined(), local.combined(),
                local.r606(), local.r615()));
        double oneNode = 0;
        double ceiling = 0;
        for (String count : nodeCounts) {
            int nodes = Integer.parseInt(count.trim());
            Result result = run(nodes, false, margin, calls, window, concurrent, records, seconds, producers);
            ceiling = result.ceilingRecordsPerSecond();
            if (oneNode == 0) {
                oneNode = result.combined();
            }
            StringBuilder perNode = new StringBuilder();
            for (double rate : result.perNode()) {
                perNode.append(perNode.length() == 0 ? "" : " / ").append(String.format("%.0f", rate));
            }
            rows.add(String.format("| %d | %.0f | %.3f | %.3f | %s | %d | %d |", nodes, result.combined(),
                    result.combined() / oneNode, result.combined() / ceiling, perNode, result.r606(), result.r615()));
        }
        System.out.printf("%nShared budget: %d calls / %s, %d in flight, latencyMargin %s, %d records per call, %d producers "
                          + "per node, %d s per scenario; budget ceiling %.0f records/s%n%n",
                calls, window, concurrent, margin, records, producers, seconds, ceiling);
        System.out.println("| nodes | combined records/s | vs 1 node | vs ceiling | per node records/s | 606 | 615 |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    private static Result run(int nodes, boolean localLimiter, Duration margin, int calls, Duration window, int concurrent, int records, int seconds,
                              int producers) throws Exception {
        MarketoEmulator emulator = MarketoEmulator.builder().leads(10).build().start();
        emulator.limits().setPolicy(Api.REST,
                LimitPolicy.marketoRest().withCallsPerWindow(calls, window).withMaxConcurrent(concurrent));
        emulator.faults().inject(Api.REST, SYNC, new Fault.Latency(Duration.ofMillis(40)), Integer.MAX_VALUE);
        HazelcastNodes cluster = new HazelcastNodes(nodes);
        List<HazelcastInstance> members = new ArrayList<>();
        List<CamelContext> contexts = new ArrayList<>();
        List<ProducerTemplate> templates = new ArrayList<>();
        double ceiling = 0;
        try {
            for (int i = 0; i < nodes; i++) {
                HazelcastInstance member = cluster.start(i);
                members.add(member);
                HazelcastCallBudget budget = HazelcastCallBudget.builder(member, emulator.getMunchkinId())
                        .callsPerWindow(calls).window(window).maxConcurrentCalls(concurrent).latencyMargin(margin).build();
                ceiling = budget.getSteadyRate() * records;
                CamelContext context = new DefaultCamelContext();
                MarketoComponent component = EmulatorNodes.component(emulator, MarketoApi.rest);
                component.getConfiguration().setRateLimiter(localLimiter
                        ? new CallLimiter(calls, window, concurrent) : budget);
                context.addComponent("marketo", component);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:upsert").to("marketo:syncLeads?lookupField=email");
                    }
                });
                context.start();
                contexts.add(context);
                templates.add(context.createProducerTemplate());
            }
            // warm-up: one call per node (token, connections), then the budget's burst is spent before measuring
            for (int i = 0; i < nodes; i++) {
                templates.get(i).requestBody("direct:upsert", leads("warmup" + i, 1));
            }
            Thread.sleep(window.toMillis());

            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            List<AtomicLong> synced = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(nodes * producers);
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < nodes; i++) {
                AtomicLong node = new AtomicLong();
                synced.add(node);
                ProducerTemplate template = templates.get(i);
                for (int p = 0; p < producers; p++) {
                    String prefix = "n" + nodes + "." + i + "." + p;
                    futures.add(pool.submit(() -> {
                        long call = 0;
                        while (System.nanoTime() < deadline) {
                            @SuppressWarnings("unchecked")
                            List<SyncResult> results = template.requestBody("direct:upsert",
                                    leads(prefix + "." + call++, records), List.class);
                            node.addAndGet(results.stream().filter(SyncResult::isSuccess).count());
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> future : futures) {
                future.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            List<Double> perNode = synced.stream().map(n -> n.get() / elapsed).toList();
            double combined = perNode.stream().mapToDouble(Double::doubleValue).sum();
            return new Result(combined, perNode, ceiling, emulator.counters().responses(Api.REST, "606"),
                    emulator.counters().responses(Api.REST, "615"));
        } finally {
            for (CamelContext context : contexts) {
                context.stop();
            }
            members.forEach(HazelcastInstance::shutdown);
            emulator.stop();
        }
    }

    private static List<Lead> leads(String prefix, int count) {
        List<Lead> leads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leads.add(Lead.withEmail(prefix + "." + i + "@example.com"));
        }
        return leads;
    }

    private record Result(double combined, List<Double> perNode, double ceilingRecordsPerSecond, long r606, long r615) {
    }
}

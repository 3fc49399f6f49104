package io.github.camelmarketo.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.hazelcast.core.HazelcastInstance;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.support.CallLimiter;
import io.github.camelmarketo.component.support.RateLimiter;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three CamelContexts, each with its own Hazelcast member (TCP on 127.0.0.1), run producers at the same time against
 * one emulator whose vendor limits are scaled to 20 calls per second and 10 in flight. With the shared
 * {@link HazelcastCallBudget} selected by the component's {@code rateLimiter} option the emulator answers no 606 and no
 * 615; with a local limiter per node (each allowed the whole vendor limit, which is what a per-JVM limiter does) the
 * emulator refuses calls.
 */
class ClusterBudgetTest {

    private static final int NODES = 3;
    private static final int PRODUCERS_PER_NODE = 6;
    private static final int CALLS_PER_PRODUCER = 3;
    private static final int LEADS_PER_CALL = 10;
    private static final int CALLS_PER_WINDOW = 20;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final int MAX_CONCURRENT = 10;
    private static final String SYNC = "POST /rest/v1/leads.json";

    private MarketoEmulator emulator;
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void startEmulator() {
        emulator = MarketoEmulator.builder().leads(10).build().start();
        emulator.limits().setPolicy(Api.REST,
                LimitPolicy.marketoRest().withCallsPerWindow(CALLS_PER_WINDOW, WINDOW).withMaxConcurrent(MAX_CONCURRENT));
        // some latency so that calls overlap and the concurrency cap matters
        emulator.faults().inject(Api.REST, SYNC, new Fault.Latency(Duration.ofMillis(40)), 100_000);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (CamelContext context : contexts) {
            context.stop();
        }
        members.forEach(HazelcastInstance::shutdown);
        emulator.stop();
    }

    @Test
    void threeNodesOnTheSharedBudgetGetNo606AndNo615() throws Exception {
        HazelcastNodes nodes = new HazelcastNodes(NODES);
        List<HazelcastCallBudget> budgets = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            HazelcastInstance member = nodes.start(i);
            members.add(member);
            budgets.add(HazelcastCallBudget.builder(member, emulator.getMunchkinId())
                    .callsPerWindow(CALLS_PER_WINDOW).window(WINDOW).maxConcurrentCalls(MAX_CONCURRENT)
                    .latencyMargin(Duration.ofMillis(500)).build());
        }
        assertThat(members.get(0).getCluster().getMembers()).hasSize(NODES);

        Run run = run(i -> budgets.get(i));
        for (int i = 0; i < NODES; i++) {
            assertThat(contexts.get(i).getComponent("marketo", MarketoComponent.class).getConfiguration().getRateLimiter())
                    .isSameAs(budgets.get(i));
        }

        long r606 = emulator.counters().responses(Api.REST, "606");
        long r615 = emulator.counters().responses(Api.REST, "615");
        long syncCalls = emulator.counters().calls(Api.REST, SYNC);
        double rate = syncCalls / run.seconds();
        System.out.printf("three nodes, shared budget: %d sync calls in %.1f s = %.1f calls/s (budget %d/%s, steady %.1f/s); "
                          + "emulator 606=%d 615=%d; node calls=%s%n",
                syncCalls, run.seconds(), rate, CALLS_PER_WINDOW, WINDOW, budgets.get(0).getSteadyRate(), r606, r615,
                budgets.stream().map(b -> b.stats().calls()).toList());

        int expectedCalls = NODES * PRODUCERS_PER_NODE * CALLS_PER_PRODUCER;
        assertThat(r606).as("606 responses").isZero();
        assertThat(r615).as("615 responses").isZero();
        assertThat(run.synced()).isEqualTo(expectedCalls * LEADS_PER_CALL);
        assertThat(syncCalls).isEqualTo(expectedCalls);
        assertThat(budgets.stream().mapToLong(b -> b.stats().calls()).sum()).isGreaterThanOrEqualTo(expectedCalls);
        assertThat(budgets.stream().mapToLong(HazelcastCallBudget::getLocalShareCalls).sum()).isZero();
        assertThat(budgets.stream().mapToLong(b -> b.stats().throttledWaits()).sum()).isPositive();
        assertThat(budgets.get(0).getClusterInFlight()).isZero();
        budgets.forEach(HazelcastCallBudget::close);
    }

    @Test
    void threeNodesWithLocalLimitersGet606() throws Exception {
        // the control: each node's limiter allows the whole vendor limit, so together they allow three times as much
        List<CallLimiter> limiters = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            limiters.add(new CallLimiter(CALLS_PER_WINDOW, WINDOW, MAX_CONCURRENT));
        }

        Run run = run(i -> limiters.get(i));

        long r606 = emulator.counters().responses(Api.REST, "606");
        long r615 = emulator.counters().responses(Api.REST, "615");
        long syncCalls = emulator.counters().calls(Api.REST, SYNC);
        System.out.printf("three nodes, local limiters (control): %d sync calls answered in %.1f s; emulator 606=%d 615=%d; "
                          + "leads synced=%d of %d%n",
                syncCalls, run.seconds(), r606, r615, run.synced(),
                NODES * PRODUCERS_PER_NODE * CALLS_PER_PRODUCER * LEADS_PER_CALL);
        assertThat(r606 + r615).as("606 + 615 responses without the shared budget").isPositive();
    }

    private Run run(Function<Integer, RateLimiter> limiterOfNode) throws Exception {
        List<ProducerTemplate> templates = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            CamelContext context = new DefaultCamelContext();
            MarketoComponent component = EmulatorNodes.component(emulator, MarketoApi.rest);
            // as camel.component.marketo.rate-limiter=#marketoClusterBudget does in Camel Main: a bean reference bound
            // through the component's configurer
            context.getRegistry().bind("marketoClusterBudget", limiterOfNode.apply(i));
            PropertyBindingSupport.build().withCamelContext(context).withTarget(component)
                    .withProperty("rateLimiter", "#marketoClusterBudget").withMandatory(true).bind();
            component.getConfiguration().setMaxRetries(5);
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

        ExecutorService pool = Executors.newFixedThreadPool(NODES * PRODUCERS_PER_NODE);
        List<Future<Integer>> futures = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int node = 0; node < NODES; node++) {
                for (int p = 0; p < PRODUCERS_PER_NODE; p++) {
                    ProducerTemplate template = templates.get(node);
                    String prefix = "n" + node + ".p" + p;
                    futures.add(pool.submit(() -> produce(template, prefix)));
                }
            }
            int synced = 0;
            for (Future<Integer> future : futures) {
                synced += future.get();
            }
            return new Run(synced, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int produce(ProducerTemplate template, String prefix) {
        int synced = 0;
        for (int call = 0; call < CALLS_PER_PRODUCER; call++) {
            List<Lead> leads = new ArrayList<>();
            for (int i = 0; i < LEADS_PER_CALL; i++) {
                leads.add(Lead.withEmail(prefix + ".c" + call + ".l" + i + "@example.com"));
            }
            try {
                @SuppressWarnings("unchecked")
                List<SyncResult> results = template.requestBody("direct:upsert", leads, List.class);
                synced += (int) results.stream().filter(SyncResult::isSuccess).count();
            } catch (RuntimeException e) {
                // counted as not synced (the control run may exhaust its retries)
            }
        }
        return synced;
    }

    private record Run(int synced, double seconds) {
    }
}

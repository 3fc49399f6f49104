package io.github.camelmarketo.component.marketo.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20 concurrent producers against the emulator with the vendor's limits scaled down (20 calls per second, 10 in
 * flight) and the component's limiter set to the same numbers: every record is synced and the emulator answers no
 * 606 and no 615, because callers wait on the shared client-side limiter instead of being refused.
 */
class RestConcurrencyTest extends RestTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(10));

    private static final int PRODUCERS = 20;
    private static final int CALLS_PER_PRODUCER = 3;
    private static final int LEADS_PER_CALL = 25;
    private static final int CALLS_PER_WINDOW = 20;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final int MAX_CONCURRENT = 10;

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setRateLimitCalls(CALLS_PER_WINDOW);
        configuration.setRateLimitWindow(WINDOW.toMillis());
        configuration.setMaxConcurrentCalls(MAX_CONCURRENT);
        // any 606/615 would be retried and hidden from the results: the emulator's counters are the proof
        configuration.setMaxRetries(5);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // two endpoints with different options share the instance's limiter
                from("direct:upsert").to("marketo:syncLeads?lookupField=email");
                from("direct:create").to("marketo:syncLeads?action=createOnly");
            }
        };
    }

    @Test
    void twentyConcurrentProducersStayWithinTheVendorLimits() throws Exception {
        emulator().limits().setPolicy(Api.REST,
                LimitPolicy.marketoRest().withCallsPerWindow(CALLS_PER_WINDOW, WINDOW).withMaxConcurrent(MAX_CONCURRENT));
        // some latency so that calls overlap and the concurrency limit matters
        emulator().faults().inject(Api.REST, "POST /rest/v1/leads.json", new Fault.Latency(Duration.ofMillis(40)), 1000);

        ExecutorService pool = Executors.newFixedThreadPool(PRODUCERS);
        List<Future<Integer>> futures = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                futures.add(pool.submit(() -> {
                    int synced = 0;
                    for (int call = 0; call < CALLS_PER_PRODUCER; call++) {
                        List<Lead> leads = new ArrayList<>();
                        for (int i = 0; i < LEADS_PER_CALL; i++) {
                            leads.add(Lead.withEmail("p" + producer + ".c" + call + ".l" + i + "@example.com"));
                        }
                        String uri = producer % 2 == 0 ? "direct:upsert" : "direct:create";
                        @SuppressWarnings("unchecked")
                        List<SyncResult> results = template.requestBody(uri, leads, List.class);
                        synced += (int) results.stream().filter(SyncResult::isSuccess).count();
                    }
                    return synced;
                }));
            }
            int synced = 0;
            for (Future<Integer> future : futures) {
                synced += future.get();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long r606 = emulator().counters().responses(Api.REST, "606");
            long r615 = emulator().counters().responses(Api.REST, "615");
            MarketoCallStats stats = stats();
            System.out.printf("REST concurrency: %d producers x %d calls x %d leads in %d ms; emulator 606=%d 615=%d; %s%n",
                    PRODUCERS, CALLS_PER_PRODUCER, LEADS_PER_CALL, millis, r606, r615, stats);

            assertThat(synced).isEqualTo(PRODUCERS * CALLS_PER_PRODUCER * LEADS_PER_CALL);
            assertThat(emulator().store().size()).isEqualTo(10 + PRODUCERS * CALLS_PER_PRODUCER * LEADS_PER_CALL);
            assertThat(r606).as("606 responses").isZero();
            assertThat(r615).as("615 responses").isZero();
            assertThat(stats.getRetries()).isZero();
            assertThat(stats.getCalls()).isEqualTo(PRODUCERS * CALLS_PER_PRODUCER);
            assertThat(stats.getThrottledWaits()).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }
}

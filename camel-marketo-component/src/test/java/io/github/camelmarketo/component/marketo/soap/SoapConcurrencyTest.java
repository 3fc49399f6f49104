package io.github.camelmarketo.component.marketo.soap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8 threads share the routes' producers (one CXF proxy per endpoint): every request is signed on its own and carries
 * its own headers, so the emulator sees no bad signature (20014), no expired request (20016) and no mixed-up workspace.
 */
class SoapConcurrencyTest extends MarketoTestSupport {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 30;

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(200)
            .soapLimits(LimitPolicy.marketoSoap().withCallsPerWindow(100, Duration.ofSeconds(1))));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    /** The vendor's 100 calls per window with the window scaled from 20 s to 1 s, on both sides. */
    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setRateLimitWindow(1000);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("marketo:getLead");
                from("direct:many").to("marketo:getMultipleLeads?batchSize=5");
                from("direct:sync").to("marketo:syncLead");
                from("direct:syncEmea").to("marketo:syncLead?targetWorkspace=EMEA");
            }
        };
    }

    @Test
    void concurrentExchangesOnSharedProducers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<Integer>) () -> {
                    int done = 0;
                    for (int i = 0; i < PER_THREAD; i++) {
                        String email = "lead" + (1 + (thread * PER_THREAD + i) % 200) + "@example.com";
                        switch (i % 4) {
                            case 0 -> assertThat(template.requestBody("direct:get", email, List.class)).hasSize(1);
                            case 1 -> assertThat(template.requestBody("direct:many", List.of(email), List.class)).hasSize(1);
                            case 2 -> assertThat(template.requestBody("direct:sync",
                                    Lead.withEmail("t" + thread + "-" + i + "@example.com"), SyncResult.class).isSuccess())
                                    .isTrue();
                            default -> assertThat(template.requestBody("direct:syncEmea",
                                    Lead.withEmail("e" + thread + "-" + i + "@example.com"), SyncResult.class).isSuccess())
                                    .isTrue();
                        }
                        done++;
                    }
                    return done;
                }));
            }
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(THREADS * PER_THREAD);
        } finally {
            pool.shutdownNow();
        }
        assertThat(emulator.get().counters().responses(Api.SOAP, "20014")).isZero();
        assertThat(emulator.get().counters().responses(Api.SOAP, "20016")).isZero();
        assertThat(emulator.get().counters().responses(Api.SOAP, "20023")).as("client limiter keeps within the window").isZero();
        assertThat(emulator.get().counters().responses(Api.SOAP, "20024")).isZero();
        assertThat(emulator.get().counters().calls(Api.SOAP)).isEqualTo(THREADS * PER_THREAD);
        assertThat(emulator.get().counters().responses(Api.SOAP, "200")).isEqualTo(THREADS * PER_THREAD);
        for (int t = 0; t < THREADS; t++) {
            for (int i = 3; i < PER_THREAD; i += 4) {
                assertThat(emulator.get().store().findByEmail("e" + t + "-" + i + "@example.com")).singleElement()
                        .satisfies(l -> assertThat(l.getPartition()).isEqualTo("EMEA"));
            }
            for (int i = 2; i < PER_THREAD; i += 4) {
                assertThat(emulator.get().store().findByEmail("t" + t + "-" + i + "@example.com")).singleElement()
                        .satisfies(l -> assertThat(l.getPartition()).isEqualTo("Default"));
            }
        }
    }
}

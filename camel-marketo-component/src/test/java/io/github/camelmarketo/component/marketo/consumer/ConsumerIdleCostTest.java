package io.github.camelmarketo.component.marketo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoConsumer;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an idle pass costs once a REST lastUpdateAt consumer has caught up: one Bulk Extract job (create, enqueue,
 * status until completed, file), counted from the emulator per pass. With the default passInterval (60 s) the daily
 * cost is this times 1,440. (SOAP: {@link ConsumerBudgetTest}; leadChanges: {@code LeadChangesConsumerTest}.)
 */
class ConsumerIdleCostTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator
            = MarketoEmulatorExtension.create(b -> b.leads(100).restLimits(LimitPolicy.unlimited()));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected MarketoApi api() {
        return MarketoApi.rest;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setRateLimitCalls(0);
        configuration.setMaxConcurrentCalls(0);
    }

    @Test
    void anIdleRestLastUpdateAtPassIsOneExportJob() throws Exception {
        emulator.get().rest().exportTiming(Duration.ZERO, Duration.ZERO);
        LeadCollector collector = new LeadCollector();
        String since = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&passInterval=1s&oldestUpdatedAt=" + since)
                        .routeId("idle-rest").process(collector);
            }
        });
        MarketoConsumer consumer = (MarketoConsumer) context.getRoute("idle-rest").getConsumer();
        // caught up once the first pass has ended (its cursor is a new pass with a later watermark)
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getCommittedCursor().position() == null
                && !consumer.getCommittedCursor().watermark().equals(Instant.parse(since)));
        // measure from one pass end to the third pass end after it: whole passes only (the pass end commits the
        // cursor after the file was read, and the next pass waits passInterval)
        awaitNextPassEnd(consumer);
        long calls = emulator.get().counters().calls(Api.REST);
        long jobs = emulator.get().counters().calls(Api.REST, "POST /bulk/v1/leads/export/create.json");
        for (int pass = 0; pass < 3; pass++) {
            awaitNextPassEnd(consumer);
        }
        long idleCalls = emulator.get().counters().calls(Api.REST) - calls;
        long idleJobs = emulator.get().counters().calls(Api.REST, "POST /bulk/v1/leads/export/create.json") - jobs;
        System.out.printf("idle REST lastUpdateAt: %d calls, %d export jobs in 3 passes (%.1f calls per pass)%n",
                idleCalls, idleJobs, idleCalls / 3.0);

        assertThat(idleJobs).as("one export job per idle pass").isEqualTo(3);
        // create, enqueue, status, file; a job still running at the first status costs one more status call
        assertThat(idleCalls).isBetween(4 * idleJobs, 5 * idleJobs);
    }

    private static void awaitNextPassEnd(MarketoConsumer consumer) {
        Instant watermark = consumer.getCommittedCursor().watermark();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> consumer.getCommittedCursor().position() == null
                        && !consumer.getCommittedCursor().watermark().equals(watermark));
    }
}

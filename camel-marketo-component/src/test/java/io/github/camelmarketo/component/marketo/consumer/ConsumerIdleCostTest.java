package io.github.camelmarketo.component.marketo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoConsumer;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.SyncResult;
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
 * What an idle pass costs once a REST lastUpdateAt consumer has caught up, counted from the emulator. After a pass
 * that found nothing, a pass first asks the activity feed (paging token, activities.json: 2 calls) and skips the
 * Bulk Extract job when no lead changed, keeping its watermark; with {@code probeActivities=false} every idle pass is
 * one export job (create, enqueue, status, file). With the default passInterval (60 s) the daily cost is the calls
 * per pass times 1,440. (SOAP: {@link ConsumerBudgetTest}; leadChanges: {@code LeadChangesConsumerTest}.)
 */
class ConsumerIdleCostTest extends MarketoTestSupport {

    private static final String CREATE_JOB = "POST /bulk/v1/leads/export/create.json";
    private static final String PROBE = "GET /rest/v1/activities.json";

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
    void anIdlePassAsksTheActivityFeedInsteadOfRunningAnExportJob() throws Exception {
        emulator.get().rest().exportTiming(Duration.ZERO, Duration.ZERO);
        LeadCollector collector = new LeadCollector();
        MarketoConsumer consumer = start("idle-rest", "", collector);
        awaitCaughtUp(consumer);
        // the first probe follows the first idle pass; measure whole probes from there
        long probes = awaitNextProbe(emulator.get().counters().calls(Api.REST, PROBE));
        long calls = emulator.get().counters().calls(Api.REST);
        long jobs = emulator.get().counters().calls(Api.REST, CREATE_JOB);
        Instant watermark = consumer.getCommittedCursor().watermark();
        for (int pass = 0; pass < 3; pass++) {
            probes = awaitNextProbe(probes);
        }
        long idleCalls = emulator.get().counters().calls(Api.REST) - calls;
        long idleJobs = emulator.get().counters().calls(Api.REST, CREATE_JOB) - jobs;
        System.out.printf("idle REST lastUpdateAt: %d calls, %d export jobs in 3 passes (%.1f calls per pass, %d a day)%n",
                idleCalls, idleJobs, idleCalls / 3.0, idleCalls / 3 * 1440);

        assertThat(idleJobs).as("no export job while nothing changes").isZero();
        assertThat(idleCalls).as("paging token + activities.json per pass").isEqualTo(6);
        assertThat(consumer.getCommittedCursor().watermark()).as("a skipped pass keeps its watermark").isEqualTo(watermark);

        // a change ends the skipping: the next probe sees its activity, the export delivers the lead
        SyncResult synced = template.requestBody("marketo:syncLead",
                Lead.withEmail("probe-change@example.com").set("FirstName", "Probe"), SyncResult.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> collector.count(synced.leadId()) > 0);
        assertThat(emulator.get().counters().calls(Api.REST, CREATE_JOB) - jobs).isEqualTo(1);
    }

    @Test
    void withoutTheProbeAnIdlePassIsOneExportJob() throws Exception {
        emulator.get().rest().exportTiming(Duration.ZERO, Duration.ZERO);
        MarketoConsumer consumer = start("idle-rest-noprobe", "&probeActivities=false", new LeadCollector());
        awaitCaughtUp(consumer);
        // measure from one pass end to the third pass end after it: whole passes only (the pass end commits the
        // cursor after the file was read, and the next pass waits passInterval)
        awaitNextPassEnd(consumer);
        long calls = emulator.get().counters().calls(Api.REST);
        long jobs = emulator.get().counters().calls(Api.REST, CREATE_JOB);
        for (int pass = 0; pass < 3; pass++) {
            awaitNextPassEnd(consumer);
        }
        long idleCalls = emulator.get().counters().calls(Api.REST) - calls;
        long idleJobs = emulator.get().counters().calls(Api.REST, CREATE_JOB) - jobs;
        System.out.printf("idle REST lastUpdateAt, probeActivities=false: %d calls, %d export jobs in 3 passes (%.1f calls per pass)%n",
                idleCalls, idleJobs, idleCalls / 3.0);

        assertThat(idleJobs).as("one export job per idle pass").isEqualTo(3);
        assertThat(emulator.get().counters().calls(Api.REST, PROBE)).isZero();
        // create, enqueue, status, file; a job still running at the first status costs one more status call
        assertThat(idleCalls).isBetween(4 * idleJobs, 5 * idleJobs);
    }

    private MarketoConsumer start(String routeId, String options, LeadCollector collector) throws Exception {
        String since = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&passInterval=1s&oldestUpdatedAt=" + since + options)
                        .routeId(routeId).process(collector);
            }
        });
        return (MarketoConsumer) context.getRoute(routeId).getConsumer();
    }

    /** Caught up once the first pass has ended (its cursor is a new pass with a later watermark). */
    private static void awaitCaughtUp(MarketoConsumer consumer) {
        Instant start = consumer.getCommittedCursor().watermark();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getCommittedCursor().position() == null
                && !consumer.getCommittedCursor().watermark().equals(start));
    }

    /** Waits for the activities.json call after the {@code seen}-th; returns the new count. */
    private static long awaitNextProbe(long seen) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> emulator.get().counters().calls(Api.REST, PROBE) > seen);
        return emulator.get().counters().calls(Api.REST, PROBE);
    }

    private static void awaitNextPassEnd(MarketoConsumer consumer) {
        Instant watermark = consumer.getCommittedCursor().watermark();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> consumer.getCommittedCursor().position() == null
                        && !consumer.getCommittedCursor().watermark().equals(watermark));
    }
}

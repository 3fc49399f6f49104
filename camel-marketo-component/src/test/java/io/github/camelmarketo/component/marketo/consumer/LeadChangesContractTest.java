package io.github.camelmarketo.component.marketo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.contract.ContractReport;
import io.github.camelmarketo.emulator.contract.OpenApiContract;
import io.github.camelmarketo.emulator.contract.RecordedExchange;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The wire of a leadChanges run (and of a lastUpdateAt run that falls back to it on 1035): every REST request the
 * component sent and every answer of the emulator, recorded on the emulator's side, validated against Adobe's OpenAPI
 * document {@code swagger-mapi.json} with {@link OpenApiContract}.
 */
class LeadChangesContractTest extends MarketoTestSupport {

    private static final int LEADS = 250;
    private static final String SINCE = Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(
            b -> b.leads(LEADS).restLimits(LimitPolicy.unlimited()).recordRestCalls(true));

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
        configuration.setExtractPollInterval(20);
    }

    /** Calls per "METHOD path" in the recording. */
    private static Map<String, Integer> byOperation(List<RecordedExchange> exchanges) {
        Map<String, Integer> counts = new TreeMap<>();
        exchanges.forEach(e -> counts.merge(e.method() + " " + e.path(), 1, Integer::sum));
        return counts;
    }

    @Test
    void leadChangesRunMatchesTheOpenApiDocument() throws Exception {
        ChangeCollector collector = new ChangeCollector();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=leadChanges&oldestUpdatedAt=" + SINCE
                     + "&batchSize=100&fields=email,firstName,lastName&delay=20&greedy=true&passInterval=100ms").routeId("changes")
                        .process(collector);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> collector.changedIds().size() == LEADS);
        LeadStore store = emulator.get().store();
        long created = store.create(l -> l.setEmail("contract@example.com")).getId();
        store.update(LeadStore.FIRST_ID + 1, l -> l.getAttributes().put("FirstName", ""));  // cleared: no newValue
        store.update(LeadStore.FIRST_ID + 2, l -> l.getAttributes().put("LastName", "Contract"));
        store.delete(LeadStore.FIRST_ID + 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> collector.changeCount(created) == 1
                && collector.changeCount(LeadStore.FIRST_ID + 1) == 2 && collector.changeCount(LeadStore.FIRST_ID + 2) == 2
                && collector.deletionCount(LeadStore.FIRST_ID + 3) == 1);
        context.getRouteController().stopRoute("changes");

        List<RecordedExchange> recorded = emulator.get().recorder().exchanges();
        ContractReport report = OpenApiContract.load().check(recorded);
        Map<String, Integer> calls = byOperation(recorded);
        System.out.println("leadChanges wire: " + report + "; calls " + calls);
        assertThat(report.violations()).isEmpty();
        assertThat(report.requestsChecked()).isEqualTo(recorded.size());
        assertThat(report.responsesValidated()).isEqualTo(recorded.size());
        assertThat(calls).containsOnlyKeys("GET /rest/v1/activities/pagingtoken.json",
                "GET /rest/v1/activities/leadchanges.json", "GET /rest/v1/activities/deletedleads.json",
                "GET /rest/v1/leads.json");
        assertThat(calls.get("GET /rest/v1/activities/pagingtoken.json")).isEqualTo(1);
        assertThat(calls.get("GET /rest/v1/activities/leadchanges.json")).isGreaterThanOrEqualTo(LEADS / 100 + 1);
        // one lead fetch per page with changes: 3 catch-up pages, then the changes (one or more pages)
        assertThat(calls.get("GET /rest/v1/leads.json")).isBetween(4, 3 + 3);
        assertThat(recorded).filteredOn(e -> e.path().endsWith("/leads.json"))
                .allMatch(e -> e.params().get("filterType").equals(List.of("id")));
        assertThat(recorded).filteredOn(e -> e.path().endsWith("/leadchanges.json"))
                .allMatch(e -> e.params().get("fields").equals(List.of("email,firstName,lastName"))
                               && e.params().get("batchSize").equals(List.of("100")));
    }

    @Test
    void extractFallbackRunMatchesTheOpenApiDocument() throws Exception {
        emulator.get().rest().exportUpdatedAtFilter(false);
        ChangeCollector collector = new ChangeCollector();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=" + SINCE
                     + "&extractFallback=leadChanges&batchSize=300&delay=20&greedy=true&passInterval=100ms").routeId("fallback")
                        .process(collector);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> collector.changedIds().size() == LEADS);
        context.getRouteController().stopRoute("fallback");

        List<RecordedExchange> recorded = emulator.get().recorder().exchanges();
        ContractReport report = OpenApiContract.load().check(recorded);
        Map<String, Integer> calls = byOperation(recorded);
        System.out.println("extractFallback wire: " + report + "; calls " + calls);
        assertThat(report.violations()).isEmpty();
        assertThat(report.responsesValidated()).isEqualTo(recorded.size());
        assertThat(calls.get("POST /bulk/v1/leads/export/create.json")).isEqualTo(1);
        assertThat(recorded.get(0).responseText()).contains("1035");
        assertThat(recorded).filteredOn(e -> e.path().endsWith("/leadchanges.json"))
                .allMatch(e -> e.params().get("fields").equals(List.of("email,firstName,lastName,company,title,phone")));
    }
}

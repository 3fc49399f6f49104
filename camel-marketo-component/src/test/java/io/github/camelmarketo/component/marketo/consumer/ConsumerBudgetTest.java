package io.github.camelmarketo.component.marketo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.MarketoQuotaExceededException;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer on a real budget (SOAP lastUpdateAt, one call per page): a caught-up consumer with default options
 * makes no call until passInterval has passed, a route that fails every exchange is retried after a growing delay even
 * with greedy=true, and a spent daily quota (the vendor's or maxDailyCalls) stops every call.
 */
class ConsumerBudgetTest extends MarketoTestSupport {

    private static final int LEADS = 150;

    @RegisterExtension
    static MarketoEmulatorExtension emulator
            = MarketoEmulatorExtension.create(b -> b.leads(LEADS).soapLimits(LimitPolicy.unlimited()));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected MarketoApi api() {
        return MarketoApi.soap;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setRetryInitialDelay(10);
        configuration.setRetryMaxDelay(20);
    }

    private static String since() {
        return Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private long soapCalls() {
        return emulator.get().counters().calls(Api.SOAP);
    }

    @Test
    void aCaughtUpConsumerWithDefaultOptionsMakesNoCallBeforePassInterval() throws Exception {
        LeadCollector collector = new LeadCollector();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // default delay (500 ms), default passInterval (60 s)
                from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&batchSize=100&oldestUpdatedAt=" + since())
                        .routeId("idle").process(collector);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> collector.distinct() == LEADS);
        long afterFirstPass = soapCalls();
        Thread.sleep(12_000);

        assertThat(afterFirstPass).as("the first pass").isPositive();
        assertThat(soapCalls() - afterFirstPass).as("calls of a caught-up consumer in 12 s (delay 500 ms)").isZero();
        assertThat(collector.duplicates()).isZero();
    }

    @Test
    void aRouteFailingEveryExchangeIsRetriedAfterAGrowingDelayEvenWhenGreedy() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&batchSize=100&greedy=true&delay=200"
                     + "&oldestUpdatedAt=" + since())
                        .routeId("failing")
                        .process(exchange -> {
                            throw new IllegalStateException("downstream is down");
                        });
            }
        });
        Thread.sleep(6_000);
        context.getRouteController().stopRoute("failing");
        System.out.printf("route failing every exchange, greedy=true, delay=200: %d page fetches in 6 s%n", soapCalls());

        // retries at +200, +400, +800, +1600, +3200 ms after the first failed page: at most 6 fetches in 6 s
        // (without the delay, greedy polling re-fetches the page hundreds of times)
        assertThat(soapCalls()).as("page fetches of a route failing every exchange in 6 s").isBetween(2L, 6L);
    }

    @Test
    void aSpentVendorQuotaPausesTheConsumerUntilTheReset() throws Exception {
        emulator.get().limits().setPolicy(Api.SOAP, LimitPolicy.unlimited().withDailyQuota(1));
        LeadCollector collector = new LeadCollector();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&batchSize=100&greedy=true&delay=50"
                     + "&oldestUpdatedAt=" + since())
                        .routeId("quota").process(collector);
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> emulator.get().counters().responses(Api.SOAP, "20015") == 1);
        long atQuota = soapCalls();
        Thread.sleep(3_000);

        assertThat(collector.distinct()).as("the first page, within the quota").isPositive();
        assertThat(soapCalls() - atQuota).as("calls in the 3 s after 20015 at delay=50").isZero();
    }

    @Test
    void maxDailyCallsStopsProducersBeforeSendingAndCountsCallsToday() throws Exception {
        marketo().getConfiguration().setMaxDailyCalls(3);
        for (int i = 0; i < 3; i++) {
            Exchange ok = template.request("marketo:getLead", e -> e.getIn().setBody("lead1@example.com"));
            assertThat(ok.getException()).isNull();
        }
        Exchange refused = template.request("marketo:getLead", e -> e.getIn().setBody("lead1@example.com"));

        assertThat(refused.getException()).isInstanceOf(MarketoQuotaExceededException.class)
                .hasMessageContaining("maxDailyCalls");
        assertThat(soapCalls()).as("calls that reached Marketo").isEqualTo(3);
        assertThat(marketo().getCallStats().values().iterator().next().getFailures()).isEqualTo(1);
        assertThat(marketo().getCallStats().values().iterator().next().getCallsToday()).as("calls used today").isEqualTo(3);
    }

    @Test
    void twoRoutesWithTheSameOptionsAndTheirOwnIdsKeepSeparateCursors() throws Exception {
        MemoryStateRepository cursors = new MemoryStateRepository();
        context.getRegistry().bind("cursors", cursors);
        LeadCollector first = new LeadCollector();
        LeadCollector second = new LeadCollector();
        String since = since();
        // the same selector options (a CamelContext allows one consumer per endpoint URI, so the delays differ)
        String uri = "marketo:getMultipleLeads?leadSelector=lastUpdateAt&batchSize=100&stateRepository=#cursors"
                     + "&oldestUpdatedAt=" + since + "&delay=";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "20").routeId("crm-sync").process(first);
                from(uri + "30").routeId("warehouse-sync").process(second);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> first.distinct() == LEADS && second.distinct() == LEADS);

        assertThat(first.duplicates()).isZero();
        assertThat(second.duplicates()).isZero();
        assertThat(cursors.getState(stateKey("crm-sync", since))).as("cursor of crm-sync").isNotNull();
        assertThat(cursors.getState(stateKey("warehouse-sync", since))).as("cursor of warehouse-sync").isNotNull();
    }

    private static String stateKey(String routeId, String since) {
        return CursorStore.key("marketo", routeId, "getMultipleLeads", URISupport.sanitizeUri(emulator.get().getSoapEndpoint()),
                "lastUpdateAt:" + Instant.parse(since));
    }
}

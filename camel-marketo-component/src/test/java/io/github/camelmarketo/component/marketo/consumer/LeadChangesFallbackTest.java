package io.github.camelmarketo.component.marketo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscription whose Bulk Lead Extract refuses the updatedAt filter (1035): leadSelector=lastUpdateAt over REST
 * fails with a message naming leadSelector=leadChanges, and extractFallback=leadChanges switches to the feed once.
 */
class LeadChangesFallbackTest extends MarketoTestSupport {

    private static final int LEADS = 400;
    private static final String SINCE = Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    private static final String CREATE = "POST /bulk/v1/leads/export/create.json";
    private static final String TOKEN = "GET /rest/v1/activities/pagingtoken.json";

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(
            b -> b.leads(LEADS).restLimits(LimitPolicy.unlimited()).exportUpdatedAtFilter(false));

    private final Errors errors = new Errors();

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

    private static String lastUpdateAt(String options) {
        return "marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=" + SINCE
               + "&batchSize=100&delay=20&greedy=true&passInterval=100ms&exceptionHandler=#errors" + options;
    }

    private long calls(String operation) {
        return emulator.get().counters().calls(Api.REST, operation);
    }

    @Test
    void refusedUpdatedAtFilterNamesLeadChanges() throws Exception {
        context.getRegistry().bind("errors", errors);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(lastUpdateAt("")).routeId("extract").to("mock:leads");
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> errors.list.size() >= 2);
        context.getRouteController().stopRoute("extract");

        Throwable error = errors.list.get(0);
        assertThat(error).isInstanceOf(MarketoException.class);
        assertThat(((MarketoException) error).getCode()).isEqualTo("1035");
        assertThat(error.getMessage()).contains("leadSelector=leadChanges").contains("extractFallback=leadChanges")
                .contains("updatedAt");
        assertThat(getMockEndpoint("mock:leads").getReceivedCounter()).isZero();
        assertThat(calls(CREATE)).isEqualTo(errors.list.size());
        assertThat(calls(TOKEN)).isZero();
    }

    @Test
    void extractFallbackSwitchesToTheFeedOnceAndStaysThere() throws Exception {
        context.getRegistry().bind("errors", errors);
        context.getRegistry().bind("cursors", new MemoryStateRepository());
        ChangeCollector collector = new ChangeCollector();
        List<String> selectors = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(lastUpdateAt("&extractFallback=leadChanges&stateRepository=#cursors")).routeId("fallback")
                        .process(e -> selectors.add(e.getMessage().getHeader(MarketoConstants.SELECTOR, String.class)))
                        .process(collector);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> collector.changedIds().size() == LEADS);
        assertThat(collector.changeDeliveries()).isEqualTo(LEADS);
        assertThat(calls(CREATE)).as("one refused export job, then never again").isEqualTo(1);
        assertThat(calls(TOKEN)).isEqualTo(1);
        assertThat(errors.list).as("the switch is no poll failure").isEmpty();
        assertThat(selectors).containsOnly("leadChanges");

        // a restart of the route continues on the feed from its stored tokens: no new job, no new paging token
        context.getRouteController().stopRoute("fallback");
        int renamed = LeadStore.FIRST_ID + 3;
        emulator.get().store().update(renamed, l -> l.getAttributes().put("FirstName", "Fallback"));
        context.getRouteController().startRoute("fallback");
        await().atMost(Duration.ofSeconds(30)).until(() -> collector.changeCount(renamed) == 2);

        assertThat(collector.lead(renamed).get("firstName")).isEqualTo("Fallback");
        assertThat(collector.changeDeliveries()).isEqualTo(LEADS + 1);
        assertThat(calls(CREATE)).isEqualTo(1);
        assertThat(calls(TOKEN)).isEqualTo(1);
        assertThat(errors.list).isEmpty();
    }

    /** Collects the consumer's poll failures. */
    static final class Errors implements ExceptionHandler {
        final List<Throwable> list = new CopyOnWriteArrayList<>();

        @Override
        public void handleException(Throwable exception) {
            list.add(exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            list.add(exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            list.add(exception);
        }
    }
}

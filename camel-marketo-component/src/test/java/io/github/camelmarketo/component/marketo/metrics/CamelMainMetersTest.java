package io.github.camelmarketo.component.marketo.metrics;

import java.time.Duration;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Camel Main application with camel-micrometer's registry ({@code metricsRegistry}) gets the component's meters
 * without any Marketo-specific code: they appear with the first call to an instance and follow its call stats.
 */
class CamelMainMetersTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(10));

    @Test
    void metersFollowTheCallStatsInCamelMain() throws Exception {
        MarketoEmulator instance = emulator.get();
        MeterRegistry registry = new SimpleMeterRegistry();
        Main main = new Main();
        main.bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        main.addInitialProperty("camel.component.marketo.api", "rest");
        main.addInitialProperty("camel.component.marketo.rest-endpoint", instance.getRestEndpoint());
        main.addInitialProperty("camel.component.marketo.identity-endpoint", instance.getIdentityEndpoint());
        main.addInitialProperty("camel.component.marketo.client-id", instance.getClientId());
        main.addInitialProperty("camel.component.marketo.client-secret", instance.getClientSecret());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:leads?repeatCount=3&delay=10").setBody(simple("lead${exchangeProperty.CamelTimerCounter}@example.com"))
                        .to("marketo:getLead");
            }
        });
        main.start();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> instance.counters().calls(Api.REST, "GET /rest/v1/leads.json") == 3);
            MarketoCallStats stats = main.getCamelContext().getRegistry().findSingleByType(MarketoCallStats.class);
            FunctionCounter calls = registry.find("marketo.calls").tag("instance", stats.getInstance()).functionCounter();
            assertThat(calls).isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> calls.count() == 3.0);
            assertThat(registry.find("marketo.token.refreshes").functionCounter().count()).isEqualTo(1.0);
            assertThat(registry.find("marketo.failures").functionCounter().count()).isZero();
            assertThat(registry.find("marketo.limit.responses").tag("code", "606").functionCounter().count()).isZero();
            assertThat(registry.find("marketo.limit.responses").functionCounters()).hasSize(3);
            assertThat(registry.find("marketo.retries").functionCounter()).isNotNull();
            assertThat(registry.find("marketo.throttled.waits").functionCounter()).isNotNull();
        } finally {
            main.stop();
        }
    }
}

package io.github.camelmarketo.component.marketo.springboot;

import java.util.List;

import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.MarketoEndpoint;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** When the Micrometer auto-configuration applies, and that its counters follow the component's call stats. */
class MarketoMetricsAutoConfigurationTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(10));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, MarketoComponentConverter.class,
                    MarketoComponentAutoConfiguration.class, MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    MarketoMetricsAutoConfiguration.class));

    @Test
    void countersFollowTheCallStatsOfEachInstance() {
        runner.withPropertyValues("camel.component.marketo.rest-endpoint=" + emulator.get().getRestEndpoint(),
                "camel.component.marketo.identity-endpoint=" + emulator.get().getIdentityEndpoint(),
                "camel.component.marketo.client-id=" + emulator.get().getClientId(),
                "camel.component.marketo.client-secret=" + emulator.get().getClientSecret()).run(context -> {
                    CamelContext camel = context.getBean(CamelContext.class);
                    MarketoEndpoint endpoint = camel.getEndpoint("marketo:getLead", MarketoEndpoint.class);
                    try (MarketoClient client = endpoint.createClient()) {
                        // a stats bean appears with the first client of an instance; the binder picks it up on the next route start
                        context.getBean(MarketoCallStatsMetrics.class).bindNewStats();
                        client.getLead(LeadKey.email("lead1@example.com"), List.of());
                        client.getLead(LeadKey.email("lead2@example.com"), List.of());
                    }

                    MarketoCallStats stats = camel.getRegistry().findSingleByType(MarketoCallStats.class);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    FunctionCounter calls = registry.find("marketo.calls").tag("instance", stats.getInstance()).functionCounter();
                    assertThat(calls).isNotNull();
                    assertThat(calls.count()).isEqualTo(2.0).isEqualTo((double) emulator.get().counters().calls(Api.REST) - 1);
                    assertThat(registry.find("marketo.token.refreshes").functionCounter().count()).isEqualTo(1.0);
                    assertThat(registry.find("marketo.limit.responses").tag("code", "606").functionCounter().count()).isZero();
                    assertThat(registry.find("marketo.retries").functionCounter()).isNotNull();
                    assertThat(registry.find("marketo.throttled.waits").functionCounter()).isNotNull();
                });
    }

    @Test
    void springBootsStandardMeterFilterTurnsThemOff() {
        runner.withPropertyValues("management.metrics.enable.marketo=false",
                "camel.component.marketo.rest-endpoint=" + emulator.get().getRestEndpoint(),
                "camel.component.marketo.identity-endpoint=" + emulator.get().getIdentityEndpoint(),
                "camel.component.marketo.client-id=" + emulator.get().getClientId(),
                "camel.component.marketo.client-secret=" + emulator.get().getClientSecret()).run(context -> {
                    CamelContext camel = context.getBean(CamelContext.class);
                    MarketoEndpoint endpoint = camel.getEndpoint("marketo:getLead", MarketoEndpoint.class);
                    try (MarketoClient client = endpoint.createClient()) {
                        context.getBean(MarketoCallStatsMetrics.class).bindNewStats();
                        client.getLead(LeadKey.email("lead1@example.com"), List.of());
                    }
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(camel.getRegistry().findSingleByType(MarketoCallStats.class).getCalls()).isEqualTo(1);
                    assertThat(registry.find("marketo.calls").meters()).isEmpty();
                    assertThat(registry.getMeters()).noneMatch(m -> m.getId().getName().startsWith("marketo."));
                });
    }

    @Test
    void offWithoutMicrometer() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(MarketoCallStatsMetrics.class));
    }
}

package io.github.camelmarketo.examples.springboot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.examples.quickstart.QuickstartSummary;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The example application with its default (emulator) profile: the whole flow runs during start-up. */
@CamelSpringBootTest
@SpringBootTest(classes = MarketoSpringBootApplication.class, properties = "quickstart.exit-when-done=false")
class MarketoSpringBootApplicationTest {

    @DynamicPropertySource
    static void since(DynamicPropertyRegistry registry) {
        registry.add("quickstart.since", () -> Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    @Autowired
    private QuickstartRunner runner;
    @Autowired
    private QuickstartSummary summary;
    @Autowired
    private MarketoEmulator emulator;
    @Autowired
    private CamelContext camelContext;

    @Test
    void syncsTheCsvAndStreamsEveryLeadBackFromTheEmulator() throws Exception {
        assertThat(runner.result().get(60, TimeUnit.SECONDS)).as(summary.report()).isTrue();
        assertThat(summary.created()).isEqualTo(40);
        assertThat(summary.updated()).isEqualTo(10);
        assertThat(summary.failed()).isZero();
    }

    @Test
    void emulatorProfilePointsTheComponentAtTheEmulator() {
        var configuration = camelContext.getComponent("marketo", MarketoComponent.class).getConfiguration();

        assertThat(configuration.getApi()).isEqualTo(MarketoApi.rest);
        assertThat(configuration.getRestEndpoint()).isEqualTo(emulator.getRestEndpoint());
        // application.yaml values arrive through the starter
        assertThat(configuration.getRateLimitWindow()).isEqualTo(20_000L);
        assertThat(configuration.getMaxConcurrentCalls()).isEqualTo(10);
    }
}

package io.github.camelmarketo.component.marketo.springboot;

import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** When the health auto-configuration applies, and what the indicator reports for SOAP and REST targets. */
class MarketoHealthAutoConfigurationTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(10));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, MarketoComponentConverter.class,
                    MarketoComponentAutoConfiguration.class, MarketoHealthAutoConfiguration.class));

    @Test
    void registersTheIndicatorAndTheCallRecorder() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(MarketoHealthIndicator.class).hasBean("marketoHealthIndicator");
            MarketoCallRecorder recorder = context.getBean(MarketoCallRecorder.class);
            // registered once: a second registration would record every call twice
            assertThat(context.getBean(CamelContext.class).getManagementStrategy().getEventNotifiers())
                    .filteredOn(notifier -> notifier == recorder).hasSize(1);
            assertThat(recorder.isStarted()).isTrue();
        });
    }

    @Test
    void offWhenTheIndicatorIsDisabled() {
        runner.withPropertyValues("management.health.marketo.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MarketoHealthIndicator.class)
                        .doesNotHaveBean(MarketoCallRecorder.class));
    }

    @Test
    void offWithoutActuator() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean(MarketoHealthIndicator.class));
    }

    @Test
    void unknownWhenNoMarketoTargetIsConfigured() {
        runner.run(context -> {
            Health health = context.getBean(MarketoHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        });
    }

    @Test
    void soapTargetIsReportedWithoutCallingMarketo() {
        runner.withPropertyValues("camel.component.marketo.soap-endpoint=" + emulator.get().getSoapEndpoint(),
                "camel.component.marketo.user-id=" + emulator.get().getSoapUserId(),
                "camel.component.marketo.encryption-key=" + emulator.get().getSoapEncryptionKey()).run(context -> {
                    context.getBean(CamelContext.class).getComponent("marketo", MarketoComponent.class);
                    Health health = context.getBean(MarketoHealthIndicator.class).health();

                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails().toString()).contains(emulator.get().getSoapEndpoint())
                            .contains("none yet").doesNotContain(emulator.get().getSoapEncryptionKey());
                    assertThat(emulator.get().counters().calls(Api.SOAP)).isZero();
                });
    }

    @Test
    void misconfiguredTargetsAreSkippedNotFatal() {
        runner.withPropertyValues("camel.component.marketo.munchkin-id=123-ABC-456").run(context -> {
            context.getBean(CamelContext.class).getComponent("marketo", MarketoComponent.class);
            assertThat(context.getBean(MarketoHealthIndicator.class).health().getStatus()).isEqualTo(Status.UNKNOWN);
        });
    }
}

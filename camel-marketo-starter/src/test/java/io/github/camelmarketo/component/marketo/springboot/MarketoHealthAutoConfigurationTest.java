package io.github.camelmarketo.component.marketo.springboot;

import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void restTargetIsUpWhenTheIdentityServiceIssuesATokenAndIsProbedOncePerInterval() {
        runner.withPropertyValues(restProperties(emulator.get().getClientSecret())).run(context -> {
            context.getBean(CamelContext.class).getComponent("marketo", MarketoComponent.class);
            MarketoHealthIndicator indicator = context.getBean(MarketoHealthIndicator.class);

            Health first = indicator.health();
            indicator.health();
            indicator.health();

            assertThat(first.getStatus()).isEqualTo(Status.UP);
            assertThat(first.getDetails().toString()).contains("token issued").contains(emulator.get().getIdentityEndpoint());
            // the identity call is the only call, and the interval (default 5 minutes) caches it
            assertThat(emulator.get().counters().calls(Api.REST)).isEqualTo(1);
        });
    }

    @Test
    void restTargetIsDownWhenTheIdentityServiceRefusesTheCredentials() {
        runner.withPropertyValues(restProperties("wrong-secret-value")).run(context -> {
            context.getBean(CamelContext.class).getComponent("marketo", MarketoComponent.class);

            Health health = context.getBean(MarketoHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().toString()).contains("HTTP 401").doesNotContain("wrong-secret-value");
        });
    }

    @Test
    void aLastCallThatFailedOnAuthenticationTurnsTheTargetDown() {
        runner.withPropertyValues("camel.component.marketo.soap-endpoint=" + emulator.get().getSoapEndpoint(),
                "camel.component.marketo.user-id=" + emulator.get().getSoapUserId(),
                "camel.component.marketo.encryption-key=not-the-encryption-key")
                .withBean("routes", RouteBuilder.class, () -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:get").to("marketo:getLead");
                    }
                }).run(context -> {
                    ProducerTemplate template = context.getBean(CamelContext.class).createProducerTemplate();
                    assertThatThrownBy(() -> template.requestBody("direct:get", "lead1@example.com"))
                            .hasCauseInstanceOf(MarketoAuthenticationException.class);

                    Health health = context.getBean(MarketoHealthIndicator.class).health();

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().toString()).contains("code=20014").contains("operation=getLead")
                            .doesNotContain("not-the-encryption-key");
                });
    }

    private static String[] restProperties(String clientSecret) {
        return new String[] {
                "camel.component.marketo.rest-endpoint=" + emulator.get().getRestEndpoint(),
                "camel.component.marketo.identity-endpoint=" + emulator.get().getIdentityEndpoint(),
                "camel.component.marketo.client-id=" + emulator.get().getClientId(),
                "camel.component.marketo.client-secret=" + clientSecret };
    }

    @Test
    void misconfiguredTargetsAreSkippedNotFatal() {
        runner.withPropertyValues("camel.component.marketo.munchkin-id=123-ABC-456").run(context -> {
            context.getBean(CamelContext.class).getComponent("marketo", MarketoComponent.class);
            assertThat(context.getBean(MarketoHealthIndicator.class).health().getStatus()).isEqualTo(Status.UNKNOWN);
        });
    }
}

package io.github.camelmarketo.component.marketo.springboot;

import java.util.Map;

import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.actuate.health.CamelHealthCheckAutoConfiguration;
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

/**
 * When the health auto-configuration applies, and that the indicator reports the component's Camel health checks
 * (producer and consumer) without spending an API call.
 */
class MarketoHealthAutoConfigurationTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(10));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, CamelHealthCheckAutoConfiguration.class,
                    MarketoComponentConverter.class, MarketoComponentAutoConfiguration.class,
                    MarketoHealthAutoConfiguration.class))
            .withPropertyValues("camel.health.producers-enabled=true");

    @Test
    void registersTheIndicator() {
        runner.run(context -> assertThat(context).hasSingleBean(MarketoHealthIndicator.class).hasBean("marketoHealthIndicator"));
    }

    @Test
    void offWhenTheIndicatorIsDisabled() {
        runner.withPropertyValues("management.health.marketo.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MarketoHealthIndicator.class));
    }

    @Test
    void offWithoutActuator() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean(MarketoHealthIndicator.class));
    }

    @Test
    void unknownWithTheReasonWhenNoMarketoCheckIsRegistered() {
        runner.run(context -> {
            Health health = context.getBean(MarketoHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails()).containsEntry("reason", MarketoHealthIndicator.NO_CHECKS);
        });
    }

    @Test
    void producerChecksNeedProducerChecksTurnedOnInCamel() {
        runner.withPropertyValues("camel.health.producers-enabled=false").withPropertyValues(restProperties(emulator.get().getClientSecret()))
                .withBean("routes", RouteBuilder.class, () -> route("marketo:getLead")).run(context -> {
                    send(context, "lead1@example.com");
                    assertThat(context.getBean(MarketoHealthIndicator.class).health().getStatus()).isEqualTo(Status.UNKNOWN);
                });
    }

    @Test
    void aRestProducerIsUpAfterASuccessfulCallAndTheViewSpendsNoCall() {
        runner.withPropertyValues(restProperties(emulator.get().getClientSecret()))
                .withBean("routes", RouteBuilder.class, () -> route("marketo:getLead")).run(context -> {
                    send(context, "lead1@example.com");
                    // the identity call and the getLead call; the identity call is not a lead API call
                    long calls = emulator.get().counters().calls(Api.REST);
                    assertThat(calls).isEqualTo(2);

                    MarketoHealthIndicator indicator = context.getBean(MarketoHealthIndicator.class);
                    Health health = indicator.health();
                    indicator.health();

                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    Map<String, Object> check = check(health, "producer:marketo://getLead");
                    assertThat(check).containsEntry("state", "UP");
                    assertThat(details(check)).containsEntry("api", "rest").containsEntry("operation", "getLead")
                            .containsEntry("last.call.outcome", "success").containsEntry("calls.today", 1L)
                            .containsKey("instance");
                    assertThat(health.toString()).doesNotContain(emulator.get().getClientSecret());
                    // health is a view: the two health requests above made no call
                    assertThat(emulator.get().counters().calls(Api.REST)).isEqualTo(calls);
                });
    }

    @Test
    void aLastCallThatFailedOnAuthenticationTurnsTheProducerDown() {
        runner.withPropertyValues("camel.component.marketo.soap-endpoint=" + emulator.get().getSoapEndpoint(),
                "camel.component.marketo.user-id=" + emulator.get().getSoapUserId(),
                "camel.component.marketo.encryption-key=not-the-encryption-key")
                .withBean("routes", RouteBuilder.class, () -> route("marketo:getLead")).run(context -> {
                    assertThatThrownBy(() -> send(context, "lead1@example.com"))
                            .hasCauseInstanceOf(MarketoAuthenticationException.class);

                    Health health = context.getBean(MarketoHealthIndicator.class).health();

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    Map<String, Object> check = check(health, "producer:marketo://getLead");
                    assertThat(check).containsEntry("state", "DOWN");
                    assertThat((String) check.get("message")).startsWith("Marketo authentication failed (20014)");
                    assertThat(details(check)).containsEntry("last.call.code", "20014").containsEntry("api", "soap");
                    assertThat(health.toString()).doesNotContain("not-the-encryption-key");
                });
    }

    @Test
    void aConsumerThatCannotPollIsDown() {
        runner.withPropertyValues(restProperties("wrong-secret-value"))
                .withBean("routes", RouteBuilder.class, () -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("marketo:getMultipleLeads?leadSelector=staticList&staticListName=none&initialDelay=0&delay=50")
                                .routeId("stream").to("mock:leads");
                    }
                }).run(context -> {
                    MarketoHealthIndicator indicator = context.getBean(MarketoHealthIndicator.class);
                    // Camel's consumer check starts DOWN ("has not yet polled"): wait for the failed poll itself
                    Health health = awaitFailedPoll(indicator, "consumer:stream");

                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    Map<String, Object> check = check(health, "consumer:stream");
                    assertThat(check).containsEntry("state", "DOWN");
                    assertThat((String) check.get("message")).startsWith("Marketo authentication failed");
                    assertThat((Integer) details(check).get("consecutive.failures")).isPositive();
                    assertThat(health.toString()).contains("401").doesNotContain("wrong-secret-value");
                });
    }

    /** The health once the consumer check reports the failed poll (Camel's check starts DOWN, "not yet polled"). */
    private static Health awaitFailedPoll(MarketoHealthIndicator indicator, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        Health health = indicator.health();
        while (!String.valueOf(check(health, id).get("message")).startsWith("Marketo authentication failed")
               && System.nanoTime() < deadline) {
            Thread.sleep(100);
            health = indicator.health();
        }
        return health;
    }

    private static RouteBuilder route(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to(uri);
            }
        };
    }

    private static Object send(org.springframework.context.ApplicationContext context, Object body) {
        ProducerTemplate template = context.getBean(CamelContext.class).createProducerTemplate();
        return template.requestBody("direct:call", body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(Health health, String id) {
        Map<String, Object> checks = (Map<String, Object>) health.getDetails().get("checks");
        assertThat(checks).as("checks of %s", health).containsKey(id);
        return (Map<String, Object>) checks.get(id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> check) {
        return (Map<String, Object>) check.get("details");
    }

    private static String[] restProperties(String clientSecret) {
        return new String[] {
                "camel.component.marketo.rest-endpoint=" + emulator.get().getRestEndpoint(),
                "camel.component.marketo.identity-endpoint=" + emulator.get().getIdentityEndpoint(),
                "camel.component.marketo.client-id=" + emulator.get().getClientId(),
                "camel.component.marketo.client-secret=" + clientSecret };
    }
}

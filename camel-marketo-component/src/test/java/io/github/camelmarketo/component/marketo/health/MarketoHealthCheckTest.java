package io.github.camelmarketo.component.marketo.health;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The marketo producer and consumer health checks in Camel's health-check repositories, against the emulator: UP
 * with the instance's details after a call, DOWN with the reason after 601 persisting and after 607, and a consumer
 * that cannot poll DOWN.
 */
class MarketoHealthCheckTest extends MarketoTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(50));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected MarketoApi api() {
        return MarketoApi.rest;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:getLead").to("marketo:getLead");
                from("direct:sync").to("marketo:syncLead");
            }
        };
    }

    @BeforeEach
    void enableProducerChecks() {
        // Camel leaves producer checks off until asked (camel.health.producersEnabled=true in Camel Main)
        HealthCheckHelper.getHealthCheckRepository(context, "producers", WritableHealthCheckRepository.class).setEnabled(true);
    }

    @Test
    void producerIsUpWithTheInstanceDetailsAfterACall() {
        assertThat(producerCheck("getLead").call().getDetails()).containsEntry("last.call.outcome", "none");

        template.sendBody("direct:getLead", "lead1@example.com");

        HealthCheck.Result result = producerCheck("getLead").call();
        print("healthy", result);
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("api", "rest").containsEntry("operation", "getLead")
                .containsEntry("last.call.outcome", "success").containsEntry("calls", 1L).containsEntry("calls.today", 1L)
                .containsKey("instance").containsKey("last.call.at");
        assertThat(String.valueOf(result.getDetails())).doesNotContain(emulator.get().getClientSecret());
    }

    @Test
    void producerIsDownWhenAuthenticationFailsAfterATokenRefresh() {
        emulator.get().faults().inject(Api.REST, "GET /rest/v1/leads.json", new Fault.VendorError("601"), 10);

        assertThatThrownBy(() -> template.sendBody("direct:getLead", "lead1@example.com"));

        HealthCheck.Result result = producerCheck("getLead").call();
        print("unhealthy (601 persisting)", result);
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Marketo authentication failed (601)"));
        assertThat(result.getDetails()).containsEntry("last.call.outcome", "failure").containsEntry("last.call.code", "601");
        // the other producer made no call: still UP
        assertThat(producerCheck("syncLead").call().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(String.valueOf(result.getDetails()) + result.getMessage()).doesNotContain(emulator.get().getClientSecret());
    }

    @Test
    void producerIsDownWhenTheDailyQuotaIsExhausted() {
        emulator.get().faults().inject(Api.REST, "GET /rest/v1/leads.json", new Fault.VendorError("607"), 1);

        assertThatThrownBy(() -> template.sendBody("direct:getLead", "lead1@example.com"));

        HealthCheck.Result result = producerCheck("getLead").call();
        print("unhealthy (607)", result);
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Marketo daily quota exhausted (607)"));
        assertThat(emulator.get().counters().calls(Api.REST, "GET /rest/v1/leads.json")).isEqualTo(1);

        // a later successful call brings it back UP
        template.sendBody("direct:getLead", "lead1@example.com");
        assertThat(producerCheck("getLead").call().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void consumerThatCannotPollIsDown() throws Exception {
        emulator.get().faults().inject(Api.REST, new Fault.VendorError("601"), 1000);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=staticList&staticListName=VIP&initialDelay=0&delay=50")
                        .routeId("vip").to("mock:vip");
            }
        });

        // Camel's check starts DOWN ("not yet polled"): wait for the failed poll itself
        await().atMost(Duration.ofSeconds(30)).until(() -> consumerCheck("vip").call().getDetails()
                .containsKey(HealthCheck.FAILURE_ERROR_COUNT));
        // the polls skipped during the failure backoff (delay=50: dozens of them) must not turn it UP again
        Thread.sleep(1_000);
        HealthCheck.Result result = consumerCheck("vip").call();
        print("consumer unable to poll", result);
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Marketo authentication failed (601)"));
        assertThat(result.getDetails()).containsEntry("selector", "staticList:name.VIP").containsEntry("api", "rest")
                .containsKey("consecutive.failures");
        assertThat(getMockEndpoint("mock:vip").getReceivedCounter()).isZero();
    }

    @Test
    void consumerPausedOnTheDailyQuotaIsDownUntilTheReset() throws Exception {
        emulator.get().faults().inject(Api.REST, new Fault.VendorError("607"), 1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("marketo:getMultipleLeads?leadSelector=staticList&staticListName=VIP&initialDelay=0&delay=50")
                        .routeId("vipQuota").to("mock:vip");
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> consumerCheck("vipQuota").call().getDetails().containsKey("paused.until"));
        Thread.sleep(500);
        HealthCheck.Result result = consumerCheck("vipQuota").call();
        print("consumer paused on the quota", result);
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Marketo daily quota exhausted"));
        // one refused call, then none until the reset
        assertThat(emulator.get().counters().calls(Api.REST, "GET /rest/v1/lists.json")).isEqualTo(1);
    }

    private HealthCheck producerCheck(String operation) {
        return checks("producers").stream().filter(c -> c.getId().equals("producer:marketo://" + operation)).findFirst()
                .orElseThrow(() -> new AssertionError("no producer check for " + operation + " in " + ids("producers")));
    }

    private HealthCheck consumerCheck(String routeId) {
        return checks("consumers").stream().filter(c -> c.getId().equals("consumer:" + routeId)).findFirst()
                .orElseThrow(() -> new AssertionError("no consumer check " + routeId + " in " + ids("consumers")));
    }

    private Collection<HealthCheck> checks(String repository) {
        Optional<HealthCheckRepository> repo = Optional.ofNullable(
                HealthCheckHelper.getHealthCheckRepository(context, repository, HealthCheckRepository.class));
        return repo.map(r -> r.stream().toList()).orElse(List.of());
    }

    private List<String> ids(String repository) {
        return checks(repository).stream().map(HealthCheck::getId).toList();
    }

    private static void print(String title, HealthCheck.Result result) {
        Map<String, Object> details = new TreeMap<>(result.getDetails());
        details.remove("failure.stack.trace");
        System.out.println("HEALTH " + title + ": " + result.getCheck().getId() + " " + result.getState()
                           + result.getMessage().map(m -> " - " + m).orElse("") + " " + details);
    }
}

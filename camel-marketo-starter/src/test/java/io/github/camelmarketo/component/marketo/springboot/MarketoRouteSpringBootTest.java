package io.github.camelmarketo.component.marketo.springboot;

import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes in a real Spring Boot application context whose {@code marketo} component is configured only by
 * {@code camel.component.marketo.*} properties, against the emulator over real sockets: REST by default, SOAP for the
 * endpoint that asks for it, one store behind both.
 */
@CamelSpringBootTest
@DirtiesContext
@SpringBootApplication
@SpringBootTest(classes = { MarketoRouteSpringBootTest.class, MarketoRouteSpringBootTest.Routes.class },
        properties = "camel.health.producers-enabled=true")
class MarketoRouteSpringBootTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(20));

    @DynamicPropertySource
    static void marketo(DynamicPropertyRegistry registry) {
        registry.add("camel.component.marketo.api", () -> "rest");
        registry.add("camel.component.marketo.rest-endpoint", () -> emulator.get().getRestEndpoint());
        registry.add("camel.component.marketo.identity-endpoint", () -> emulator.get().getIdentityEndpoint());
        registry.add("camel.component.marketo.client-id", () -> emulator.get().getClientId());
        registry.add("camel.component.marketo.client-secret", () -> emulator.get().getClientSecret());
        registry.add("camel.component.marketo.soap-endpoint", () -> emulator.get().getSoapEndpoint());
        registry.add("camel.component.marketo.user-id", () -> emulator.get().getSoapUserId());
        registry.add("camel.component.marketo.encryption-key", () -> emulator.get().getSoapEncryptionKey());
    }

    @Configuration
    static class Routes {
        @Bean
        RouteBuilder marketoRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sync").to("marketo:syncMultipleLeads");
                    from("direct:getOverSoap").to("marketo:getLead?api=soap");
                }
            };
        }
    }

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private MarketoHealthIndicator health;
    @Autowired
    private MeterRegistry meters;

    @Test
    void syncOverRestThenReadOverSoap() {
        List<Lead> leads = List.of(
                Lead.withEmail("ada@spring.example.org").set("firstName", "Ada"),
                Lead.withEmail("lead1@example.com").set("firstName", "Updated"));

        @SuppressWarnings("unchecked")
        List<SyncResult> results = template.requestBody("direct:sync", leads, List.class);

        assertThat(results).extracting(SyncResult::status).containsExactly(SyncStatus.CREATED, SyncStatus.UPDATED);
        @SuppressWarnings("unchecked")
        List<Lead> read = template.requestBody("direct:getOverSoap", LeadKey.email("ada@spring.example.org"), List.class);
        assertThat(read).singleElement().satisfies(lead -> {
            assertThat(lead.getId()).isEqualTo(results.get(0).leadId());
            assertThat(lead.get("FirstName")).isEqualTo("Ada");
        });
        assertThat(emulator.get().counters().calls(Api.SOAP)).isPositive();
        assertThat(emulator.get().counters().calls(Api.REST)).isPositive();
        // the REST instance's stats were bound to Micrometer when the route's producer started
        assertThat(meters.find("marketo.calls").functionCounter()).isNotNull()
                .satisfies(calls -> assertThat(calls.count()).isPositive());
        assertThat(meters.find("marketo.limit.responses").tag("code", "606").functionCounter().count()).isZero();
    }

    @Test
    void healthIsUpAndReportsTheLastCallOfEachApi() {
        template.requestBody("direct:getOverSoap", LeadKey.email("lead2@example.com"), List.class);
        long calls = emulator.get().counters().calls(Api.SOAP) + emulator.get().counters().calls(Api.REST);

        Health result = health.health();

        assertThat(result.getStatus()).isEqualTo(Status.UP);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> checks = (Map<String, Map<String, Object>>) result.getDetails().get("checks");
        // one Camel producer check per producer: the REST sync and the SOAP read
        assertThat(checks).containsOnlyKeys("producer:marketo://getLead?api=soap", "producer:marketo://syncMultipleLeads");
        Map<String, Object> soap = checks.get("producer:marketo://getLead?api=soap");
        assertThat(soap).containsEntry("state", "UP");
        assertThat(soap.get("details").toString()).contains("api=soap").contains("operation=getLead")
                .contains("last.call.outcome=success");
        assertThat(checks.get("producer:marketo://syncMultipleLeads").get("details").toString()).contains("api=rest");
        assertThat(result.getDetails().toString()).doesNotContain(emulator.get().getClientSecret())
                .doesNotContain(emulator.get().getSoapEncryptionKey());
        // the view spends no call
        assertThat(emulator.get().counters().calls(Api.SOAP) + emulator.get().counters().calls(Api.REST)).isEqualTo(calls);
    }
}

package io.github.camelmarketo.component.kamelet;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmarketo.component.leadsquared.LeadSquaredConstants;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kamelets of {@code kamelets/} bound in routes, as a user binds them: {@code kamelet:marketo-lead-source} on one
 * emulated instance feeds {@code kamelet:marketo-lead-sink} on a second one, and {@code kamelet:leadsquared-lead-action}
 * looks leads up by id. Credentials are Kamelet properties ({@code camel.kamelet.<name>.<property>}), never in a URI.
 */
class KameletBindingTest extends CamelTestSupport {

    private static final int SOURCE_LEADS = 60;
    private static final int TARGET_LEADS = 10;
    private static final String SOURCE_SECRET = "source-secret-4711";
    private static final String TARGET_SECRET = "target-secret-0815";
    private static final String LEADSQUARED_SECRET = "ls-secret-2342";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static MarketoEmulatorExtension source = MarketoEmulatorExtension.create(b -> b.leads(SOURCE_LEADS)
            .restCredentials("source-client", SOURCE_SECRET).leadSquaredKeys("ls-access-1", LEADSQUARED_SECRET));

    @RegisterExtension
    static MarketoEmulatorExtension target = MarketoEmulatorExtension.create(b -> b.leads(TARGET_LEADS)
            .restCredentials("target-client", TARGET_SECRET));

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        MarketoEmulator from = source.get();
        MarketoEmulator to = target.get();
        Properties properties = new Properties();
        properties.put("camel.kamelet.marketo-lead-source.clientId", from.getClientId());
        properties.put("camel.kamelet.marketo-lead-source.clientSecret", from.getClientSecret());
        properties.put("camel.kamelet.marketo-lead-sink.clientId", to.getClientId());
        properties.put("camel.kamelet.marketo-lead-sink.clientSecret", to.getClientSecret());
        properties.put("camel.kamelet.leadsquared-lead-action.accessKey", from.getLeadSquaredAccessKey());
        properties.put("camel.kamelet.leadsquared-lead-action.secretKey", from.getLeadSquaredSecretKey());
        return properties;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:leadsquared")
                        .to("kamelet:leadsquared-lead-action?baseUrl=" + source.get().getLeadSquaredUrl()
                            + "&columns=ProspectId,EmailAddress")
                        .to("mock:leadsquared");
            }
        };
    }

    @Test
    void leadSourceFeedsLeadSinkOnAnotherInstance() throws Exception {
        MarketoEmulator from = source.get();
        MarketoEmulator to = target.get();
        from.rest().exportTiming(Duration.ofMillis(20), Duration.ofMillis(20));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        // a backfill: the seeded leads' updatedAt spread over the last 60 days, latestUpdatedAt ends the stream
        String oldest = now.minus(61, ChronoUnit.DAYS).toString();
        MockEndpoint synced = getMockEndpoint("mock:synced");
        synced.expectedMessageCount(SOURCE_LEADS);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:marketo-lead-source?restEndpoint=" + from.getRestEndpoint()
                     + "&identityEndpoint=" + from.getIdentityEndpoint()
                     + "&oldestUpdatedAt=" + oldest + "&latestUpdatedAt=" + now
                     + "&fields=email,firstName,lastName&batchSize=25&delay=20&extractPollInterval=50")
                        .routeId("binding")
                        .to("kamelet:marketo-lead-sink?restEndpoint=" + to.getRestEndpoint()
                            + "&identityEndpoint=" + to.getIdentityEndpoint())
                        .to("mock:synced");
            }
        });

        synced.assertIsSatisfied(60_000);
        List<Map<String, Object>> results = synced.getExchanges().stream()
                .flatMap(e -> read(e.getMessage().getBody(String.class)).stream()).toList();
        Map<Object, Long> byStatus = results.stream().collect(Collectors.groupingBy(r -> r.get("status"), Collectors.counting()));
        // the target already had lead1..lead10@example.com: those are updated, the other 50 created
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of("created", 50L, "updated", 10L));
        assertThat(synced.getExchanges()).allSatisfy(e -> assertThat(e.getMessage().getHeader("Content-Type"))
                .isEqualTo("application/json"));

        LeadStore targetStore = to.store();
        assertThat(targetStore.size()).isEqualTo(SOURCE_LEADS + TARGET_LEADS - 10);
        assertThat(targetStore.findByEmail("lead60@example.com")).hasSize(1);
        String firstName = LeadStore.valueOf(from.store().findByEmail("lead60@example.com").get(0), "firstName");
        assertThat(firstName).isNotBlank();
        assertThat(LeadStore.valueOf(targetStore.findByEmail("lead60@example.com").get(0), "firstName")).isEqualTo(firstName);
        // one sync call per lead on the target; the source only read (token + extract jobs), it was never written
        assertThat(to.counters().calls(Api.REST, "POST /rest/v1/leads.json")).isEqualTo(SOURCE_LEADS);
        assertThat(from.counters().calls(Api.REST, "POST /rest/v1/leads.json")).isZero();
        // the source: one token, and one Bulk Lead Extract job per window of at most 31 days (61 days: 2 jobs)
        assertThat(from.counters().calls(Api.REST, "POST /identity/oauth/token")).isEqualTo(1);
        assertThat(from.counters().calls(Api.REST, "GET /identity/oauth/token")).as("credentials only in a POST form").isZero();
        assertThat(from.counters().calls(Api.REST, "POST /bulk/v1/leads/export/create.json")).isEqualTo(2);
        assertThat(from.counters().calls(Api.REST, "POST /bulk/v1/leads/export/{exportId}/enqueue.json")).isEqualTo(2);
        assertThat(to.counters().calls(Api.REST, "POST /identity/oauth/token")).isEqualTo(1);

        context.getRouteController().stopRoute("binding");
        assertNoSecretInEndpointUris();
    }

    @Test
    void leadSquaredActionLooksLeadsUpById() throws Exception {
        String unknown = "0acb9356-bcd1-4128-b63a-97f52cb8cc3c";
        List<String> ids = List.of(prospectId(2), prospectId(0), unknown, prospectId(4));
        MockEndpoint out = getMockEndpoint("mock:leadsquared");
        out.expectedMessageCount(1);

        template.sendBody("direct:leadsquared", JSON.writeValueAsString(ids));

        out.assertIsSatisfied();
        Exchange exchange = out.getExchanges().get(0);
        List<Map<String, Object>> leads = read(exchange.getMessage().getBody(String.class));
        assertThat(leads).extracting(l -> l.get("EmailAddress"))
                .containsExactly("lead3@example.com", "lead1@example.com", "lead5@example.com");
        assertThat(leads).extracting(l -> l.get("ProspectId")).containsExactly(ids.get(0), ids.get(1), ids.get(3));
        assertThat(exchange.getMessage().getHeader(LeadSquaredConstants.MISSING_IDS, List.class)).containsExactly(unknown);
        assertThat(source.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION)).isEqualTo(1);
        assertNoSecretInEndpointUris();
    }

    private void assertNoSecretInEndpointUris() {
        for (Endpoint endpoint : context.getEndpoints()) {
            assertThat(endpoint.getEndpointUri()).doesNotContain(SOURCE_SECRET, TARGET_SECRET, LEADSQUARED_SECRET);
            assertThat(endpoint.toString()).doesNotContain(SOURCE_SECRET, TARGET_SECRET, LEADSQUARED_SECRET);
        }
    }

    private static String prospectId(int index) {
        return LeadSquaredApi.prospectIdOf(LeadStore.FIRST_ID + index);
    }

    private static List<Map<String, Object>> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
            });
        } catch (Exception e) {
            throw new AssertionError("not a JSON array: " + json, e);
        }
    }
}

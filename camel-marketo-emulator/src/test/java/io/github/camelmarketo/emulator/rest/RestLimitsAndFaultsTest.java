package io.github.camelmarketo.emulator.rest;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RestLimitsAndFaultsTest {

    private static final String LEAD = "/rest/v1/lead/" + LeadStore.FIRST_ID + ".json";

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(20));

    private RestCalls rest;

    @BeforeEach
    void setUp() {
        rest = new RestCalls(emulator.get());
        rest.token();
    }

    private void policy(LimitPolicy policy) {
        emulator.get().limits().setPolicy(Api.REST, policy);
    }

    @Test
    void rateLimitIs606WithTheWindowInTheMessage() {
        policy(LimitPolicy.unlimited().withCallsPerWindow(3, Duration.ofMinutes(1)));
        for (int i = 0; i < 3; i++) {
            assertThat(rest.getJson(LEAD).path("success").asBoolean()).isTrue();
        }
        rest.token(); // identity calls do not count against the limits
        JsonNode refused = rest.getJson(LEAD);

        assertThat(RestCalls.errorCode(refused)).isEqualTo("606");
        assertThat(refused.path("errors").get(0).path("message").asText())
                .isEqualTo("Max rate limit '3' exceeded with in '60' secs");
        assertThat(emulator.get().counters().responses(Api.REST, "606")).isEqualTo(1);
    }

    @Test
    void dailyQuotaIs607() {
        policy(LimitPolicy.unlimited().withDailyQuota(2));
        rest.getJson(LEAD);
        rest.getJson(LEAD);

        JsonNode refused = rest.getJson(LEAD);
        assertThat(RestCalls.errorCode(refused)).isEqualTo("607");
        assertThat(refused.path("errors").get(0).path("message").asText()).isEqualTo("Daily quota reached");
    }

    @Test
    void concurrencyLimitIs615() {
        policy(LimitPolicy.unlimited().withMaxConcurrent(2));
        emulator.get().faults().inject(Api.REST, "GET /rest/v1/leads/describe.json",
                new Fault.Latency(Duration.ofSeconds(2)), 2);
        CompletableFuture<HttpResponse<String>> slow1 = CompletableFuture.supplyAsync(
                () -> rest.get("/rest/v1/leads/describe.json"));
        CompletableFuture<HttpResponse<String>> slow2 = CompletableFuture.supplyAsync(
                () -> rest.get("/rest/v1/leads/describe.json"));

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> "615".equals(RestCalls.errorCode(rest.getJson(LEAD))));
        assertThat(RestCalls.json(slow1.join()).path("success").asBoolean()).isTrue();
        assertThat(RestCalls.json(slow2.join()).path("success").asBoolean()).isTrue();
        assertThat(emulator.get().counters().responses(Api.REST, "615")).isGreaterThanOrEqualTo(1);
        assertThat(rest.getJson(LEAD).path("success").asBoolean()).isTrue();
    }

    @Test
    void vendorErrorFaultAnswersThatCodeOnce() {
        emulator.get().faults().inject(Api.REST, "GET /rest/v1/lead/", new Fault.VendorError("604"), 1);

        JsonNode first = rest.getJson(LEAD);
        assertThat(first.path("success").asBoolean()).isFalse();
        assertThat(RestCalls.errorCode(first)).isEqualTo("604");
        assertThat(first.path("errors").get(0).path("message").asText()).isEqualTo("Request time-out");
        assertThat(rest.getJson(LEAD).path("success").asBoolean()).isTrue();
        assertThat(emulator.get().counters().calls(Api.REST, "GET /rest/v1/lead/{leadId}.json")).isEqualTo(2);
    }

    @Test
    void httpStatusFaultAnswersThatStatus() {
        emulator.get().faults().inject(Api.REST, new Fault.HttpStatus(503), 1);

        HttpResponse<String> response = rest.get(LEAD);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("503").doesNotContain("Exception");
        assertThat(emulator.get().counters().responses(Api.REST, "503")).isEqualTo(1);
    }

    @Test
    void latencyFaultStillAnswers() {
        emulator.get().faults().inject(Api.REST, new Fault.Latency(Duration.ofMillis(200)), 1);

        assertThat(rest.getJson(LEAD).path("success").asBoolean()).isTrue();
        assertThat(emulator.get().faults().pending()).isZero();
    }

    @Test
    void dropConnectionFaultClosesWithoutAnswer() {
        emulator.get().faults().inject(Api.REST, new Fault.DropConnection(), 1);

        // a POST: java.net.http silently retries an idempotent GET once on a dropped pooled connection
        assertThatThrownBy(() -> rest.postJson("/rest/v1/leads.json", "{\"input\":[{\"email\":\"d@example.com\"}]}"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(emulator.get().store().findByEmail("d@example.com")).isEmpty();
        assertThat(rest.getJson(LEAD).path("success").asBoolean()).isTrue();
        assertThat(emulator.get().counters().responses(Api.REST, "drop")).isEqualTo(1);
    }

    @Test
    void leadSyncedOverRestIsVisibleToAStoreRead() {
        JsonNode result = rest.postJsonJson("/rest/v1/leads.json",
                "{\"input\":[{\"email\":\"visible@example.com\",\"company\":\"Acme\"}]}").path("result");

        int id = result.get(0).path("id").asInt();
        assertThat(emulator.get().store().findByEmail("VISIBLE@example.com")).singleElement()
                .satisfies(l -> {
                    assertThat(l.getId()).isEqualTo(id);
                    assertThat(l.getAttributes().get("Company")).isEqualTo("Acme");
                });
        assertThat(emulator.get().counters().calls(Api.REST, "POST /rest/v1/leads.json")).isEqualTo(1);
        assertThat(emulator.get().counters().responses(Api.REST, "200")).isEqualTo(2);
    }
}

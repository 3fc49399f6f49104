package io.github.camelmarketo.emulator.rest;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.contract.ContractReport;
import io.github.camelmarketo.emulator.contract.OpenApiContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The emulator's answers, recorded on the wire, validate against Adobe's OpenAPI document (swagger-mapi.json). */
class RestOpenApiContractTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(30).recordRestCalls(true));

    private static OpenApiContract contract;
    private RestCalls rest;
    private ActivityFeed feed;

    @BeforeAll
    static void load() {
        contract = OpenApiContract.load();
    }

    @BeforeEach
    void setUp() {
        rest = new RestCalls(emulator.get());
        feed = new ActivityFeed(rest);
    }

    @Test
    void activityEndpointsMatchTheDocument() {
        String token = feed.token(Instant.parse("2001-01-01T00:00:00Z"));
        JsonNode created = rest.postJsonJson("/rest/v1/leads.json",
                "{\"input\":[{\"email\":\"c1@example.com\",\"firstName\":\"Cy\"},{\"email\":\"c2@example.com\"}]}");
        int id = created.path("result").get(0).path("id").asInt();
        rest.postJsonJson("/rest/v1/leads.json", "{\"input\":[{\"email\":\"c1@example.com\",\"firstName\":\"\"}]}");
        rest.postJsonJson("/rest/v1/leads/delete.json", "{\"input\":[{\"id\":" + id + "}]}");
        ActivityFeed.Result changes = feed.readAll("/leadchanges.json", token, "fields=firstName,email&batchSize=20");
        assertThat(changes.records()).hasSize(30 + 2 + 1);
        feed.readAll("/deletedleads.json", token, "batchSize=300");
        feed.readAll(".json", token, "activityTypeIds=12,13,37&leadIds=" + id);
        rest.getJson("/rest/v1/activities/types.json");
        rest.getJson("/rest/v1/activities/leadchanges.json?nextPageToken=" + RestCalls.enc(token)); // 1003: no fields

        ContractReport report = contract.check(emulator.get().recorder().exchanges());
        System.out.println("activities: " + report);
        int reads = changes.pages() + 1 + 1;
        assertThat(report.requestsChecked()).isEqualTo(1 + 3 + reads + 1 + 1);
        assertThat(report.responsesValidated()).isEqualTo(report.requestsChecked());
        assertThat(report.violations()).extracting(Object::toString).containsExactly(
                "GET /rest/v1/activities/leadchanges.json [request] required query parameter 'fields' missing");
    }

    @Test
    void leadListAndBulkExportEndpointsMatchTheDocument() {
        emulator.get().rest().exportTiming(Duration.ZERO, Duration.ZERO);
        rest.getJson("/rest/v1/leads.json?filterType=email&filterValues=lead1@example.com,lead2@example.com"
                     + "&fields=email,firstName,updatedAt");
        rest.postForm("/rest/v1/leads.json?_method=GET", "filterType=id&filterValues=1000001,1000002&batchSize=10");
        rest.postJsonJson("/rest/v1/leads.json", "{\"action\":\"createOnly\",\"lookupField\":\"email\",\"input\":"
                                                 + "[{\"email\":\"lead1@example.com\"},{\"email\":\"new@example.com\",\"company\":\"N\"}]}");
        rest.getJson("/rest/v1/leads/describe.json");
        JsonNode lists = rest.getJson("/rest/v1/lists.json");
        int listId = lists.path("result").get(0).path("id").asInt();
        rest.getJson("/rest/v1/lists/" + listId + "/leads.json?batchSize=2&fields=email");
        rest.postJsonJson("/rest/v1/lists/" + listId + "/leads.json", "{\"input\":[{\"id\":1000002}]}");
        JsonNode job = rest.postJsonJson("/bulk/v1/leads/export/create.json",
                "{\"fields\":[\"id\",\"email\"],\"format\":\"CSV\",\"filter\":{\"staticListId\":" + listId + "}}");
        String exportId = job.path("result").get(0).path("exportId").asText();
        rest.post("/bulk/v1/leads/export/" + exportId + "/enqueue.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> "Completed".equals(
                rest.getJson("/bulk/v1/leads/export/" + exportId + "/status.json").path("result").get(0)
                        .path("status").asText()));
        assertThat(rest.get("/bulk/v1/leads/export/" + exportId + "/file.json").statusCode()).isEqualTo(200);
        rest.getJson("/bulk/v1/leads/export.json?status=Completed");

        ContractReport report = contract.check(emulator.get().recorder().exchanges());
        System.out.println("leads, lists, bulk export: " + report);
        assertThat(report.violations()).isEmpty();
        assertThat(report.responsesSkipped()).as("the CSV file").isEqualTo(1);
        assertThat(report.responsesValidated()).isEqualTo(report.requestsChecked() - 1);
    }

    @Test
    void theOtherLeadEndpointsMatchTheDocument() {
        emulator.get().rest().exportTiming(Duration.ZERO, Duration.ofMinutes(5));
        int listId = rest.getJson("/rest/v1/lists.json?name=VIP").path("result").get(0).path("id").asInt();
        int lead = 1000001;
        rest.getJson("/rest/v1/leads/describe2.json");
        rest.getJson("/rest/v1/lead/" + lead + ".json?fields=email,company");
        rest.getJson("/rest/v1/leads/" + lead + "/listMembership.json");
        rest.getJson("/rest/v1/leads/" + lead + "/programMembership.json");
        rest.getJson("/rest/v1/leads/" + lead + "/smartCampaignMembership.json");
        rest.getJson("/rest/v1/lists/" + listId + ".json");
        rest.getJson("/rest/v1/list/" + listId + "/leads.json?batchSize=5");
        rest.getJson("/rest/v1/lists/" + listId + "/leads/ismember.json?id=" + lead + ",1000002");
        rest.getJson("/rest/v1/leads/programs/2001.json?batchSize=5");
        rest.postJsonJson("/rest/v1/leads/push.json", "{\"programName\":\"Webinar 2026\",\"source\":\"test\","
                                                      + "\"input\":[{\"email\":\"pushed@example.com\"}]}");
        rest.post("/rest/v1/leads/" + lead + "/associate.json?cookie=id:123-ABC-456%26token:_mch-x");
        rest.post("/rest/v1/leads/" + lead + "/merge.json?leadId=1000003");
        rest.send(java.net.http.HttpRequest.newBuilder(rest.uri("/rest/v1/lists/" + listId + "/leads.json?id=" + lead))
                .header("Authorization", "Bearer " + rest.token()).DELETE());
        String exportId = rest.postJsonJson("/bulk/v1/leads/export/create.json",
                "{\"fields\":[\"id\"],\"filter\":{\"staticListId\":" + listId + "}}").path("result").get(0)
                .path("exportId").asText();
        rest.post("/bulk/v1/leads/export/" + exportId + "/enqueue.json");
        rest.post("/bulk/v1/leads/export/" + exportId + "/cancel.json");

        ContractReport report = contract.check(emulator.get().recorder().exchanges());
        System.out.println("other lead endpoints: " + report);
        assertThat(report.requestsChecked()).isEqualTo(17);
        assertThat(report.responsesValidated()).isEqualTo(17);
        assertThat(report.violations()).isEmpty();
    }
}

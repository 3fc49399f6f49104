package io.github.camelmarketo.emulator.leadsquared;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadSquaredApiTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(200));

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void returnsRequestedColumnsInRequestOrderAndLeavesOutUnknownIds() throws Exception {
        String first = id(0);
        String fifth = id(4);
        String unknown = "0acb9356-bcd1-4128-b63a-97f52cb8cc3c";
        HttpResponse<String> response = post(body(List.of(fifth, unknown, "not-a-guid", first, fifth),
                "ProspectId, FirstName, EmailAddress, CreatedOn, ProspectStage, NoSuchField", 1, 1000));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("RecordCount").asInt()).isEqualTo(2);
        JsonNode leads = json.get("Leads");
        assertThat(leads).hasSize(2);
        assertThat(leads.get(0).get("ProspectId").asText()).isEqualTo(fifth);
        assertThat(leads.get(0).get("EmailAddress").asText()).isEqualTo("lead5@example.com");
        assertThat(leads.get(1).get("ProspectId").asText()).isEqualTo(first);
        assertThat(leads.get(1).get("FirstName").asText()).isNotBlank();
        assertThat(leads.get(1).get("CreatedOn").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
        assertThat(leads.get(1).get("ProspectStage").asText()).isEqualTo("Prospect");
        assertThat(leads.get(1).get("NoSuchField").isNull()).isTrue();
        assertThat(fieldNames(leads.get(0)))
                .containsExactly("ProspectId", "FirstName", "EmailAddress", "CreatedOn", "ProspectStage", "NoSuchField");
        assertThat(emulator.get().counters().responses(Api.LEADSQUARED, "200")).isEqualTo(1);
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION)).isEqualTo(1);
    }

    @Test
    void pagesThroughTheFoundLeads() throws Exception {
        List<String> ids = IntStream.range(0, 25).mapToObj(LeadSquaredApiTest::id).toList();
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode json = JSON.readTree(post(body(ids, "ProspectId", page, 10)).body());
            assertThat(json.get("RecordCount").asInt()).isEqualTo(25);
            json.get("Leads").forEach(lead -> seen.add(lead.get("ProspectId").asText()));
        }
        assertThat(seen).containsExactlyElementsOf(ids);
        JsonNode beyond = JSON.readTree(post(body(ids, "ProspectId", 4, 10)).body());
        assertThat(beyond.get("Leads")).isEmpty();
    }

    @Test
    void recordCountPerPageCountsTheLeadsOfTheAnsweredPageUntilReset() throws Exception {
        emulator.get().leadSquared().recordCount(LeadSquaredApi.RecordCount.PER_PAGE);
        List<String> ids = new ArrayList<>(IntStream.range(0, 25).mapToObj(LeadSquaredApiTest::id).toList());
        ids.add(7, "0acb9356-bcd1-4128-b63a-97f52cb8cc3c");
        List<Integer> counts = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            JsonNode json = JSON.readTree(post(body(ids, "ProspectId", page, 10)).body());
            counts.add(json.get("RecordCount").asInt());
            sizes.add(json.get("Leads").size());
        }
        assertThat(sizes).containsExactly(10, 10, 5, 0);
        assertThat(counts).isEqualTo(sizes);

        emulator.get().reset();
        assertThat(emulator.get().leadSquared().recordCount()).isEqualTo(LeadSquaredApi.RecordCount.PER_REQUEST);
        JsonNode json = JSON.readTree(post(body(ids, "ProspectId", 3, 10)).body());
        assertThat(json.get("RecordCount").asInt()).isEqualTo(25);
        assertThat(json.get("Leads")).hasSize(5);
    }

    @Test
    void answersCanOmitRequestedColumnsAsTheDocumentsExampleAnswerDoes() throws Exception {
        emulator.get().leadSquared().omitColumns(LeadSquaredApi.EXAMPLE_OMITTED_COLUMNS);
        // the Include_CSV of the document's example request
        String columns = "CreatedOn, ModifiedOn, CompanyType, EmailAddress, ProspectId, OwnerIdEmailAddress, ProspectAutoID,"
                         + " FirstName, LastName, ProspectStage";
        JsonNode json = JSON.readTree(post(body(List.of(id(2), id(0)), columns, 1, 1000)).body());

        assertThat(json.get("RecordCount").asInt()).isEqualTo(2);
        assertThat(fieldNames(json.get("Leads").get(0)))
                .containsExactly("CreatedOn", "ModifiedOn", "CompanyType", "EmailAddress", "FirstName", "LastName", "ProspectStage");
        assertThat(json.get("Leads").get(0).get("EmailAddress").asText()).isEqualTo("lead3@example.com");
        assertThat(json.get("Leads").get(1).get("EmailAddress").asText()).isEqualTo("lead1@example.com");
        // names ignore case
        JsonNode autoId = JSON.readTree(post(body(List.of(id(0)), "prospectautoid,EmailAddress", 1, 10)).body());
        assertThat(fieldNames(autoId.get("Leads").get(0))).containsExactly("EmailAddress");

        emulator.get().leadSquared().omitColumns(List.of());
        assertThat(fieldNames(JSON.readTree(post(body(List.of(id(0)), "ProspectId", 1, 10)).body()).get("Leads").get(0)))
                .containsExactly("ProspectId");
    }

    @Test
    void theBuilderSetsTheReadingsThatResetRestores() {
        MarketoEmulator configured = MarketoEmulator.builder().leadSquaredRecordCount(LeadSquaredApi.RecordCount.PER_PAGE)
                .leadSquaredOmittedColumns("ProspectId", "OwnerIdEmailAddress").build();
        configured.leadSquared().recordCount(LeadSquaredApi.RecordCount.PER_REQUEST);
        configured.leadSquared().omitColumns(List.of());
        configured.reset();
        assertThat(configured.leadSquared().recordCount()).isEqualTo(LeadSquaredApi.RecordCount.PER_PAGE);
        assertThat(configured.leadSquared().omittedColumns()).containsExactlyInAnyOrder("prospectid", "owneridemailaddress");
        assertThat(emulator.get().leadSquared().omittedColumns()).isEmpty();
    }

    @Test
    void anInjectedBodyIsAnsweredVerbatim() throws Exception {
        emulator.get().faults().inject(Api.LEADSQUARED, LeadSquaredApi.OPERATION, Fault.Body.json("{\"Leads\":\"none\"}"), 1);
        HttpResponse<String> injected = post(body(List.of(id(1)), "ProspectId", 1, 10));
        assertThat(injected.statusCode()).isEqualTo(200);
        assertThat(injected.body()).isEqualTo("{\"Leads\":\"none\"}");
        assertThat(injected.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        emulator.get().faults().inject(Api.LEADSQUARED, new Fault.Body(200, "text/html", "<html>proxy</html>"), 1);
        assertThat(post(body(List.of(id(1)), "ProspectId", 1, 10)).body()).isEqualTo("<html>proxy</html>");
        assertThat(JSON.readTree(post(body(List.of(id(1)), "ProspectId", 1, 10)).body()).get("RecordCount").asInt()).isEqualTo(1);
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED, LeadSquaredApi.OPERATION)).isEqualTo(3);
    }

    @Test
    void seesLeadsCreatedAndDeletedThroughTheSharedStore() throws Exception {
        LeadStore store = emulator.get().store();
        int created = store.create(l -> l.setEmail("new@example.com")).getId();
        store.delete(LeadStore.FIRST_ID);
        JsonNode json = JSON.readTree(post(body(List.of(LeadSquaredApi.prospectIdOf(created), id(0)),
                "ProspectAutoId,EmailAddress", 1, 10)).body());
        assertThat(json.get("RecordCount").asInt()).isEqualTo(1);
        assertThat(json.get("Leads").get(0).get("ProspectAutoId").asText()).isEqualTo(Integer.toString(created));
        assertThat(json.get("Leads").get(0).get("EmailAddress").asText()).isEqualTo("new@example.com");
    }

    @Test
    void acceptsTheKeysAsHeaders() throws Exception {
        MarketoEmulator emu = emulator.get();
        HttpRequest request = HttpRequest.newBuilder(URI.create(emu.getLeadSquaredUrl() + LeadSquaredApi.BY_IDS_PATH))
                .header("Content-Type", "application/json")
                .header("x-LSQ-AccessKey", emu.getLeadSquaredAccessKey())
                .header("x-LSQ-SecretKey", emu.getLeadSquaredSecretKey())
                .POST(HttpRequest.BodyPublishers.ofString(body(List.of(id(1)), "ProspectId", 1, 10))).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongKeysAre401() throws Exception {
        MarketoEmulator emu = emulator.get();
        HttpResponse<String> response = send(emu.getLeadSquaredUrl() + LeadSquaredApi.BY_IDS_PATH + "?accessKey="
                                             + emu.getLeadSquaredAccessKey() + "&secretKey=wrong",
                "application/json", body(List.of(id(1)), "ProspectId", 1, 10));
        assertError(response, 401, "MXUnAuthorizedAccessException");
        assertThat(emu.counters().responses(Api.LEADSQUARED, "401")).isEqualTo(1);
    }

    @Test
    void badBodiesAre400() throws Exception {
        assertError(post("{not json"), 400, "MXInvalidInputException");
        assertError(post("{\"Columns\":{\"Include_CSV\":\"ProspectId\"}}"), 400, "MXMandatoryAttributeMissingException");
        assertError(post("{\"SearchParameters\":{\"LeadIds\":[\"" + id(1) + "\"]}}"), 400,
                "MXMandatoryAttributeMissingException");
        assertError(post("{\"SearchParameters\":{\"LeadIds\":\"" + id(1) + "\"},\"Columns\":{\"Include_CSV\":\"ProspectId\"}}"),
                400, "MXInvalidInputException");
        assertError(post(body(List.of(id(1)), "ProspectId", 0, 10)), 400, "MXInvalidInputException");
        assertError(post(body(List.of(id(1)), "ProspectId", 1, 10_001)), 400, "MXInvalidInputException");
        assertError(send(url(), "text/plain", body(List.of(id(1)), "ProspectId", 1, 10)), 400, "MXInvalidInputException");
        assertThat(emulator.get().counters().responses(Api.LEADSQUARED, "400")).isEqualTo(7);
    }

    @Test
    void moreThanTheVendorMaximumOfIdsIs400() throws Exception {
        List<String> ids = IntStream.range(0, LeadSquaredApi.MAX_LEAD_IDS + 1)
                .mapToObj(i -> LeadSquaredApi.prospectIdOf(i + 5_000_000)).toList();
        HttpResponse<String> response = post(body(ids, "ProspectId", 1, 1000));
        assertError(response, 400, "MXInvalidInputException");
        assertThat(JSON.readTree(response.body()).get("ExceptionMessage").asText()).contains("10000", "10001");
        List<String> maximum = ids.subList(0, LeadSquaredApi.MAX_LEAD_IDS);
        assertThat(post(body(maximum, "ProspectId", 1, 1000)).statusCode()).isEqualTo(200);
    }

    @Test
    void otherPathsAndMethodsAre404() throws Exception {
        MarketoEmulator emu = emulator.get();
        assertError(send(emu.getLeadSquaredUrl() + "/v2/LeadManagement.svc/Leads/Retrieve/ByNothing", "application/json", "{}"),
                404, "MXAPINotFoundException");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(url())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(get, 404, "MXAPINotFoundException");
    }

    @Test
    void overTheWindowIs429WithTheVendorMessage() throws Exception {
        emulator.get().limits().setPolicy(Api.LEADSQUARED, LimitPolicy.leadSquared().withCallsPerWindow(3, Duration.ofMinutes(1)));
        String body = body(List.of(id(1)), "ProspectId", 1, 10);
        for (int i = 0; i < 3; i++) {
            assertThat(post(body).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = post(body);
        assertError(refused, 429, "MXAPIRateLimitExceededException");
        assertThat(JSON.readTree(refused.body()).get("ExceptionMessage").asText())
                .isEqualTo("API calls exceeded the limit of 3 in 60 second(s)");
        assertThat(emulator.get().counters().responses(Api.LEADSQUARED, "429")).isEqualTo(1);
    }

    @Test
    void vendorPolicyIs25CallsIn5Seconds() throws Exception {
        String body = body(List.of(id(1)), "ProspectId", 1, 10);
        for (int i = 0; i < 25; i++) {
            post(body);
        }
        HttpResponse<String> refused = post(body);
        assertThat(JSON.readTree(refused.body()).get("ExceptionMessage").asText())
                .isEqualTo("API calls exceeded the limit of 25 in 5 second(s)");
    }

    @Test
    void injectedFaults() throws Exception {
        MarketoEmulator emu = emulator.get();
        String body = body(List.of(id(1)), "ProspectId", 1, 10);
        emu.faults().inject(Api.LEADSQUARED, LeadSquaredApi.OPERATION, new Fault.HttpStatus(500), 1);
        assertError(post(body), 500, "MXUnknownException");
        emu.faults().inject(Api.LEADSQUARED, new Fault.HttpStatus(429), 1);
        assertError(post(body), 429, "MXAPIRateLimitExceededException");
        emu.faults().inject(Api.LEADSQUARED, new Fault.Latency(Duration.ofMillis(50)), 1);
        assertThat(post(body).statusCode()).isEqualTo(200);
        emu.faults().inject(Api.LEADSQUARED, new Fault.DropConnection(), 1);
        assertThatThrownBy(() -> post(body)).isInstanceOf(IOException.class);
        assertThat(post(body).statusCode()).isEqualTo(200);
        assertThat(emu.counters().responses(Api.LEADSQUARED, "500")).isEqualTo(1);
        assertThat(emu.counters().responses(Api.LEADSQUARED, "dropped")).isEqualTo(1);
        assertThat(emu.faults().pending()).isZero();
    }

    private static String id(int index) {
        return LeadSquaredApi.prospectIdOf(LeadStore.FIRST_ID + index);
    }

    private static String body(List<String> ids, String columns, int pageIndex, int pageSize) throws IOException {
        return JSON.writeValueAsString(Map.of(
                "SearchParameters", Map.of("LeadIds", ids),
                "Columns", Map.of("Include_CSV", columns),
                "Paging", Map.of("PageIndex", pageIndex, "PageSize", pageSize)));
    }

    private String url() {
        MarketoEmulator emu = emulator.get();
        return emu.getLeadSquaredUrl() + LeadSquaredApi.BY_IDS_PATH + "?accessKey=" + emu.getLeadSquaredAccessKey().replace("$", "%24")
               + "&secretKey=" + emu.getLeadSquaredSecretKey();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send(url(), "application/json", body);
    }

    private HttpResponse<String> send(String url, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("Status").asText()).isEqualTo("Error");
        assertThat(json.get("ExceptionType").asText()).isEqualTo(type);
        assertThat(json.get("ExceptionMessage").asText()).isNotBlank();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package io.github.camelmarketo.emulator.contract;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checker itself: it finds the document, and it reports each kind of departure (no false silence). */
class OpenApiContractTest {

    private static OpenApiContract contract;

    @BeforeAll
    static void load() {
        contract = OpenApiContract.load();
    }

    private static RecordedExchange get(String path, Map<String, List<String>> params, String response) {
        return new RecordedExchange("GET", path, params, false, null, null, 200, "application/json;charset=UTF-8",
                response.getBytes(StandardCharsets.UTF_8));
    }

    private static final String OK_ENVELOPE = "{\"requestId\":\"a#1\",\"success\":true,\"errors\":[],\"warnings\":[],"
                                              + "\"result\":[]";

    @Test
    void findsTheSharedDocumentAboveTheWorkingDirectory() {
        assertThat(contract.source().toString().replace('\\', '/')).endsWith(OpenApiContract.DOCUMENT);
        assertThat(contract.operationCount()).isGreaterThan(100);
    }

    @Test
    void aMissingDocumentFailsNamingThePaths(@TempDir Path dir) {
        assertThatThrownBy(() -> OpenApiContract.locate(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.resolve(OpenApiContract.DOCUMENT).toString());
        assertThatThrownBy(() -> OpenApiContract.load(dir.resolve("nope.json")))
                .hasMessageContaining(dir.resolve("nope.json").toString());
    }

    @Test
    void anExplicitPathIsLoaded(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("mapi.json");
        Files.copy(contract.source(), copy);
        // without the identity document beside it: its two token operations are missing
        assertThat(OpenApiContract.load(copy).operationCount()).isEqualTo(contract.operationCount() - 2);
        Files.copy(contract.source().resolveSibling(OpenApiContract.IDENTITY_DOCUMENT),
                dir.resolve(OpenApiContract.IDENTITY_DOCUMENT));
        assertThat(OpenApiContract.load(copy).operationCount()).isEqualTo(contract.operationCount());
    }

    @Test
    void theTokenCallIsCheckedAgainstTheIdentityDocument() {
        String token = "{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":3599,\"scope\":\"a@b\"}";
        RecordedExchange good = get("/identity/oauth/token", Map.of("grant_type", List.of("client_credentials"),
                "client_id", List.of("id"), "client_secret", List.of("s3cr3t")), token);
        RecordedExchange bad = get("/identity/oauth/token", Map.of("grant_type", List.of("client_credentials")),
                "{\"access_token\":\"t\"}");
        ContractReport report = contract.check(List.of(good, bad));
        assertThat(report.responsesValidated()).isEqualTo(2);
        assertThat(report.violations()).allMatch(v -> v.exchange() == bad).hasSize(5);
        assertThat(report.violations()).filteredOn(v -> v.side().equals("request")).extracting(Violation::message)
                .containsExactlyInAnyOrder("required query parameter 'client_id' missing",
                        "required query parameter 'client_secret' missing");
        assertThat(report.violations()).filteredOn(v -> v.side().equals("response")).extracting(Violation::message)
                .anyMatch(m -> m.contains("scope")).anyMatch(m -> m.contains("expires_in"))
                .anyMatch(m -> m.contains("token_type"));
        assertThat(good.toString()).contains("client_id=[id]").doesNotContain("s3cr3t");
    }

    @Test
    void reportsValuesThatDoNotFitTheParameterType() {
        ContractReport report = contract.check(List.of(
                get("/rest/v1/activities/pagingtoken.json", Map.of("sinceDatetime", List.of("yesterday")), OK_ENVELOPE + "}"),
                get("/rest/v1/activities/pagingtoken.json", Map.of("sinceDatetime", List.of("2026-01-01T00:00:00Z")),
                        OK_ENVELOPE + "}"),
                get("/identity/oauth/token", Map.of("grant_type", List.of("password"), "client_id", List.of("i"),
                        "client_secret", List.of("s")), "{\"access_token\":\"t\",\"token_type\":\"bearer\","
                                                          + "\"expires_in\":1,\"scope\":\"a\"}")));
        assertThat(report.violations()).extracting(Violation::message).containsExactly(
                "parameter 'sinceDatetime' must be an ISO-8601 date-time with offset, was 'yesterday'",
                "parameter 'grant_type' must be one of [client_credentials], was 'password'");
    }

    @Test
    void reportsUnknownOperationsMissingUndocumentedAndNonIntegerParameters() {
        ContractReport report = contract.check(List.of(
                get("/rest/v1/nothing.json", Map.of(), OK_ENVELOPE + "}"),
                get("/rest/v1/activities/leadchanges.json", Map.of("nextPageToken", List.of("T"),
                        "fields", List.of("email"), "leadId", List.of("5")), OK_ENVELOPE + ",\"moreResult\":false}"),
                get("/rest/v1/activities.json", Map.of("nextPageToken", List.of("T"),
                        "activityTypeIds", List.of("12,x"), "access_token", List.of("t")), OK_ENVELOPE + "}"),
                get("/rest/v1/activities/pagingtoken.json", Map.of(), OK_ENVELOPE + "}")));

        assertThat(report.requestsChecked()).isEqualTo(4);
        assertThat(report.violations()).extracting(Violation::message).containsExactly(
                "no operation GET /rest/v1/nothing.json in the document",
                "undocumented parameter 'leadId' (GET /rest/v1/activities/leadchanges.json documents [batchSize,"
                + " fields, leadIds, listId, nextPageToken])",
                "parameter 'activityTypeIds' must be an integer, was 'x'",
                "required query parameter 'sinceDatetime' missing");
    }

    @Test
    void reportsResponsesThatDepartFromTheSchemaAndAcceptsErrorEnvelopes() {
        Map<String, List<String>> params = Map.of("nextPageToken", List.of("T"), "activityTypeIds", List.of("12"));
        ContractReport report = contract.check(List.of(
                get("/rest/v1/activities.json", params, "{\"requestId\":\"a#1\",\"success\":true,\"errors\":[],"
                                                        + "\"warnings\":[],\"result\":[{\"id\":1,\"leadId\":5,\"activityTypeId\":\"12\",\"attributes\":[]}]}"),
                get("/rest/v1/activities.json", params, "{\"requestId\":\"a#2\",\"success\":false,"
                                                        + "\"errors\":[{\"code\":\"1003\",\"message\":\"bad\"}]}"),
                get("/rest/v1/activities.json", params, "{\"requestId\":\"a#3\",\"success\":false,\"errors\":[]}")));

        assertThat(report.responsesValidated()).isEqualTo(3);
        assertThat(report.violations()).extracting(Violation::side).containsOnly("response");
        assertThat(report.violations()).extracting(Violation::message).anyMatch(m -> m.contains("activityDate"))
                .anyMatch(m -> m.startsWith("/result/0/activityTypeId"))
                .anyMatch(m -> m.startsWith("/errors"));
        assertThat(report.violations()).noneMatch(v -> v.exchange().responseText().contains("a#2"));
    }

    @Test
    void validatesJsonRequestBodies() {
        RecordedExchange badSync = new RecordedExchange("POST", "/rest/v1/leads.json", Map.of(), false,
                "application/json", "{\"input\":\"not-an-array\"}", 200, "application/json",
                (OK_ENVELOPE + "}").getBytes(StandardCharsets.UTF_8));
        RecordedExchange noBody = new RecordedExchange("POST", "/bulk/v1/leads/export/create.json", Map.of(), false,
                null, null, 200, "application/json", (OK_ENVELOPE + "}").getBytes(StandardCharsets.UTF_8));
        ContractReport report = contract.check(List.of(badSync, noBody));
        assertThat(report.violations()).extracting(Violation::message)
                .anyMatch(m -> m.startsWith("body /input"));
        assertThat(report.toString()).contains("2 requests checked");
    }

    @Test
    void everySpecGapHasAReason() {
        assertThat(OpenApiContract.SPEC_GAPS).isNotEmpty()
                .allSatisfy(gap -> assertThat(gap.reason()).hasSizeGreaterThan(20));
    }
}

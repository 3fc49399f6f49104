package io.github.camelmarketo.emulator.rest;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk Lead Import on the wire: multipart upload, limits (10 MB, 10 queued batches), status, failures, warnings. */
class RestBulkImportTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(20));

    private static final String BOUNDARY = "----emulator-test-boundary";

    private RestCalls rest;

    @BeforeEach
    void setUp() {
        rest = new RestCalls(emulator.get());
    }

    private JsonNode upload(String query, byte[] file) {
        return RestCalls.json(uploadRaw(query, file, "multipart/form-data; boundary=" + BOUNDARY));
    }

    private HttpResponse<String> uploadRaw(String query, byte[] file, String contentType) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
                         + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return rest.send(HttpRequest.newBuilder(rest.uri("/bulk/v1/leads.json" + query))
                .header("Authorization", "Bearer " + rest.token()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private JsonNode awaitDone(int batchId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonNode batch = rest.getJson("/bulk/v1/leads/batch/" + batchId + ".json").path("result").get(0);
            String status = batch.path("status").asText();
            if ("Complete".equals(status) || "Failed".equals(status)) {
                return batch;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("batch " + batchId + " did not finish");
    }

    @Test
    void importReportsCountsFailuresAndWarnings() throws InterruptedException {
        String csv = "email,firstName,title\n"
                     + "ok1@example.com,Ok,Engineer\n"
                     + "not-an-email,Bad,Engineer\n"
                     + "long@example.com,Long," + "T".repeat(300) + "\n"
                     + "lead1@example.com,Updated,\n";
        JsonNode submitted = upload("?format=csv&lookupField=email", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(submitted.path("success").asBoolean()).isTrue();
        JsonNode queued = submitted.path("result").get(0);
        assertThat(queued.path("status").asText()).isEqualTo("Queued");
        assertThat(queued.path("numOfLeadsProcessed").asInt()).isZero();

        JsonNode done = awaitDone(queued.path("batchId").asInt());
        assertThat(done.path("status").asText()).isEqualTo("Complete");
        assertThat(done.path("numOfLeadsProcessed").asInt()).isEqualTo(3);
        assertThat(done.path("numOfRowsFailed").asInt()).isEqualTo(1);
        assertThat(done.path("numOfRowsWithWarning").asInt()).isEqualTo(1);
        assertThat(done.path("message").asText()).startsWith("Import completed with errors, 3 records imported");

        String failures = rest.get("/bulk/v1/leads/batch/" + queued.path("batchId").asInt() + "/failures.json").body();
        assertThat(failures.split("\n")).containsExactly("email,firstName,title,Import Failure Reason",
                "not-an-email,Bad,Engineer,Invalid value for field 'email': 'not-an-email' is not an email address");
        String warnings = rest.get("/bulk/v1/leads/batch/" + queued.path("batchId").asInt() + "/warnings.json").body();
        assertThat(warnings.split("\n")).hasSize(2);
        assertThat(warnings.split("\n")[1]).endsWith("Value for field 'title' truncated to 255 characters");
        assertThat(emulator.get().store().findByEmail("lead1@example.com").get(0).getAttributes())
                .containsEntry("FirstName", "Updated");
    }

    @Test
    void limitsAndBadRequests() {
        emulator.get().rest().importTiming(Duration.ofMinutes(5), Duration.ofMillis(1));
        byte[] small = "email\nq@example.com\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 10; i++) {
            assertThat(upload("?format=csv", small).path("success").asBoolean()).isTrue();
        }
        assertThat(RestCalls.errorCode(upload("?format=csv", small))).isEqualTo("1016");

        byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(tooBig, (byte) 'a');
        JsonNode big = upload("?format=csv", tooBig);
        assertThat(RestCalls.errorCode(big)).isEqualTo("1003");
        assertThat(big.path("errors").get(0).path("message").asText()).contains("10 MB");

        assertThat(RestCalls.errorCode(upload("", small))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(upload("?format=xml", small))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(upload("?format=csv&listId=4242", small))).isEqualTo("1013");
        assertThat(RestCalls.errorCode(RestCalls.json(uploadRaw("?format=csv", small, "text/csv")))).isEqualTo("612");
        assertThat(RestCalls.errorCode(rest.getJson("/bulk/v1/leads/batch/9999.json"))).isEqualTo("1003");
    }
}

package io.github.camelmarketo.emulator.rest;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.LeadStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RestBulkExportTest {

    private static final String EXPORT = "/bulk/v1/leads/export";

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(600));

    private RestCalls rest;

    @BeforeEach
    void setUp() {
        rest = new RestCalls(emulator.get());
    }

    private String create(String filter) {
        JsonNode envelope = rest.postJsonJson(EXPORT + "/create.json",
                "{\"fields\":[\"id\",\"email\",\"firstName\",\"updatedAt\"],\"format\":\"CSV\",\"filter\":" + filter + "}");
        assertThat(envelope.path("success").asBoolean()).as(envelope.toString()).isTrue();
        assertThat(envelope.path("result").get(0).path("status").asText()).isEqualTo("Created");
        return envelope.path("result").get(0).path("exportId").asText();
    }

    private static String updatedAt(Instant start, Instant end) {
        return "{\"updatedAt\":{\"startAt\":\"" + start + "\",\"endAt\":\"" + end + "\"}}";
    }

    private String status(String exportId) {
        return rest.getJson(EXPORT + "/" + exportId + "/status.json").path("result").get(0).path("status").asText();
    }

    private JsonNode enqueue(String exportId) {
        return rest.post(EXPORT + "/" + exportId + "/enqueue.json");
    }

    @Test
    void extractEndToEndWithRanges() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String exportId = create(updatedAt(now.minus(Duration.ofDays(20)), now.plusSeconds(60)));
        assertThat(enqueue(exportId).path("result").get(0).path("status").asText()).isEqualTo("Queued");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> "Completed".equals(status(exportId)));
        JsonNode status = rest.getJson(EXPORT + "/" + exportId + "/status.json").path("result").get(0);
        long expected = emulator.get().store().countChangesAfter(0, now.minus(Duration.ofDays(20)), now.plusSeconds(60));
        assertThat(status.path("numberOfRecords").asLong()).isEqualTo(expected).isGreaterThan(150);

        HttpResponse<String> file = rest.get(EXPORT + "/" + exportId + "/file.json");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = file.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,email,firstName,updatedAt");
        assertThat(lines).hasSize((int) expected + 1);
        assertThat(lines.get(1)).matches("\\d+,lead\\d+@example.com,\\w+,\\d{4}-.*Z");
        assertThat(status.path("fileSize").asLong()).isEqualTo(file.body().getBytes().length);

        HttpResponse<String> head = rest.send(HttpRequest.newBuilder(rest.uri(EXPORT + "/" + exportId + "/file.json"))
                .header("Authorization", "Bearer " + rest.token()).header("Range", "bytes=0-9").GET());
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.body()).isEqualTo(file.body().substring(0, 10));
        assertThat(head.headers().firstValue("Content-Range")).contains("bytes 0-9/" + file.body().length());

        HttpResponse<String> tail = rest.send(HttpRequest.newBuilder(rest.uri(EXPORT + "/" + exportId + "/file.json"))
                .header("Authorization", "Bearer " + rest.token()).header("Range", "bytes=10-").GET());
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(head.body() + tail.body()).isEqualTo(file.body());
    }

    @Test
    void fileIsASnapshotTakenWhenProcessingStarts() {
        emulator.get().rest().exportTiming(Duration.ZERO, Duration.ofSeconds(1));
        int listId = emulator.get().store().findListByName("VIP").orElseThrow().id();
        String exportId = create("{\"staticListId\":" + listId + "}");
        enqueue(exportId);
        await().atMost(Duration.ofSeconds(5)).until(() -> !"Queued".equals(status(exportId)));

        emulator.get().store().update(LeadStore.FIRST_ID, l -> l.getAttributes().put("FirstName", "Changed"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "Completed".equals(status(exportId)));

        String body = rest.get(EXPORT + "/" + exportId + "/file.json").body();
        assertThat(body.lines().count()).isEqualTo(61);
        assertThat(body).doesNotContain("Changed");
    }

    @Test
    void rangeOver31DaysAndBadFiltersAre1003() {
        Instant now = Instant.now();
        JsonNode tooLong = rest.postJsonJson(EXPORT + "/create.json", "{\"fields\":[\"id\"],\"filter\":"
                                                                    + updatedAt(now.minus(Duration.ofDays(32)), now) + "}");
        assertThat(RestCalls.errorCode(tooLong)).isEqualTo("1003");
        assertThat(tooLong.path("errors").get(0).path("message").asText()).contains("31 days");

        assertThat(RestCalls.errorCode(rest.postJsonJson(EXPORT + "/create.json", "{\"fields\":[\"id\"]}")))
                .isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.postJsonJson(EXPORT + "/create.json",
                "{\"fields\":[\"nope\"],\"filter\":{\"staticListId\":1001}}"))).isEqualTo("1006");
        assertThat(RestCalls.errorCode(rest.postJsonJson(EXPORT + "/create.json",
                "{\"fields\":[\"id\"],\"filter\":{\"smartListId\":1}}"))).isEqualTo("1035");
        assertThat(RestCalls.errorCode(rest.getJson(EXPORT + "/nope/status.json"))).isEqualTo("1003");
    }

    @Test
    void twoJobsProcessAtOnceAndTenQueueThen1029() {
        emulator.get().rest().exportTiming(Duration.ZERO, Duration.ofMinutes(5));
        int listId = emulator.get().store().findListByName("VIP").orElseThrow().id();
        String filter = "{\"staticListId\":" + listId + "}";
        String first = create(filter);
        String second = create(filter);
        enqueue(first);
        enqueue(second);
        await().atMost(Duration.ofSeconds(5)).until(() -> "Processing".equals(status(first))
                                                            && "Processing".equals(status(second)));
        for (int i = 0; i < 10; i++) {
            assertThat(enqueue(create(filter)).path("success").asBoolean()).isTrue();
        }
        String eleventh = create(filter);
        JsonNode refused = enqueue(eleventh);

        assertThat(RestCalls.errorCode(refused)).isEqualTo("1029");
        assertThat(refused.path("errors").get(0).path("message").asText()).contains("Too many jobs in queue");
        assertThat(status(eleventh)).isEqualTo("Created");
        JsonNode queued = rest.getJson(EXPORT + ".json?status=Queued").path("result");
        assertThat(queued).hasSize(10);
        assertThat(RestCalls.errorCode(enqueue(first))).isEqualTo("1029");

        JsonNode cancelled = rest.post(EXPORT + "/" + first + "/cancel.json");
        assertThat(cancelled.path("result").get(0).path("status").asText()).isEqualTo("Cancelled");
        await().atMost(Duration.ofSeconds(5)).until(() -> rest.getJson(EXPORT + ".json?status=Processing")
                .path("result").size() == 2);
        assertThat(RestCalls.errorCode(rest.getJson(EXPORT + "/" + second + "/file.json"))).isEqualTo("1003");
    }
}

package io.github.camelmarketo.emulator.rest;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bulk Lead Extract subscription rules: the updatedAt filter switch (1035), file retention, the daily allowance. */
class RestBulkExportLimitsTest {

    private static final String EXPORT = "/bulk/v1/leads/export";

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(50));

    private RestCalls rest;

    @BeforeEach
    void setUp() {
        rest = new RestCalls(emulator.get());
        emulator.get().rest().exportTiming(Duration.ZERO, Duration.ZERO);
    }

    private JsonNode create(String filter) {
        return rest.postJsonJson(EXPORT + "/create.json", "{\"fields\":[\"id\",\"email\"],\"filter\":" + filter + "}");
    }

    private String updatedAt() {
        Instant now = emulator.get().clock().instant();
        return "{\"updatedAt\":{\"startAt\":\"" + Json.date(now.minus(Duration.ofDays(30))) + "\",\"endAt\":\""
               + Json.date(now) + "\"}}";
    }

    private String listFilter() {
        return "{\"staticListId\":" + emulator.get().store().findListByName("VIP").orElseThrow().id() + "}";
    }

    private JsonNode status(String exportId) {
        return rest.getJson(EXPORT + "/" + exportId + "/status.json");
    }

    /** Creates, enqueues and waits for a completed job; returns its id. */
    private String completedJob(String filter) {
        JsonNode created = create(filter);
        assertThat(created.path("success").asBoolean()).as(created.toString()).isTrue();
        String exportId = created.path("result").get(0).path("exportId").asText();
        assertThat(rest.post(EXPORT + "/" + exportId + "/enqueue.json").path("success").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> "Completed".equals(status(exportId).path("result").get(0).path("status").asText()));
        return exportId;
    }

    @Test
    void updatedAtFilterCanBeSwitchedOffAtRunTimeAndAnswers1035() {
        assertThat(create(updatedAt()).path("success").asBoolean()).isTrue();

        emulator.get().rest().exportUpdatedAtFilter(false);
        JsonNode refused = create(updatedAt());
        assertThat(RestCalls.errorCode(refused)).isEqualTo("1035");
        assertThat(refused.path("errors").get(0).path("message").asText())
                .contains("Unsupported filter type for target subscription").contains("updatedAt");
        assertThat(create(listFilter()).path("success").asBoolean()).as("other filters still work").isTrue();
        assertThat(create("{\"createdAt\":" + updatedAt().substring("{\"updatedAt\":".length())).path("success")
                .asBoolean()).as("createdAt still works").isTrue();

        emulator.get().reset();
        rest.token();
        assertThat(create(updatedAt()).path("success").asBoolean()).as("reset restores the builder's value").isTrue();
    }

    @Test
    void updatedAtFilterSwitchedOffByTheBuilder() {
        try (MarketoEmulator off = MarketoEmulator.builder().leads(5).exportUpdatedAtFilter(false).build().start()) {
            RestCalls calls = new RestCalls(off);
            Instant now = off.clock().instant();
            JsonNode refused = calls.postJsonJson(EXPORT + "/create.json", "{\"fields\":[\"id\"],\"filter\":"
                                                                           + "{\"updatedAt\":{\"startAt\":\"" + Json.date(now.minus(Duration.ofDays(1))) + "\",\"endAt\":\""
                                                                           + Json.date(now) + "\"}}}");
            assertThat(RestCalls.errorCode(refused)).isEqualTo("1035");
        }
    }

    @Test
    void filesAreKeptSevenDaysAndJobStatusThirtyDays() {
        String exportId = completedJob(listFilter());
        assertThat(rest.get(EXPORT + "/" + exportId + "/file.json").statusCode()).isEqualTo(200);

        emulator.get().setClockOffset(Duration.ofDays(6).plusHours(23));
        rest.token();
        assertThat(rest.get(EXPORT + "/" + exportId + "/file.json").statusCode()).isEqualTo(200);

        emulator.get().setClockOffset(Duration.ofDays(8));
        rest.token();
        JsonNode expired = rest.getJson(EXPORT + "/" + exportId + "/file.json");
        assertThat(RestCalls.errorCode(expired)).isEqualTo("1003");
        assertThat(expired.path("errors").get(0).path("message").asText()).contains("no longer available")
                .contains("7 days");
        assertThat(status(exportId).path("result").get(0).path("status").asText()).isEqualTo("Completed");
        assertThat(rest.getJson(EXPORT + ".json").path("result")).as("export.json lists the past 7 days").isEmpty();

        emulator.get().setClockOffset(Duration.ofDays(31));
        rest.token();
        JsonNode unknown = status(exportId);
        assertThat(RestCalls.errorCode(unknown)).isEqualTo("1003");
        assertThat(unknown.path("errors").get(0).path("message").asText()).contains("not found");
        assertThat(RestCalls.errorCode(rest.getJson(EXPORT + "/0f0f0f0f-no-such-job/file.json"))).isEqualTo("1003");
    }

    @Test
    void dailyAllowanceOfCompletedBytesAnswers1029UntilTheNextCentralDay() {
        emulator.get().rest().exportDailyQuota(1);
        String first = completedJob(listFilter());
        long fileSize = status(first).path("result").get(0).path("fileSize").asLong();
        assertThat(fileSize).isGreaterThan(0);
        assertThat(emulator.get().rest().exportedToday()).isEqualTo(fileSize);

        JsonNode refused = create(listFilter());
        assertThat(RestCalls.errorCode(refused)).isEqualTo("1029");
        assertThat(refused.path("errors").get(0).path("message").asText()).contains("Export daily quota exceeded");

        emulator.get().rest().exportDailyQuota(fileSize + 1);
        String created = create(listFilter()).path("result").get(0).path("exportId").asText();
        emulator.get().rest().exportDailyQuota(fileSize);
        assertThat(RestCalls.errorCode(rest.post(EXPORT + "/" + created + "/enqueue.json"))).isEqualTo("1029");
        assertThat(status(created).path("result").get(0).path("status").asText()).isEqualTo("Created");

        emulator.get().setClockOffset(Duration.ofDays(1));
        rest.token();
        assertThat(emulator.get().rest().exportedToday()).isZero();
        assertThat(rest.post(EXPORT + "/" + created + "/enqueue.json").path("success").asBoolean()).isTrue();
    }

    @Test
    void theDefaultAllowanceIsTheVendors500Megabytes() {
        assertThat(emulator.get().settings().exportDailyBytes()).isEqualTo(500L * 1024 * 1024);
        completedJob(listFilter());
        assertThat(create(listFilter()).path("success").asBoolean()).isTrue();
    }
}

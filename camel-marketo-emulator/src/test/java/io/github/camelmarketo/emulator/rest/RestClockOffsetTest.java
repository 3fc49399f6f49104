package io.github.camelmarketo.emulator.rest;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's clock (base + offset) drives the Date header and every date it writes, at whole seconds. */
class RestClockOffsetTest {

    private static final Instant BASE = Instant.parse("2026-03-01T10:00:00.750Z");

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(
            b -> b.leads(3).clock(Clock.fixed(BASE, ZoneOffset.UTC)).clockOffset(Duration.ofSeconds(30)));

    private RestCalls rest;

    @BeforeEach
    void setUp() {
        rest = new RestCalls(emulator.get());
    }

    @Test
    void dateHeaderAndLeadDatesUseTheOffsetClockAtWholeSeconds() {
        HttpResponse<String> response = rest.get("/rest/v1/activities/types.json");
        assertThat(response.headers().allValues("Date")).containsExactly("Sun, 01 Mar 2026 10:00:30 GMT");

        JsonNode created = rest.postJsonJson("/rest/v1/leads.json", "{\"input\":[{\"email\":\"t@example.com\"}]}");
        EmulatorLead lead = emulator.get().store().findById(created.path("result").get(0).path("id").asInt())
                .orElseThrow();
        assertThat(lead.getCreatedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:30Z"));
        assertThat(lead.getUpdatedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:30Z"));
        assertThat(emulator.get().store().findById(lead.getId() - 1).orElseThrow().getUpdatedAt().getNano()).isZero();

        emulator.get().setClockOffset(Duration.ofDays(-1));
        rest.token();
        assertThat(rest.get("/rest/v1/leads/describe.json").headers().firstValue("Date"))
                .contains("Sat, 28 Feb 2026 10:00:00 GMT");
        emulator.get().clock().advance(Duration.ofHours(1));
        assertThat(emulator.get().clock().instant()).isEqualTo(BASE.minus(Duration.ofHours(23)));
    }

    @Test
    void resetRestoresTheBuildersOffsetAndJobDatesFollowTheClock() {
        emulator.get().setClockOffset(Duration.ofDays(3));
        emulator.get().reset();
        assertThat(emulator.get().clock().offset()).isEqualTo(Duration.ofSeconds(30));
        rest.token();

        JsonNode job = rest.postJsonJson("/bulk/v1/leads/export/create.json",
                "{\"fields\":[\"id\"],\"filter\":{\"staticListId\":1001}}");
        assertThat(job.path("result").get(0).path("createdAt").asText()).isEqualTo("2026-03-01T10:00:30Z");
    }
}

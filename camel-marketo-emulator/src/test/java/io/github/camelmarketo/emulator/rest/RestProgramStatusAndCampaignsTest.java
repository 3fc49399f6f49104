package io.github.camelmarketo.emulator.rest;

import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.LeadStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Program status, campaign runs and partitions on the wire, with the vendor's limits and error codes. */
class RestProgramStatusAndCampaignsTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(200));

    private RestCalls rest;

    @BeforeEach
    void setUp() {
        rest = new RestCalls(emulator.get());
    }

    private static int id(int index) {
        return LeadStore.FIRST_ID + index;
    }

    @Test
    void programStatusChangesOnlyMembers() {
        JsonNode changed = rest.postJsonJson("/rest/v1/leads/programs/2001/status.json",
                "{\"status\":\"registered\",\"input\":[{\"id\":" + id(0) + "},{\"id\":" + id(1) + "}]}");
        assertThat(changed.path("result").get(0).path("status").asText()).isEqualTo("updated");
        assertThat(changed.path("result").get(1).path("status").asText()).isEqualTo("skipped");
        assertThat(changed.path("result").get(1).path("reasons").get(0).path("code").asText()).isEqualTo("1004");
        JsonNode membership = rest.getJson("/rest/v1/leads/" + id(0) + "/programMembership.json?filterType=id&filterValues=2001");
        assertThat(membership.path("result").get(0).path("progressionStatus").asText()).isEqualTo("Registered");

        assertThat(RestCalls.errorCode(rest.postJsonJson("/rest/v1/leads/programs/2001/status.json",
                "{\"status\":\"Engaged\",\"input\":[{\"id\":" + id(0) + "}]}"))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.postJsonJson("/rest/v1/leads/programs/2001/status.json",
                "{\"input\":[{\"id\":" + id(0) + "}]}"))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.postJsonJson("/rest/v1/leads/programs/9999/status.json",
                "{\"status\":\"Registered\",\"input\":[{\"id\":" + id(0) + "}]}"))).isEqualTo("1013");
    }

    @Test
    void triggerAndScheduleRecordRunsWithinTheVendorLimits() {
        JsonNode triggered = rest.postJsonJson("/rest/v1/campaigns/3001/trigger.json",
                "{\"input\":{\"leads\":[{\"id\":" + id(2) + "},{\"id\":99}],\"tokens\":[{\"name\":\"{{my.x}}\",\"value\":\"1\"}]}}");
        assertThat(triggered.path("result").get(0).path("id").asInt()).isEqualTo(3001);
        CampaignRun run = emulator.get().rest().campaignRuns().get(0);
        assertThat(run.leadIds()).containsExactly(id(2));
        assertThat(run.unknownLeadIds()).containsExactly(99);
        assertThat(run.tokens()).containsEntry("{{my.x}}", "1");

        StringJoiner leads = new StringJoiner(",");
        for (int i = 0; i < 101; i++) {
            leads.add("{\"id\":" + id(i) + "}");
        }
        assertThat(RestCalls.errorCode(rest.postJsonJson("/rest/v1/campaigns/3001/trigger.json",
                "{\"input\":{\"leads\":[" + leads + "]}}"))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.post("/rest/v1/campaigns/3001/trigger.json"))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.postJsonJson("/rest/v1/campaigns/3003/trigger.json",
                "{\"input\":{\"leads\":[{\"id\":" + id(2) + "}]}}"))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.postJsonJson("/rest/v1/campaigns/4242/trigger.json",
                "{\"input\":{\"leads\":[{\"id\":" + id(2) + "}]}}"))).isEqualTo("1013");
        assertThat(RestCalls.errorCode(rest.postJsonJson("/rest/v1/campaigns/3001/trigger.json",
                "{\"input\":{\"leads\":[{\"id\":" + id(2) + "}],\"tokens\":[{\"name\":\"x\",\"value\":\"1\"}]}}"))).isEqualTo("1003");

        JsonNode scheduled = rest.post("/rest/v1/campaigns/3003/schedule.json");
        assertThat(scheduled.path("success").asBoolean()).isTrue();
        assertThat(RestCalls.errorCode(rest.post("/rest/v1/campaigns/3001/schedule.json"))).isEqualTo("1003");
        assertThat(emulator.get().rest().campaignRuns()).extracting(CampaignRun::kind).containsExactly("trigger", "schedule");
    }

    @Test
    void partitionsListAndMove() {
        JsonNode partitions = rest.getJson("/rest/v1/leads/partitions.json").path("result");
        assertThat(partitions).hasSize(2);
        assertThat(partitions.get(0).path("name").asText()).isEqualTo("Default");
        JsonNode moved = rest.postJsonJson("/rest/v1/leads/partitions.json",
                "{\"input\":[{\"id\":" + id(3) + ",\"partitionName\":\"emea\"},{\"id\":" + id(4) + ",\"partitionName\":\"Mars\"}]}");
        assertThat(moved.path("result").get(0).path("status").asText()).isEqualTo("updated");
        assertThat(moved.path("result").get(1).path("reasons").get(0).path("code").asText()).isEqualTo("1013");
        assertThat(emulator.get().store().findById(id(3)).orElseThrow().getPartition()).isEqualTo("EMEA");
        assertThat(RestCalls.errorCode(rest.postJsonJson("/rest/v1/leads/partitions.json",
                "{\"input\":[{\"id\":" + id(3) + "}]}"))).isEqualTo("1003");
    }
}

package io.github.camelmarketo.emulator.rest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.StaticList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class RestListsAndProgramsTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(400));

    private RestCalls rest;

    @BeforeEach
    void setUp() {
        rest = new RestCalls(emulator.get());
    }

    @Test
    void listLookupByNameAndById() {
        StaticList vip = emulator.get().store().findListByName("VIP").orElseThrow();

        JsonNode byName = rest.getJson("/rest/v1/lists.json?name=VIP").path("result");
        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).path("id").asInt()).isEqualTo(vip.id());
        assertThat(byName.get(0).path("createdAt").asText()).endsWith("Z");

        assertThat(rest.getJson("/rest/v1/lists.json").path("result")).hasSize(emulator.get().store().lists().size());
        assertThat(rest.getJson("/rest/v1/lists/" + vip.id() + ".json").path("result").get(0).path("name").asText())
                .isEqualTo("VIP");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/lists/99.json"))).isEqualTo("1013");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/lists/99/leads.json"))).isEqualTo("1013");
    }

    @Test
    void leadsOfListOnBothPathsWithFieldsAndTerminatingToken() {
        StaticList newsletter = emulator.get().store().findListByName("Newsletter").orElseThrow();
        List<Integer> ids = new ArrayList<>();
        String token = null;
        do {
            JsonNode envelope = rest.getJson("/rest/v1/list/" + newsletter.id() + "/leads.json?batchSize=40&fields=email,company"
                                             + (token == null ? "" : "&nextPageToken=" + token));
            assertThat(envelope.path("result").size()).isLessThanOrEqualTo(40);
            envelope.path("result").forEach(l -> {
                ids.add(l.path("id").asInt());
                assertThat(l.has("company")).isTrue();
            });
            token = envelope.hasNonNull("nextPageToken") ? envelope.path("nextPageToken").asText() : null;
        } while (token != null);

        assertThat(ids).containsExactlyInAnyOrderElementsOf(newsletter.memberIds());
        JsonNode all = rest.getJson("/rest/v1/lists/" + newsletter.id() + "/leads.json");
        assertThat(all.path("result")).hasSize(newsletter.memberIds().size());
        assertThat(all.path("moreResult").asBoolean()).isFalse();
    }

    @Test
    void listMembershipOfALead() {
        JsonNode lists = rest.getJson("/rest/v1/leads/" + LeadStore.FIRST_ID + "/listMembership.json").path("result");
        assertThat(lists).extracting(l -> l.path("name").asText()).containsExactlyInAnyOrder("VIP", "Newsletter");
        assertThat(lists.get(0).path("listId").asInt()).isEqualTo(lists.get(0).path("id").asInt());

        assertThat(rest.getJson("/rest/v1/leads/" + (LeadStore.FIRST_ID + 1) + "/listMembership.json")
                .path("result")).isEmpty();
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/leads/1/listMembership.json"))).isEqualTo("1004");
    }

    @Test
    void leadsOfProgramCarryMembership() {
        List<Integer> ids = new ArrayList<>();
        String token = null;
        do {
            JsonNode envelope = rest.getJson("/rest/v1/leads/programs/2001.json?batchSize=30"
                                             + (token == null ? "" : "&nextPageToken=" + token));
            for (JsonNode lead : envelope.path("result")) {
                ids.add(lead.path("id").asInt());
                assertThat(lead.path("membership").path("progressionStatus").asText()).isNotBlank();
                assertThat(lead.path("membership").path("membershipDate").asText()).endsWith("Z");
                assertThat(lead.has("email")).isTrue();
            }
            token = envelope.hasNonNull("nextPageToken") ? envelope.path("nextPageToken").asText() : null;
        } while (token != null);

        assertThat(ids).hasSize(100).doesNotHaveDuplicates().contains(LeadStore.FIRST_ID, LeadStore.FIRST_ID + 4);
        JsonNode engagement = rest.getJson("/rest/v1/leads/programs/2002.json").path("result").get(0);
        assertThat(engagement.path("membership").path("stream").asText()).startsWith("Stream");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/leads/programs/1.json"))).isEqualTo("1013");
    }

    @Test
    void programAndSmartCampaignMembershipOfALead() {
        int leadId = LeadStore.FIRST_ID; // index 0: member of all three seeded programs
        JsonNode programs = rest.getJson("/rest/v1/leads/" + leadId + "/programMembership.json").path("result");
        assertThat(programs).extracting(p -> p.path("id").asInt()).containsExactly(2001, 2002, 2003);
        assertThat(programs.get(0).has("reachedSuccess")).isTrue();

        JsonNode filtered = rest.getJson("/rest/v1/leads/" + leadId
                                         + "/programMembership.json?filterType=id&filterValues=2002").path("result");
        assertThat(filtered).extracting(p -> p.path("id").asInt()).containsExactly(2002);

        JsonNode campaigns = rest.getJson("/rest/v1/leads/" + leadId + "/smartCampaignMembership.json").path("result");
        assertThat(campaigns).extracting(c -> c.path("smartCampaignId").asInt()).containsExactly(3001, 3002, 3003);
        assertThat(rest.getJson("/rest/v1/leads/" + (LeadStore.FIRST_ID + 1) + "/smartCampaignMembership.json")
                .path("result")).isEmpty();
    }

    @Test
    void addRemoveAndCheckListMembers() {
        int vip = emulator.get().store().findListByName("VIP").orElseThrow().id();
        int outsider = LeadStore.FIRST_ID + 1;

        JsonNode added = rest.postJsonJson("/rest/v1/lists/" + vip + "/leads.json",
                "{\"input\":[{\"id\":" + outsider + "},{\"id\":7}]}").path("result");
        assertThat(added.get(0).path("status").asText()).isEqualTo("added");
        assertThat(added.get(1).path("reasons").get(0).path("code").asText()).isEqualTo("1004");
        assertThat(emulator.get().store().findList(vip).orElseThrow().memberIds()).contains(outsider);

        JsonNode check = rest.getJson("/rest/v1/lists/" + vip + "/leads/ismember.json?id=" + outsider + ","
                                      + (LeadStore.FIRST_ID + 2)).path("result");
        assertThat(check).extracting(r -> r.path("status").asText()).containsExactly("memberof", "notmemberof");

        JsonNode removed = rest.postJsonJson("/rest/v1/lists/" + vip + "/leads.json?_method=DELETE",
                "{\"input\":[{\"id\":" + outsider + "},{\"id\":" + (LeadStore.FIRST_ID + 2) + "}]}").path("result");
        assertThat(removed.get(0).path("status").asText()).isEqualTo("removed");
        assertThat(removed.get(1).path("reasons").get(0).path("code").asText()).isEqualTo("1015");
        assertThat(emulator.get().store().findList(vip).orElseThrow().memberIds()).doesNotContain(outsider);
    }
}

package io.github.camelmarketo.emulator.rest;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class RestSyncTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(50));

    private RestCalls rest;

    @BeforeEach
    void setUp() {
        rest = new RestCalls(emulator.get());
    }

    private JsonNode sync(String body) {
        JsonNode envelope = rest.postJsonJson("/rest/v1/leads.json", body);
        assertThat(envelope.path("success").asBoolean()).as(envelope.toString()).isTrue();
        return envelope.path("result");
    }

    private static String reasonCode(JsonNode record) {
        assertThat(record.path("status").asText()).isEqualTo("skipped");
        return record.path("reasons").get(0).path("code").asText();
    }

    @Test
    void defaultActionIsCreateOrUpdateByEmail() {
        JsonNode result = sync("{\"input\":[{\"email\":\"lead1@example.com\",\"title\":\"CTO\"},"
                               + "{\"email\":\"fresh@example.com\"}]}");

        assertThat(result.get(0).path("status").asText()).isEqualTo("updated");
        assertThat(result.get(0).path("id").asInt()).isEqualTo(LeadStore.FIRST_ID);
        assertThat(result.get(1).path("status").asText()).isEqualTo("created");
        assertThat(emulator.get().store().findById(LeadStore.FIRST_ID).orElseThrow().getAttributes().get("Title"))
                .isEqualTo("CTO");
        assertThat(emulator.get().store().size()).isEqualTo(51);
    }

    @Test
    void createOnlySkipsExistingWith1005() {
        JsonNode result = sync("{\"action\":\"createOnly\",\"input\":[{\"email\":\"lead2@example.com\"},"
                               + "{\"email\":\"only@example.com\"}]}");

        assertThat(reasonCode(result.get(0))).isEqualTo("1005");
        assertThat(result.get(1).path("status").asText()).isEqualTo("created");
    }

    @Test
    void updateOnlySkipsMissingWith1004AndAcceptsIdLookup() {
        JsonNode result = sync("{\"action\":\"updateOnly\",\"input\":[{\"email\":\"ghost@example.com\"}]}");
        assertThat(reasonCode(result.get(0))).isEqualTo("1004");

        JsonNode byId = sync("{\"action\":\"updateOnly\",\"lookupField\":\"id\",\"input\":[{\"id\":"
                             + (LeadStore.FIRST_ID + 3) + ",\"lastName\":\"Byid\"},{\"id\":1,\"lastName\":\"x\"}]}");
        assertThat(byId.get(0).path("status").asText()).isEqualTo("updated");
        assertThat(reasonCode(byId.get(1))).isEqualTo("1004");
        assertThat(emulator.get().store().findById(LeadStore.FIRST_ID + 3).orElseThrow().getAttributes()
                .get("LastName")).isEqualTo("Byid");
    }

    @Test
    void idLookupNeedsUpdateOnly() {
        JsonNode error = rest.postJsonJson("/rest/v1/leads.json", "{\"lookupField\":\"id\",\"input\":[{\"id\":1}]}");
        assertThat(RestCalls.errorCode(error)).isEqualTo("1003");

        JsonNode result = sync("{\"input\":[{\"id\":" + LeadStore.FIRST_ID + ",\"email\":\"a@example.com\"}]}");
        assertThat(reasonCode(result.get(0))).isEqualTo("1003");
    }

    @Test
    void createDuplicateThenLookupMatchesSeveralWith1007() {
        JsonNode duplicate = sync("{\"action\":\"createDuplicate\",\"input\":[{\"email\":\"lead4@example.com\"}]}");
        assertThat(duplicate.get(0).path("status").asText()).isEqualTo("created");
        assertThat(duplicate.get(0).path("id").asInt()).isNotEqualTo(LeadStore.FIRST_ID + 3);

        JsonNode result = sync("{\"input\":[{\"email\":\"lead4@example.com\",\"city\":\"Oslo\"}]}");
        assertThat(reasonCode(result.get(0))).isEqualTo("1007");
    }

    @Test
    void badRecordsAreSkippedOthersSucceed() {
        JsonNode result = sync("{\"input\":[{\"email\":\"not-an-email\"},{\"email\":\"ok@example.com\",\"shoeSize\":44},"
                               + "{\"email\":\"score@example.com\",\"leadScore\":\"high\"},{\"firstName\":\"NoEmail\"},"
                               + "{\"email\":\"good@example.com\",\"leadScore\":7}]}");

        assertThat(reasonCode(result.get(0))).isEqualTo("1003");
        assertThat(reasonCode(result.get(1))).isEqualTo("1006");
        assertThat(result.get(1).path("reasons").get(0).path("message").asText()).contains("shoeSize");
        assertThat(reasonCode(result.get(2))).isEqualTo("1003");
        assertThat(reasonCode(result.get(3))).isEqualTo("1003");
        assertThat(result.get(4).path("status").asText()).isEqualTo("created");
        JsonNode lead = rest.getJson("/rest/v1/lead/" + result.get(4).path("id").asInt() + ".json?fields=leadScore")
                .path("result").get(0);
        assertThat(lead.path("leadScore").asInt()).isEqualTo(7);
    }

    @Test
    void moreThan300RecordsIs1003AndBadActionIs1003() {
        String input = IntStream.range(0, 301).mapToObj(i -> "{\"email\":\"bulk" + i + "@example.com\"}")
                .collect(Collectors.joining(",", "[", "]"));
        assertThat(RestCalls.errorCode(rest.postJsonJson("/rest/v1/leads.json", "{\"input\":" + input + "}")))
                .isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.postJsonJson("/rest/v1/leads.json",
                "{\"action\":\"upsert\",\"input\":[{\"email\":\"a@example.com\"}]}"))).isEqualTo("1003");
        assertThat(emulator.get().store().size()).isEqualTo(50);
    }

    @Test
    void partitionScopesLookupAndCreation() {
        JsonNode result = sync("{\"partitionName\":\"Europe\",\"input\":[{\"email\":\"lead5@example.com\"}]}");

        assertThat(result.get(0).path("status").asText()).isEqualTo("created");
        EmulatorLead created = emulator.get().store().findById(result.get(0).path("id").asInt()).orElseThrow();
        assertThat(created.getPartition()).isEqualTo("Europe");
    }

    @Test
    void syncByCustomLookupField() {
        sync("{\"action\":\"updateOnly\",\"input\":[{\"email\":\"lead7@example.com\",\"foreignSysPersonId\":\"SF-7\"}]}");
        JsonNode result = sync("{\"lookupField\":\"foreignSysPersonId\",\"input\":[{\"foreignSysPersonId\":\"SF-7\","
                               + "\"city\":\"Lyon\"}]}");

        assertThat(result.get(0).path("status").asText()).isEqualTo("updated");
        assertThat(result.get(0).path("id").asInt()).isEqualTo(LeadStore.FIRST_ID + 6);
    }

    @Test
    void deleteByBodyByQueryAndByMethodOverride() {
        JsonNode result = rest.postJsonJson("/rest/v1/leads/delete.json",
                "{\"input\":[{\"id\":" + LeadStore.FIRST_ID + "},{\"id\":5}]}").path("result");
        assertThat(result.get(0).path("status").asText()).isEqualTo("deleted");
        assertThat(reasonCode(result.get(1))).isEqualTo("1004");
        assertThat(emulator.get().store().findById(LeadStore.FIRST_ID)).isEmpty();

        JsonNode byQuery = rest.post("/rest/v1/leads/delete.json?id=" + (LeadStore.FIRST_ID + 1) + ","
                                     + (LeadStore.FIRST_ID + 2)).path("result");
        assertThat(byQuery).hasSize(2);
        assertThat(byQuery.get(1).path("status").asText()).isEqualTo("deleted");

        JsonNode byOverride = rest.postJsonJson("/rest/v1/leads.json?_method=DELETE",
                "{\"input\":[{\"id\":" + (LeadStore.FIRST_ID + 3) + "}]}").path("result");
        assertThat(byOverride.get(0).path("status").asText()).isEqualTo("deleted");
        assertThat(emulator.get().store().size()).isEqualTo(46);
    }

    @Test
    void mergeMovesValuesAndListsAndDeletesLosers() {
        int winner = LeadStore.FIRST_ID + 1;
        int loser = LeadStore.FIRST_ID;
        emulator.get().store().update(winner, l -> l.getAttributes().remove("Company"));
        String loserCompany = emulator.get().store().findById(loser).orElseThrow().getAttributes().get("Company");

        JsonNode envelope = rest.post("/rest/v1/leads/" + winner + "/merge.json?leadId=" + loser);

        assertThat(envelope.path("success").asBoolean()).as(envelope.toString()).isTrue();
        assertThat(emulator.get().store().findById(loser)).isEmpty();
        EmulatorLead merged = emulator.get().store().findById(winner).orElseThrow();
        assertThat(merged.getAttributes().get("Company")).isEqualTo(loserCompany);
        assertThat(merged.getEmail()).isEqualTo("lead2@example.com");
        assertThat(emulator.get().store().listsOf(winner)).extracting(l -> l.name()).contains("VIP", "Newsletter");
    }

    @Test
    void mergeLimitsAndMissingLeads() {
        String losers = IntStream.rangeClosed(1, 26).mapToObj(i -> Integer.toString(LeadStore.FIRST_ID + i))
                .collect(Collectors.joining(","));
        assertThat(RestCalls.errorCode(rest.post("/rest/v1/leads/" + LeadStore.FIRST_ID + "/merge.json?leadIds="
                                                 + losers))).isEqualTo("1080");
        assertThat(RestCalls.errorCode(rest.post("/rest/v1/leads/" + LeadStore.FIRST_ID + "/merge.json?leadIds=7")))
                .isEqualTo("1004");
        assertThat(RestCalls.errorCode(rest.post("/rest/v1/leads/" + LeadStore.FIRST_ID + "/merge.json")))
                .isEqualTo("1003");
    }

    @Test
    void associateAddsTheCookie() {
        String cookie = "id:123-EMU-456&token:_mch-localhost-1700000000000-12345";
        JsonNode envelope = rest.post("/rest/v1/leads/" + LeadStore.FIRST_ID + "/associate.json?cookie="
                                      + RestCalls.enc(cookie));

        assertThat(envelope.path("success").asBoolean()).as(envelope.toString()).isTrue();
        JsonNode found = rest.getJson("/rest/v1/leads.json?filterType=cookies&filterValues=" + RestCalls.enc(cookie));
        assertThat(found.path("result").get(0).path("id").asInt()).isEqualTo(LeadStore.FIRST_ID);
        assertThat(RestCalls.errorCode(rest.post("/rest/v1/leads/3/associate.json?cookie=x"))).isEqualTo("1004");
    }

    @Test
    void pushUpsertsIntoTheProgram() {
        JsonNode envelope = rest.postJsonJson("/rest/v1/leads/push.json", "{\"programName\":\"Webinar 2026\","
                                                                          + "\"source\":\"test\",\"input\":[{\"email\":\"pushed@example.com\",\"mktToken\":\"abc\"},"
                                                                          + "{\"email\":\"lead2@example.com\"}]}");

        assertThat(envelope.path("success").asBoolean()).as(envelope.toString()).isTrue();
        int pushed = envelope.path("result").get(0).path("id").asInt();
        assertThat(envelope.path("result").get(0).path("status").asText()).isEqualTo("created");
        assertThat(envelope.path("result").get(1).path("status").asText()).isEqualTo("updated");
        JsonNode programs = rest.getJson("/rest/v1/leads/" + pushed + "/programMembership.json").path("result");
        assertThat(programs).hasSize(1);
        assertThat(programs.get(0).path("id").asInt()).isEqualTo(2001);
        assertThat(programs.get(0).path("acquiredBy").asBoolean()).isTrue();

        assertThat(RestCalls.errorCode(rest.postJsonJson("/rest/v1/leads/push.json",
                "{\"programName\":\"Nope\",\"input\":[{\"email\":\"a@example.com\"}]}"))).isEqualTo("1013");
    }

    @Test
    void changedEmailMovesTheLookupKey() {
        int id = LeadStore.FIRST_ID + 8;
        sync("{\"action\":\"updateOnly\",\"lookupField\":\"id\",\"input\":[{\"id\":" + id
             + ",\"email\":\"Renamed@Example.com\"}]}");

        JsonNode byNew = sync("{\"action\":\"updateOnly\",\"input\":[{\"email\":\"renamed@example.com\"}]}");
        JsonNode byOld = sync("{\"action\":\"updateOnly\",\"input\":[{\"email\":\"lead9@example.com\"}]}");
        rest.postJsonJson("/rest/v1/leads/delete.json", "{\"input\":[{\"id\":" + id + "}]}");
        JsonNode afterDelete = sync("{\"action\":\"updateOnly\",\"input\":[{\"email\":\"renamed@example.com\"}]}");

        assertThat(byNew.get(0).path("id").asInt()).isEqualTo(id);
        assertThat(reasonCode(byOld.get(0))).isEqualTo("1004");
        assertThat(reasonCode(afterDelete.get(0))).isEqualTo("1004");
    }
}

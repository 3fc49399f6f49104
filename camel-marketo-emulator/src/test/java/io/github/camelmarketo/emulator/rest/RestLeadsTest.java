package io.github.camelmarketo.emulator.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class RestLeadsTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(1100));

    private RestCalls rest;

    @BeforeEach
    void setUp() {
        rest = new RestCalls(emulator.get());
    }

    @Test
    void getLeadByIdReturnsDefaultFields() {
        JsonNode envelope = rest.getJson("/rest/v1/lead/" + LeadStore.FIRST_ID + ".json");

        assertThat(envelope.path("success").asBoolean()).isTrue();
        assertThat(envelope.path("requestId").asText()).contains("#");
        JsonNode lead = envelope.path("result").get(0);
        assertThat(lead.path("id").asInt()).isEqualTo(LeadStore.FIRST_ID);
        assertThat(lead.path("email").asText()).isEqualTo("lead1@example.com");
        assertThat(lead.path("updatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(lead.has("firstName")).isTrue();
        assertThat(lead.has("company")).isFalse();
        assertThat(emulator.get().counters().calls(Api.REST, "GET /rest/v1/lead/{leadId}.json")).isEqualTo(1);
    }

    @Test
    void getLeadByIdWithFieldsAndUnknownField() {
        JsonNode lead = rest.getJson("/rest/v1/lead/" + LeadStore.FIRST_ID + ".json?fields=company,LeadScore")
                .path("result").get(0);
        assertThat(lead.path("company").asText()).startsWith("Company ");
        assertThat(lead.path("leadScore").isInt()).isTrue();

        JsonNode error = rest.getJson("/rest/v1/lead/" + LeadStore.FIRST_ID + ".json?fields=shoeSize");
        assertThat(error.path("success").asBoolean()).isFalse();
        assertThat(RestCalls.errorCode(error)).isEqualTo("1006");
    }

    @Test
    void unknownLeadIdGivesEmptyResult() {
        JsonNode envelope = rest.getJson("/rest/v1/lead/42.json");
        assertThat(envelope.path("success").asBoolean()).isTrue();
        assertThat(envelope.path("result")).isEmpty();
    }

    @Test
    void leadsByFilterPagesThroughNextPageToken() {
        String emails = IntStream.rangeClosed(1, 250).mapToObj(i -> "lead" + i + "@example.com")
                .collect(Collectors.joining(","));
        List<Integer> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode envelope = rest.getJson("/rest/v1/leads.json?filterType=email&batchSize=100&filterValues="
                                             + RestCalls.enc(emails) + (token == null ? "" : "&nextPageToken=" + token));
            assertThat(envelope.path("success").asBoolean()).as(envelope.toString()).isTrue();
            envelope.path("result").forEach(l -> ids.add(l.path("id").asInt()));
            token = envelope.hasNonNull("nextPageToken") ? envelope.path("nextPageToken").asText() : null;
            assertThat(envelope.path("moreResult").asBoolean()).isEqualTo(token != null);
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(250).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void moreThan300FilterValuesIs1003() {
        String ids = IntStream.rangeClosed(1, 301).mapToObj(i -> Integer.toString(LeadStore.FIRST_ID + i))
                .collect(Collectors.joining(","));
        JsonNode error = RestCalls.json(rest.postForm("/rest/v1/leads.json?_method=GET",
                "filterType=id&filterValues=" + ids));
        assertThat(RestCalls.errorCode(error)).isEqualTo("1003");
        assertThat(error.path("errors").get(0).path("message").asText()).contains("300");
    }

    @Test
    void syncCreateOrUpdateIsVisibleInTheStore() {
        JsonNode envelope = rest.postJsonJson("/rest/v1/leads.json", "{\"action\":\"createOrUpdate\","
                                                                     + "\"lookupField\":\"email\",\"input\":[{\"email\":\"new@example.com\",\"firstName\":\"Nina\"},"
                                                                     + "{\"email\":\"LEAD2@example.com\",\"lastName\":\"Changed\"}]}");

        assertThat(envelope.path("success").asBoolean()).as(envelope.toString()).isTrue();
        JsonNode created = envelope.path("result").get(0);
        JsonNode updated = envelope.path("result").get(1);
        assertThat(created.path("status").asText()).isEqualTo("created");
        assertThat(updated.path("status").asText()).isEqualTo("updated");
        assertThat(updated.path("id").asInt()).isEqualTo(LeadStore.FIRST_ID + 1);

        EmulatorLead stored = emulator.get().store().findById(created.path("id").asInt()).orElseThrow();
        assertThat(stored.getEmail()).isEqualTo("new@example.com");
        assertThat(stored.getAttributes().get("FirstName")).isEqualTo("Nina");
        assertThat(emulator.get().store().findById(LeadStore.FIRST_ID + 1).orElseThrow().getAttributes()
                .get("lastName")).isEqualTo("Changed");
    }

    @Test
    void leadsOfStaticListPageThrough() {
        int listId = emulator.get().store().findListByName("Newsletter").orElseThrow().id();
        List<Integer> ids = new ArrayList<>();
        String token = null;
        do {
            JsonNode envelope = rest.getJson("/rest/v1/lists/" + listId + "/leads.json?batchSize=50"
                                             + (token == null ? "" : "&nextPageToken=" + token));
            envelope.path("result").forEach(l -> ids.add(l.path("id").asInt()));
            token = envelope.hasNonNull("nextPageToken") ? envelope.path("nextPageToken").asText() : null;
        } while (token != null);

        assertThat(ids).hasSize(emulator.get().store().findList(listId).orElseThrow().memberIds().size())
                .doesNotHaveDuplicates();
    }

    @Test
    void describeListsRestAndSoapNames() {
        JsonNode envelope = rest.getJson("/rest/v1/leads/describe.json");

        assertThat(envelope.path("success").asBoolean()).isTrue();
        JsonNode firstName = null;
        for (JsonNode field : envelope.path("result")) {
            if ("firstName".equals(field.path("rest").path("name").asText())) {
                firstName = field;
            }
        }
        assertThat(firstName).isNotNull();
        assertThat(firstName.path("soap").path("name").asText()).isEqualTo("FirstName");
        assertThat(firstName.path("dataType").asText()).isEqualTo("string");
        assertThat(firstName.path("displayName").asText()).isEqualTo("First Name");

        JsonNode describe2 = rest.getJson("/rest/v1/leads/describe2.json").path("result").get(0);
        assertThat(describe2.path("name").asText()).isEqualTo("API Lead");
        assertThat(describe2.path("searchableFields").toString()).contains("\"email\"");
        assertThat(describe2.path("fields").size()).isEqualTo(emulator.get().store().fields().size());
    }

    @Test
    void moreThan1000MatchesIs1003() {
        String scores = IntStream.range(0, 100).mapToObj(Integer::toString).collect(Collectors.joining(","));
        JsonNode error = rest.getJson("/rest/v1/leads.json?filterType=leadScore&filterValues=" + scores);

        assertThat(RestCalls.errorCode(error)).isEqualTo("1003");
        assertThat(error.path("errors").get(0).path("message").asText()).isEqualTo("Too many results match the filter");
    }

    @Test
    void unknownFilterTypeIs1006AndMissingFilterIs1003() {
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/leads.json?filterType=shoeSize&filterValues=1")))
                .isEqualTo("1006");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/leads.json?filterValues=1"))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/leads.json?filterType=id"))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/leads.json?filterType=updatedAt&filterValues="
                                                    + "2026-01-01T00:00:00Z"))).isEqualTo("1035");
    }

    @Test
    void filterByIdAndCaseInsensitiveEmail() {
        JsonNode byId = rest.getJson("/rest/v1/leads.json?filterType=id&filterValues=" + LeadStore.FIRST_ID + ","
                                     + (LeadStore.FIRST_ID + 5) + "&fields=email,company");
        assertThat(byId.path("result")).hasSize(2);
        assertThat(byId.path("result").get(1).path("email").asText()).isEqualTo("lead6@example.com");
        assertThat(byId.has("nextPageToken")).isFalse();

        JsonNode byEmail = rest.getJson("/rest/v1/leads.json?filterType=email&filterValues=LEAD3@Example.com");
        assertThat(byEmail.path("result").get(0).path("id").asInt()).isEqualTo(LeadStore.FIRST_ID + 2);
    }

    @Test
    void badRequestsGetVendorErrors() {
        assertThat(RestCalls.errorCode(rest.postJsonJson("/rest/v1/leads.json", "{not json"))).isEqualTo("609");
        assertThat(RestCalls.errorCode(RestCalls.json(rest.postForm("/rest/v1/leads.json", "input=x"))))
                .isEqualTo("612");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/nothing/here.json"))).isEqualTo("610");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/lead/abc.json"))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/leads.json?filterType=id&filterValues=1&batchSize=301")))
                .isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/leads.json?filterType=id&filterValues=1"
                                                    + "&nextPageToken=garbage"))).isEqualTo("1003");
        assertThat(emulator.get().counters().responses(Api.REST, "611")).isZero();
    }
}

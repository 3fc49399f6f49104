package io.github.camelmarketo.emulator.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The activity feed over REST: fed by every write, paged by date/position tokens, filtered, limited, pruned. */
class RestActivitiesTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(20));

    private RestCalls rest;
    private ActivityFeed feed;

    @BeforeEach
    void setUp() {
        rest = new RestCalls(emulator.get());
        feed = new ActivityFeed(rest);
    }

    private Instant now() {
        return emulator.get().clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private JsonNode sync(String body) {
        JsonNode envelope = rest.postJsonJson("/rest/v1/leads.json", body);
        assertThat(envelope.path("success").asBoolean()).as(envelope.toString()).isTrue();
        return envelope.path("result");
    }

    @Test
    void everyRestCreateChangedFieldAndDeleteShowsUpOnceAsItsActivity() {
        String token = feed.token(now());
        JsonNode created = sync("{\"input\":[{\"email\":\"ada@example.com\",\"firstName\":\"Ada\"},"
                                + "{\"email\":\"bob@example.com\",\"firstName\":\"Bob\",\"company\":\"B Inc\"}]}");
        int ada = created.get(0).path("id").asInt();
        int bob = created.get(1).path("id").asInt();
        sync("{\"input\":[{\"email\":\"ada@example.com\",\"firstName\":\"Adele\",\"company\":\"Acme\"}]}");
        sync("{\"input\":[{\"email\":\"ada@example.com\",\"firstName\":\"Adele\"}]}"); // no change: no activity
        JsonNode deleted = rest.postJsonJson("/rest/v1/leads/delete.json", "{\"input\":[{\"id\":" + bob + "}]}");
        assertThat(deleted.path("result").get(0).path("status").asText()).isEqualTo("deleted");

        List<JsonNode> changes = feed.readAll("/leadchanges.json", token, "fields=firstName,company,email").records();
        assertThat(changes).extracting(c -> c.path("activityTypeId").asInt(), c -> c.path("leadId").asInt())
                .containsExactly(tuple(12, ada), tuple(12, bob), tuple(13, ada), tuple(13, ada));
        assertThat(changes.get(0).path("fields")).isEmpty();
        Set<String> fieldChanges = changes.subList(2, 4).stream().map(c -> c.path("fields").get(0))
                .map(f -> f.path("name").asText() + ":" + f.path("oldValue").asText(null) + "->"
                          + f.path("newValue").asText())
                .collect(Collectors.toSet());
        assertThat(fieldChanges).containsExactlyInAnyOrder("firstName:Ada->Adele", "company:null->Acme");
        assertThat(changes.get(2).path("fields").get(0).path("id").asInt())
                .isEqualTo(emulator.get().store().fieldId(changes.get(2).path("fields").get(0).path("name").asText()));
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.path("marketoGUID").asText()).hasSize(36);
            assertThat(c.path("activityDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        });
        assertThat(changes).extracting(c -> c.path("id").asLong()).isSorted().doesNotHaveDuplicates();

        assertThat(feed.readAll("/leadchanges.json", token, "fields=email").records())
                .extracting(c -> c.path("activityTypeId").asInt()).containsExactly(12, 12);

        List<JsonNode> deletions = feed.readAll("/deletedleads.json", token, "").records();
        assertThat(deletions).hasSize(1);
        assertThat(deletions.get(0).path("leadId").asInt()).isEqualTo(bob);
        assertThat(deletions.get(0).path("activityTypeId").asInt()).isEqualTo(37);
        assertThat(deletions.get(0).path("primaryAttributeValueId").asInt()).isEqualTo(bob);
        assertThat(deletions.get(0).path("primaryAttributeValue").asText()).isEqualTo("Bob");

        List<JsonNode> all = feed.readAll(".json", token, "activityTypeIds=12,13,37").records();
        assertThat(all).extracting(a -> a.path("activityTypeId").asInt()).containsExactly(12, 12, 13, 13, 37);
        JsonNode firstNameChange = all.stream().filter(a -> "First Name".equals(a.path("primaryAttributeValue")
                .asText())).findFirst().orElseThrow();
        assertThat(attributes(firstNameChange)).contains("New Value=Adele", "Old Value=Ada", "Source=Web service API");
        assertThat(feed.readAll(".json", token, "activityTypeIds=13&leadIds=" + bob).records()).isEmpty();
    }

    @Test
    void mergeRecordsTheWinnersTakenValuesAndTheLosersDeletion() {
        String token = feed.token(now());
        EmulatorLead winner = emulator.get().store().create(l -> l.setEmail("win@example.com"));
        EmulatorLead loser = emulator.get().store().create(l -> {
            l.setEmail("lose@example.com");
            l.getAttributes().put("FirstName", "Lou");
        });
        JsonNode merged = rest.post("/rest/v1/leads/" + winner.getId() + "/merge.json?leadId=" + loser.getId());
        assertThat(merged.path("success").asBoolean()).as(merged.toString()).isTrue();
        rest.post("/rest/v1/leads/" + winner.getId() + "/associate.json?cookie=id:123-ABC-456%26token:_mch-x");

        List<JsonNode> all = feed.readAll(".json", token, "activityTypeIds=12,13,37").records();
        assertThat(all).extracting(a -> a.path("activityTypeId").asInt(), a -> a.path("leadId").asInt(),
                a -> a.path("primaryAttributeValue").asText(null)).containsExactly(
                        tuple(12, winner.getId(), null), tuple(12, loser.getId(), "Lou"),
                        tuple(13, winner.getId(), "First Name"), tuple(37, loser.getId(), "Lou"));
    }

    @Test
    void pushRecordsItsCreatesAndChanges() {
        String token = feed.token(now());
        String push = "{\"programName\":\"Webinar 2026\",\"input\":[{\"email\":\"push@example.com\",\"title\":\"%s\"}]}";
        JsonNode first = rest.postJsonJson("/rest/v1/leads/push.json", String.format(push, "CTO"));
        int id = first.path("result").get(0).path("id").asInt();
        rest.postJsonJson("/rest/v1/leads/push.json", String.format(push, "CEO"));

        assertThat(feed.readAll("/leadchanges.json", token, "fields=title").records())
                .extracting(c -> c.path("activityTypeId").asInt(), c -> c.path("leadId").asInt(),
                        c -> c.path("fields").path(0).path("newValue").asText(null))
                .containsExactly(tuple(12, id, null), tuple(13, id, "CEO"));
    }

    @Test
    void pagingOverManyPagesLosesAndRepeatsNothing() {
        String token = feed.token(now());
        StringBuilder input = new StringBuilder("{\"input\":[");
        for (int i = 0; i < 250; i++) {
            input.append(i == 0 ? "" : ",").append("{\"email\":\"p").append(i).append("@example.com\"}");
        }
        sync(input.append("]}").toString());
        StringBuilder updates = new StringBuilder("{\"input\":[");
        for (int i = 0; i < 100; i++) {
            updates.append(i == 0 ? "" : ",").append("{\"email\":\"p").append(i).append("@example.com\",\"firstName\":\"F")
                    .append(i).append("\"}");
        }
        sync(updates.append("]}").toString());

        ActivityFeed.Result changes = feed.readAll("/leadchanges.json", token, "fields=firstName&batchSize=37");
        assertThat(changes.records()).hasSize(350);
        assertThat(changes.pages()).isEqualTo(10);
        assertThat(changes.records()).extracting(c -> c.path("id").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(changes.records().stream().filter(c -> c.path("activityTypeId").asInt() == 13)
                .map(c -> c.path("fields").get(0).path("newValue").asText()).distinct().count()).isEqualTo(100);

        ActivityFeed.Result fromStart = feed.readAll("/leadchanges.json", feed.token(Instant.parse("2001-01-01T00:00:00Z")),
                "fields=firstName");
        assertThat(fromStart.records()).hasSize(20 + 350);

        // a caught-up reader keeps its token and sees exactly what came later
        sync("{\"input\":[{\"email\":\"late@example.com\"}]}");
        List<JsonNode> later = feed.readAll("/leadchanges.json", changes.lastToken(), "fields=firstName").records();
        assertThat(later).extracting(c -> c.path("activityTypeId").asInt()).containsExactly(12);
    }

    @Test
    void aFilteredReadAnswersEmptyPagesWithMoreResultWhileTheLogGoesOn() {
        emulator.get().rest().activityScanLimit(10);
        String token = feed.token(now());
        StringBuilder input = new StringBuilder("{\"input\":[");
        for (int i = 0; i < 30; i++) {
            input.append(i == 0 ? "" : ",").append("{\"email\":\"e").append(i).append("@example.com\"}");
        }
        int first = sync(input.append("]}").toString()).get(0).path("id").asInt();
        sync("{\"input\":[{\"email\":\"e0@example.com\",\"firstName\":\"Changed\"}]}");

        ActivityFeed.Result result = feed.readAll("/leadchanges.json", token, "fields=firstName&leadIds=" + first);
        assertThat(result.records()).extracting(c -> c.path("activityTypeId").asInt()).containsExactly(12, 13);
        assertThat(result.pages()).isEqualTo(4);
        assertThat(result.emptyPagesWithMore()).isEqualTo(2);
    }

    @Test
    void listIdFiltersByCurrentMembership() {
        String token = feed.token(now());
        int vip = emulator.get().store().findListByName("VIP").orElseThrow().id();
        JsonNode created = sync("{\"input\":[{\"email\":\"m1@example.com\"},{\"email\":\"m2@example.com\"}]}");
        int member = created.get(0).path("id").asInt();
        emulator.get().store().addToList(vip, List.of(member));
        assertThat(feed.readAll("/leadchanges.json", token, "fields=email&listId=" + vip).records())
                .extracting(c -> c.path("leadId").asInt()).containsExactly(member);
        assertThat(RestCalls.errorCode(feed.page("/leadchanges.json", token, "fields=email&listId=99999")))
                .isEqualTo("1013");
    }

    @Test
    void tokensFromAnyPastDateWorkAndFutureOnesAreCaughtUp() {
        List<JsonNode> seeded = feed.readAll("/leadchanges.json", feed.token(Instant.parse("2001-01-01T00:00:00Z")),
                "fields=email").records();
        assertThat(seeded).hasSize(20).allSatisfy(c -> assertThat(c.path("activityTypeId").asInt()).isEqualTo(12));
        assertThat(seeded).extracting(c -> c.path("leadId").asInt()).doesNotHaveDuplicates();

        JsonNode page = feed.page("/leadchanges.json", feed.token(now().plus(Duration.ofDays(1))), "fields=email");
        assertThat(page.path("result")).isEmpty();
        assertThat(page.path("moreResult").asBoolean()).isFalse();
        assertThat(page.path("nextPageToken").asText()).isNotEmpty();

        JsonNode offset = rest.getJson("/rest/v1/activities/pagingtoken.json?sinceDatetime="
                                       + RestCalls.enc("2001-01-01T02:00:00+02:00"));
        assertThat(offset.path("nextPageToken").asText()).isEqualTo(feed.token(Instant.parse("2001-01-01T00:00:00Z")));
    }

    @Test
    void missingAndInvalidParametersGetTheVendorsError() {
        String token = feed.token(now());
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/activities/pagingtoken.json"))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/activities/pagingtoken.json?sinceDatetime=yesterday")))
                .isEqualTo("1003");
        assertThat(RestCalls.errorCode(feed.page("/leadchanges.json", token, ""))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(feed.page("/leadchanges.json", token, "fields=noSuchField"))).isEqualTo("1006");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/activities/leadchanges.json?fields=email")))
                .isEqualTo("1003");
        assertThat(RestCalls.errorCode(feed.page("/leadchanges.json", "NOTATOKEN", "fields=email"))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(feed.page("/leadchanges.json", Paging.token(5), "fields=email")))
                .isEqualTo("1003");
        assertThat(RestCalls.errorCode(feed.page("/leadchanges.json", token, "fields=email&batchSize=301")))
                .isEqualTo("1003");
        String thirtyOneIds = java.util.stream.IntStream.range(0, 31).mapToObj(i -> Integer.toString(1_000_001 + i))
                .collect(Collectors.joining(","));
        assertThat(RestCalls.errorCode(feed.page("/leadchanges.json", token, "fields=email&leadIds=" + thirtyOneIds)))
                .isEqualTo("1003");
        assertThat(RestCalls.errorCode(feed.page(".json", token, ""))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(feed.page(".json", token, "activityTypeIds=1,2,12,13,37,1,2,12,13,37")))
                .as("repeated ids count once").isNull();
        assertThat(RestCalls.errorCode(feed.page(".json", token, "activityTypeIds=999"))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(feed.page(".json", token, "activityTypeIds=12&activityTypeIds=x")))
                .isEqualTo("1003");
        assertThat(RestCalls.errorCode(feed.page("/deletedleads.json", token, "batchSize=0"))).isEqualTo("1003");
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/activities/deletedleads.json"))).isEqualTo("1003");
    }

    @Test
    void moreThanTenActivityTypesAreRefused() {
        String eleven = "1,2,12,13,37,3,4,5,6,7,8";
        assertThat(RestCalls.errorCode(feed.page(".json", feed.token(now()), "activityTypeIds=" + eleven)))
                .isEqualTo("1003");
        assertThat(feed.page(".json", feed.token(now()), "activityTypeIds=" + eleven).path("errors").get(0)
                .path("message").asText()).contains("at most 10");
    }

    @Test
    void activityTypesListTheRecordedOnes() {
        JsonNode types = rest.getJson("/rest/v1/activities/types.json");
        assertThat(types.path("success").asBoolean()).isTrue();
        assertThat(StreamSupport.stream(types.path("result").spliterator(), false)
                .map(t -> t.path("id").asInt() + ":" + t.path("name").asText()).toList())
                .contains("12:New Lead", "13:Change Data Value", "37:Delete Lead");
        assertThat(types.path("result").get(0).path("primaryAttribute").path("dataType").asText()).isNotEmpty();
    }

    @Test
    void deletedLeadsArePrunedAfterFourteenDays() {
        String token = feed.token(now());
        EmulatorLead lead = emulator.get().store().create(l -> l.setEmail("gone@example.com"));
        assertThat(emulator.get().store().delete(lead.getId())).isTrue();

        emulator.get().setClockOffset(Duration.ofDays(13));
        rest.token();
        assertThat(feed.readAll("/deletedleads.json", token, "").records())
                .extracting(d -> d.path("leadId").asInt()).containsExactly(lead.getId());

        emulator.get().setClockOffset(Duration.ofDays(15));
        rest.token();
        assertThat(feed.readAll("/deletedleads.json", token, "").records()).isEmpty();
        // the other activities stay
        assertThat(feed.readAll(".json", token, "activityTypeIds=12,37").records())
                .extracting(a -> a.path("activityTypeId").asInt(), a -> a.path("leadId").asInt())
                .containsExactly(tuple(12, lead.getId()));
    }

    @Test
    void activityCallsCountAgainstTheLimitsAndTakeInjectedFaults() {
        String token = feed.token(now());
        emulator.get().faults().inject(Api.REST, "/rest/v1/activities/leadchanges.json", new Fault.VendorError("606"), 1);
        assertThat(RestCalls.errorCode(feed.page("/leadchanges.json", token, "fields=email"))).isEqualTo("606");
        assertThat(feed.page("/leadchanges.json", token, "fields=email").path("success").asBoolean()).isTrue();
        assertThat(emulator.get().counters().calls(Api.REST, "GET /rest/v1/activities/leadchanges.json")).isEqualTo(2);
        assertThat(emulator.get().counters().calls(Api.REST, "GET /rest/v1/activities/pagingtoken.json")).isEqualTo(1);
        assertThat(emulator.get().limits().usedToday(Api.REST)).isEqualTo(3);

        emulator.get().limits().setPolicy(Api.REST, emulator.get().limits().policy(Api.REST).withDailyQuota(3));
        assertThat(RestCalls.errorCode(feed.page("/deletedleads.json", token, ""))).isEqualTo("607");
    }

    private static Set<String> attributes(JsonNode activity) {
        Set<String> result = new HashSet<>();
        activity.path("attributes").forEach(a -> result.add(a.path("name").asText() + "=" + a.path("value").asText()));
        return result;
    }
}

package io.github.camelmarketo.component.marketo.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.model.Activity;
import io.github.camelmarketo.component.marketo.model.ActivityType;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LeadStore;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The activity producer operations (getActivityTypes, getLeadActivities, getDeletedLeads) against the emulator: the
 * activities of leads created, updated and deleted through the producer, page by page and streamed.
 */
class RestActivityOperationsTest extends RestTestSupport {

    private static final int SEEDED = 40;

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(SEEDED));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").toD("marketo:getLeadActivities?activityTypeIds=12&batchSize=2&fetchAll=true"
                                          + "&oldestUpdatedAt=${header.since}")
                        .split(body()).streaming().to("mock:activities");
            }
        };
    }

    /** The emulator's time in whole seconds: activities from now on are the test's (the seeds are a minute older). */
    private String now() {
        return emulator().clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Creates leads through the producer; returns their ids in input order. */
    private List<Long> createLeads(int count, String prefix) {
        List<Lead> leads = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> leads.add(Lead.withEmail(prefix + i + "@example.com").set("firstName", "F" + i)));
        List<?> results = template.requestBody("marketo:syncLeads?action=createOnly", leads, List.class);
        return results.stream().map(r -> ((SyncResult) r).leadId()).toList();
    }

    private static Map<Integer, Integer> countByType(List<Activity> activities) {
        Map<Integer, Integer> counts = new TreeMap<>();
        activities.forEach(a -> counts.merge(a.activityTypeId(), 1, Integer::sum));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> drain(Object body) {
        List<T> items = new ArrayList<>();
        ((Iterator<T>) body).forEachRemaining(items::add);
        return items;
    }

    @Test
    void activityTypesListTheInstanceTypes() {
        List<?> types = template.requestBody("marketo:getActivityTypes", null, List.class);
        assertThat(types).hasSize(5).allMatch(ActivityType.class::isInstance);
        ActivityType change = types.stream().map(ActivityType.class::cast).filter(t -> t.id() == 13).findFirst().orElseThrow();
        assertThat(change.name()).isEqualTo("Change Data Value");
        assertThat(change.primaryAttribute().name()).isEqualTo("Attribute Name");
        assertThat(change.attributes()).extracting(ActivityType.Attribute::name)
                .containsExactly("New Value", "Old Value", "Reason", "Source");
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/activities/types.json")).isEqualTo(1);
    }

    @Test
    void activitiesOfLeadsWrittenThroughTheProducer() {
        String since = now();
        List<Long> ids = createLeads(3, "act");
        // lead 0: two fields changed, lead 1: one; lead 2 is deleted
        List<?> updated = template.requestBody("marketo:syncLeads?action=updateOnly&lookupField=id", List.of(
                new Lead().setId(ids.get(0)).set("firstName", "Ada").set("lastName", "Lovelace"),
                new Lead().setId(ids.get(1)).set("firstName", "Grace")), List.class);
        assertThat(updated).allMatch(r -> ((SyncResult) r).isSuccess());
        template.requestBody("marketo:deleteLeads", List.of(ids.get(2)));

        String uri = "marketo:getLeadActivities?activityTypeIds=12,13,37&fetchAll=true&oldestUpdatedAt=" + since;
        List<Activity> all = drain(template.requestBody(uri, (Object) null));
        assertThat(countByType(all)).isEqualTo(Map.of(12, 3, 13, 3, 37, 1));
        assertThat(all).filteredOn(a -> a.activityTypeId() == 12).extracting(Activity::leadId)
                .containsExactlyElementsOf(ids);

        List<Activity> ofFirst = drain(template.requestBody(uri, List.of(ids.get(0))));
        assertThat(countByType(ofFirst)).isEqualTo(Map.of(12, 1, 13, 2));
        Activity firstName = ofFirst.stream().filter(a -> "First Name".equals(a.primaryAttributeValue())).findFirst()
                .orElseThrow();
        assertThat(firstName.attribute("New Value")).isEqualTo("Ada");
        assertThat(firstName.attribute("Old Value")).isEqualTo("F0");
        assertThat(firstName.id()).isNotNull();
        assertThat(firstName.marketoGUID()).isNotBlank();
        assertThat(firstName.activityDate()).isAfterOrEqualTo(Instant.parse(since));

        List<?> deleted = template.requestBody("marketo:getDeletedLeads?oldestUpdatedAt=" + since, null, List.class);
        assertThat(deleted).hasSize(1);
        assertThat(((Activity) deleted.get(0)).leadId()).isEqualTo(ids.get(2));
        assertThat(((Activity) deleted.get(0)).activityTypeId()).isEqualTo(37);
    }

    @Test
    void pagesFollowTheTokenAndTheLastTokenSeesLaterActivities() {
        String since = now();
        List<Long> ids = createLeads(7, "page");
        String uri = "marketo:getLeadActivities?activityTypeIds=12&batchSize=3&oldestUpdatedAt=" + since;
        List<Integer> sizes = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        String token = null;
        boolean more = true;
        while (more) {
            String start = token;
            Exchange out = template.request(uri, e -> e.getMessage().setHeader(MarketoConstants.NEXT_PAGE_TOKEN, start));
            List<?> page = out.getMessage().getBody(List.class);
            sizes.add(page.size());
            page.forEach(a -> seen.add(((Activity) a).leadId()));
            token = out.getMessage().getHeader(MarketoConstants.NEXT_PAGE_TOKEN, String.class);
            more = out.getMessage().getHeader(MarketoConstants.MORE_RESULT, Boolean.class);
            assertThat(token).isNotBlank();
            assertThat(out.getMessage().getHeader(MarketoConstants.STREAM_POSITION)).isEqualTo(token);
        }
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/activities/pagingtoken.json")).isEqualTo(1);
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/activities.json")).isEqualTo(3);

        long later = createLeads(1, "later").get(0);
        String last = token;
        Exchange out = template.request(uri, e -> e.getMessage().setHeader(MarketoConstants.NEXT_PAGE_TOKEN, last));
        assertThat(out.getMessage().getBody(List.class)).extracting(a -> ((Activity) a).leadId()).containsExactly(later);
        assertThat(out.getMessage().getHeader(MarketoConstants.MORE_RESULT)).isEqualTo(false);
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/activities/pagingtoken.json")).isEqualTo(1);
    }

    @Test
    void fetchAllStreamsEveryPageThroughASplitter() throws Exception {
        String since = now();
        List<Long> ids = createLeads(7, "stream");
        MockEndpoint mock = getMockEndpoint("mock:activities");
        mock.expectedMessageCount(7);
        template.sendBodyAndHeader("direct:stream", null, "since", since);
        mock.assertIsSatisfied();
        assertThat(mock.getExchanges()).extracting(e -> e.getMessage().getBody(Activity.class).leadId())
                .containsExactlyElementsOf(ids);
        // pages of 2: 2 + 2 + 2 + 1
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/activities.json")).isEqualTo(4);
    }

    @Test
    void fetchAllReadsMoreThan30LeadIdsIn30s() {
        List<Long> ids = IntStream.range(0, 35).mapToObj(i -> LeadStore.FIRST_ID + (long) i).toList();
        String since = Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        List<Activity> all = drain(template.requestBody("marketo:getLeadActivities?activityTypeIds=12&fetchAll=true"
                                                        + "&oldestUpdatedAt=" + since, ids));
        assertThat(all).extracting(Activity::leadId).containsExactlyElementsOf(ids);
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/activities.json")).isEqualTo(2);
    }

    @Test
    void listFilterReadsTheMembersOnly() {
        String since = Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        List<Activity> all = drain(template.requestBody("marketo:getLeadActivities?activityTypeIds=12&fetchAll=true"
                                                        + "&staticListName=VIP&oldestUpdatedAt=" + since, (Object) null));
        // VIP: every 10th seeded lead
        assertThat(all).extracting(Activity::leadId).containsExactly(LeadStore.FIRST_ID + 0L, LeadStore.FIRST_ID + 10L,
                LeadStore.FIRST_ID + 20L, LeadStore.FIRST_ID + 30L);
    }

    @Test
    void restOnlyOnSoapFailsAtEndpointCreation() {
        // an endpoint with SOAP credentials (dummy values: it must fail before any call)
        for (String operation : List.of("getActivityTypes", "getLeadActivities", "getDeletedLeads")) {
            assertThatThrownBy(() -> context.getEndpoint("marketo:" + operation
                                                         + "?api=soap&userId=u&encryptionKey=k&activityTypeIds=12"))
                    .hasStackTraceContaining("Operation " + operation + " is REST-only");
        }
    }

    @Test
    void badInputFailsBeforeAnyCall() {
        assertThatThrownBy(() -> context.getEndpoint("marketo:getLeadActivities"))
                .hasStackTraceContaining("getLeadActivities needs option activityTypeIds");
        assertThatThrownBy(() -> context.getEndpoint("marketo:getLeadActivities?activityTypeIds=12,abc"))
                .hasStackTraceContaining("Option activityTypeIds must list activity type ids").hasStackTraceContaining("'abc'");
        assertThatThrownBy(() -> context.getEndpoint("marketo:getLeadActivities?activityTypeIds=1,2,3,4,5,6,7,8,9,10,11"))
                .hasStackTraceContaining("Option activityTypeIds takes at most 10 activity type ids");
        assertThatThrownBy(() -> template.requestBody("marketo:getLeadActivities?activityTypeIds=12&staticListName=VIP",
                (Object) null))
                .cause().hasMessageContaining("getLeadActivities needs where to start")
                .hasMessageContaining(MarketoConstants.NEXT_PAGE_TOKEN).hasMessageContaining("oldestUpdatedAt");
        assertThatThrownBy(() -> template.requestBody("marketo:getDeletedLeads?oldestUpdatedAt=yesterday", (Object) null))
                .hasStackTraceContaining("Option oldestUpdatedAt must be an ISO-8601 date-time");
        List<Long> ids = IntStream.range(0, 31).mapToObj(i -> LeadStore.FIRST_ID + (long) i).toList();
        assertThatThrownBy(() -> template.requestBody("marketo:getLeadActivities?activityTypeIds=12&oldestUpdatedAt="
                                                      + now(), ids))
                .cause().hasMessageContaining("at most 30 lead ids").hasMessageContaining("fetchAll=true");
        assertThatThrownBy(() -> template.requestBody("marketo:getLeadActivities?activityTypeIds=12&staticListId=1001"
                                                      + "&oldestUpdatedAt=" + now(), List.of(LeadStore.FIRST_ID)))
                .cause().hasMessageContaining("not both");
        assertThatThrownBy(() -> template.requestBody("marketo:getLeadActivities?activityTypeIds=12&oldestUpdatedAt="
                                                      + now(), "12,abc"))
                .cause().hasMessageContaining("'abc'");
        // not even the list name was looked up
        assertThat(emulator().counters().calls(Api.REST)).isZero();
    }
}

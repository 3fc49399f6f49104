package io.github.camelmarketo.component.marketo.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoConsumer;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * leadSelector=leadChanges over REST against the emulator's activity feed: every created, updated and deleted lead of
 * a changing store, exactly once in steady state; several changes of one lead in one page are one exchange.
 */
class LeadChangesConsumerTest extends MarketoTestSupport {

    private static final int LEADS = 450;
    private static final int BATCH = 100;
    private static final String SINCE = Instant.now().minus(61, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    private static final String CHANGES = "GET /rest/v1/activities/leadchanges.json";
    private static final String DELETED = "GET /rest/v1/activities/deletedleads.json";
    private static final String TOKEN = "GET /rest/v1/activities/pagingtoken.json";

    @RegisterExtension
    static MarketoEmulatorExtension emulator
            = MarketoEmulatorExtension.create(b -> b.leads(LEADS).restLimits(LimitPolicy.unlimited()));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Override
    protected MarketoApi api() {
        return MarketoApi.rest;
    }

    @Override
    protected void configure(MarketoConfiguration configuration) {
        configuration.setRateLimitCalls(0);
        configuration.setMaxConcurrentCalls(0);
    }

    private static String uri(String routeOptions) {
        return "marketo:getMultipleLeads?leadSelector=leadChanges&oldestUpdatedAt=" + SINCE + "&batchSize=" + BATCH
               + "&fields=email,firstName,lastName,company&delay=20&greedy=true&passInterval=100ms" + routeOptions;
    }

    private LeadStore store() {
        return emulator.get().store();
    }

    private long calls(String operation) {
        return emulator.get().counters().calls(Api.REST, operation);
    }

    @Test
    void deliversEveryCreatedUpdatedAndDeletedLeadExactlyOnceInSteadyState() throws Exception {
        ChangeCollector collector = new ChangeCollector();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("")).routeId("changes").process(collector);
            }
        });

        // catch-up: the seeded leads' New Lead activities, one exchange each
        await().atMost(Duration.ofSeconds(60)).until(() -> collector.changedIds().size() == LEADS);
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(DELETED) >= 1);
        assertThat(collector.changeDeliveries()).isEqualTo(LEADS);
        assertThat(collector.deletionDeliveries()).isZero();
        assertThat(calls(TOKEN)).isEqualTo(1);
        assertThat(collector.changedFields(LeadStore.FIRST_ID)).isEmpty();

        // steady state: a changing store, each lead changed once (one activity each)
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            int n = i;
            created.add((long) store().create(l -> l.setEmail("new" + n + "@example.com")).getId());
        }
        List<Long> updated = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int id = LeadStore.FIRST_ID + i * 5;
            store().update(id, l -> l.getAttributes().put("FirstName", "Renamed" + id));
            updated.add((long) id);
        }
        List<Long> deleted = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            int id = LeadStore.FIRST_ID + 1 + i * 5;
            assertThat(store().delete(id)).isTrue();
            deleted.add((long) id);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> collector.changedIds().containsAll(created)
                && updated.stream().allMatch(id -> collector.changeCount(id) == 2)
                && collector.deletedIds().containsAll(deleted));
        // one more complete pass: nothing is delivered twice
        long passes = calls(DELETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(DELETED) >= passes + 2);

        System.out.printf("leadChanges: %d exchanges (%d changes, %d deletions), calls: token=%d changes=%d deleted=%d leads=%d%n",
                collector.exchanges(), collector.changeDeliveries(), collector.deletionDeliveries(), calls(TOKEN),
                calls(CHANGES), calls(DELETED), calls("GET /rest/v1/leads.json"));
        assertThat(collector.changeDeliveries()).isEqualTo(LEADS + created.size() + updated.size());
        assertThat(collector.changedIds()).hasSize(LEADS + created.size());
        assertThat(collector.deletionDeliveries()).isEqualTo(deleted.size());
        assertThat(collector.deletedIds()).containsExactlyInAnyOrderElementsOf(deleted);
        assertThat(calls(TOKEN)).isEqualTo(1);
        for (long id : updated) {
            assertThat(collector.lead(id).get("firstName")).isEqualTo("Renamed" + id);
            assertThat(collector.changedFields(id)).containsExactly("firstName");
        }
        for (long id : created) {
            assertThat(collector.lead(id).getEmail()).isEqualTo("new" + created.indexOf(id) + "@example.com");
            assertThat(collector.changedFields(id)).isEmpty();
        }
        assertThat(store().findById(deleted.get(0).intValue())).isEmpty();
        assertThat(collector.activityDate(deleted.get(0))).isNotNull();
    }

    @Test
    void severalChangesOfOneLeadInOnePageAreOneExchange() throws Exception {
        context.getRegistry().bind("cursors", new MemoryStateRepository());
        ChangeCollector collector = new ChangeCollector();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("&stateRepository=#cursors")).routeId("changes").process(collector);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> collector.changedIds().size() == LEADS);
        context.getRouteController().stopRoute("changes");

        // while the route is stopped, so that all of them land in one page
        int first = LeadStore.FIRST_ID + 7;
        int second = LeadStore.FIRST_ID + 8;
        store().update(first, l -> l.getAttributes().put("FirstName", "One"));
        store().update(first, l -> l.getAttributes().put("LastName", "Two"));
        store().update(first, l -> l.getAttributes().put("Company", "Three"));
        store().update(first, l -> l.getAttributes().put("FirstName", "Four"));
        store().update(second, l -> l.setEmail("second@example.com"));
        store().update(second, l -> l.getAttributes().put("Website", "not-a-watched-field.example.com"));
        long changePages = calls(CHANGES);
        context.getRouteController().startRoute("changes");

        await().atMost(Duration.ofSeconds(30)).until(() -> collector.changeCount(first) == 2 && collector.changeCount(second) == 2);
        long passes = calls(DELETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(DELETED) >= passes + 2);

        assertThat(collector.changeDeliveries()).isEqualTo(LEADS + 2);
        assertThat(collector.changedFields(first)).containsExactly("firstName", "lastName", "company");
        assertThat(collector.lead(first).get("firstName")).isEqualTo("Four");
        assertThat(collector.lead(first).get("lastName")).isEqualTo("Two");
        assertThat(collector.changedFields(second)).containsExactly("email");
        assertThat(collector.lead(second).getEmail()).isEqualTo("second@example.com");
        assertThat(calls(CHANGES)).isGreaterThan(changePages);
        assertThat(calls(TOKEN)).as("the cursor survived the route restart").isEqualTo(1);
        MarketoConsumer consumer = (MarketoConsumer) context.getRoute("changes").getConsumer();
        assertThat(consumer.getCommittedCursor().position()).startsWith("feed1:");
    }

    @Test
    void aRejectedPagingTokenRestartsTheFeedFromTheWatermark() throws Exception {
        MemoryStateRepository cursors = new MemoryStateRepository();
        Instant since = Instant.parse(SINCE);
        String stale = LeadChangePosition.start("not-a-token-of-this-instance").encode();
        cursors.setState("stale", LeadCursor.start("leadChanges:" + since, "rest", since).withPosition(stale, null).encode());
        context.getRegistry().bind("cursors", cursors);
        ChangeCollector collector = new ChangeCollector();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("&stateRepository=#cursors&stateKey=stale")).process(collector);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> collector.changedIds().size() == LEADS);
        long passes = calls(DELETED);
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(DELETED) >= passes + 1);

        assertThat(emulator.get().counters().responses(Api.REST, "1003")).isEqualTo(1);
        assertThat(calls(TOKEN)).isEqualTo(1);
        assertThat(collector.changeDeliveries()).isEqualTo(LEADS);
        assertThat(LeadCursor.decode(cursors.getState("stale")).position()).startsWith("feed1:").isNotEqualTo(stale);
    }

    @Test
    void anIdlePassCostsOneLeadChangesAndOneDeletedLeadsCall() throws Exception {
        ChangeCollector collector = new ChangeCollector();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("")).routeId("idle").process(collector);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> collector.changedIds().size() == LEADS && calls(DELETED) >= 1);
        context.getRouteController().suspendRoute("idle");
        long changesBefore = calls(CHANGES);
        long deletedBefore = calls(DELETED);
        long leadsBefore = calls("GET /rest/v1/leads.json");
        context.getRouteController().resumeRoute("idle");
        await().atMost(Duration.ofSeconds(30)).until(() -> calls(DELETED) >= deletedBefore + 10);
        context.getRouteController().suspendRoute("idle");

        long passes = calls(DELETED) - deletedBefore;
        long changeReads = calls(CHANGES) - changesBefore;
        System.out.printf("leadChanges idle: %d passes, %d leadchanges + %d deletedleads calls, %d lead fetches "
                          + "(default passInterval 60 s: %d calls a day)%n",
                passes, changeReads, passes, calls("GET /rest/v1/leads.json") - leadsBefore, 2 * 24 * 60);
        assertThat(changeReads).isBetween(passes, passes + 1);
        assertThat(calls("GET /rest/v1/leads.json")).as("an empty page fetches no lead").isEqualTo(leadsBefore);
        assertThat(collector.changeDeliveries()).isEqualTo(LEADS);
    }

    @Test
    void withoutIncludeDeletedNoDeletionIsRead() throws Exception {
        ChangeCollector collector = new ChangeCollector();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("&includeDeleted=false")).process(collector);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> collector.changedIds().size() == LEADS);
        Set<Long> gone = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            store().delete(LeadStore.FIRST_ID + i);
            gone.add((long) LeadStore.FIRST_ID + i);
        }
        int renamed = LeadStore.FIRST_ID + 100;
        store().update(renamed, l -> l.getAttributes().put("LastName", "After"));
        await().atMost(Duration.ofSeconds(30)).until(() -> collector.changeCount(renamed) == 2);

        assertThat(collector.deletionDeliveries()).isZero();
        assertThat(calls(DELETED)).isZero();
        assertThat(collector.changeDeliveries()).isEqualTo(LEADS + 1);
        assertThat(gone).allMatch(id -> collector.changeCount(id) == 1);
    }
}

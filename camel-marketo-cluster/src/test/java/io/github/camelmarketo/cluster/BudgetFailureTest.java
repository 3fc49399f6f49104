package io.github.camelmarketo.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.core.HazelcastInstance;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.support.CallBudgetExceededException;
import io.github.camelmarketo.component.support.RateLimiter;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the shared budget does when members go away: a node left alone spends only its share, the concurrency leases of
 * a killed member are freed, and the daily quota and the pause after a rejection are the same on every node.
 */
class BudgetFailureTest {

    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<HazelcastCallBudget> budgets = new ArrayList<>();

    private void startCluster(int count, java.util.function.UnaryOperator<HazelcastCallBudget.Builder> options) {
        startCluster(count, config -> { }, options);
    }

    private void startCluster(int count, java.util.function.Consumer<Config> customizer,
                              java.util.function.UnaryOperator<HazelcastCallBudget.Builder> options) {
        HazelcastNodes nodes = new HazelcastNodes(count);
        for (int i = 0; i < count; i++) {
            members.add(nodes.start(i, customizer));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> members.get(0).getCluster().getMembers().size() == count);
        for (HazelcastInstance member : members) {
            budgets.add(options.apply(HazelcastCallBudget.builder(member, "123-ABC-456")).build());
        }
    }

    @AfterEach
    void stop() {
        budgets.forEach(HazelcastCallBudget::close);
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    @Test
    void aNodeLeftAloneSpendsItsShareAndReturnsWhenAMemberJoins() throws Exception {
        startCluster(3, b -> b.callsPerWindow(20).window(Duration.ofSeconds(1)).maxConcurrentCalls(10).maxDailyCalls(300));
        HazelcastCallBudget survivor = budgets.get(0);
        assertThat(survivor.isShared()).isTrue();

        members.get(1).shutdown();
        members.get(2).shutdown();
        await().atMost(Duration.ofSeconds(30)).until(() -> !survivor.isShared());

        assertThat(survivor.localShareLimits())
                .isEqualTo(new HazelcastCallBudget.LocalShareLimits(3, 6, Duration.ofSeconds(1), 3, 100));

        // real calls against the emulator through the component, on the local share
        try (MarketoEmulator emulator = MarketoEmulator.builder().leads(10).build().start()) {
            emulator.limits().setPolicy(Api.REST,
                    LimitPolicy.marketoRest().withCallsPerWindow(20, Duration.ofSeconds(1)).withMaxConcurrent(10));
            CamelContext context = new DefaultCamelContext();
            MarketoComponent component = EmulatorNodes.component(emulator, MarketoApi.rest);
            component.getConfiguration().setRateLimiter(survivor);
            context.addComponent("marketo", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:upsert").to("marketo:syncLeads?lookupField=email");
                }
            });
            context.start();
            try {
                ProducerTemplate template = context.createProducerTemplate();
                for (int i = 0; i < 12; i++) {
                    template.requestBody("direct:upsert", List.of(Lead.withEmail("alone" + i + "@example.com")));
                }
            } finally {
                context.stop();
            }
            long localCalls = survivor.getLocalShareCalls();
            System.out.printf("node left alone: local share %s, %d calls on it, emulator 606=%d 615=%d%n",
                    survivor.localShareLimits(), localCalls, emulator.counters().responses(Api.REST, "606"),
                    emulator.counters().responses(Api.REST, "615"));
            // the sync calls and the token request all went through the local share
            assertThat(localCalls).isGreaterThanOrEqualTo(12);
            assertThat(emulator.counters().calls(Api.REST, "POST /rest/v1/leads.json")).isEqualTo(12);
            assertThat(emulator.counters().responses(Api.REST, "606")).isZero();
        }

        // a member joins again: the budget is shared again
        members.set(1, new HazelcastNodes(1).startJoining(members.get(0)));
        await().atMost(Duration.ofSeconds(30)).until(survivor::isShared);
        long before = survivor.getLocalShareCalls();
        survivor.acquire().close();
        assertThat(survivor.getLocalShareCalls()).isEqualTo(before);
    }

    @Test
    void aNodeWhoseBudgetOperationsAreRefusedBySplitBrainProtectionSpendsItsShare() throws Exception {
        // the protection refuses the budget maps' operations below 3 members: what the minority side of a partition sees
        startCluster(3, config -> {
            config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig("budget-all", true, 3));
            config.addMapConfig(new MapConfig("camel-marketo.budget.*").setSplitBrainProtectionName("budget-all"));
        }, b -> b.callsPerWindow(20).window(Duration.ofSeconds(1)).maxConcurrentCalls(10));
        HazelcastCallBudget node = budgets.get(0);
        node.acquire().close();
        assertThat(node.getLocalShareCalls()).isZero();

        members.get(2).shutdown();
        await().atMost(Duration.ofSeconds(30)).until(() -> members.get(0).getCluster().getMembers().size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            node.acquire().close();
            return node.getLocalShareCalls() > 0;
        });
        // not alone, but refused: the local share, divided by the three members it has seen
        assertThat(node.isShared()).isTrue();
        assertThat(node.localShareLimits().members()).isEqualTo(3);
        assertThat(node.localShareLimits().callsPerWindow()).isEqualTo(6);
        System.out.printf("split-brain protection: %d calls on the local share %s%n", node.getLocalShareCalls(),
                node.localShareLimits());
    }

    @Test
    void theLeasesOfAKilledMemberAreFreed() throws Exception {
        startCluster(3, b -> b.callsPerWindow(0).maxConcurrentCalls(10));
        HazelcastCallBudget doomed = budgets.get(2);
        List<RateLimiter.Permit> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(doomed.acquire());
        }
        budgets.get(0).acquire().close();
        assertThat(budgets.get(0).getClusterInFlight()).isEqualTo(4);

        members.get(2).getLifecycleService().terminate();
        await().atMost(Duration.ofSeconds(60)).until(() -> budgets.get(0).getClusterInFlight() == 0);

        // all ten slots are available again
        List<RateLimiter.Permit> permits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            permits.add(budgets.get(i % 2).acquire());
        }
        assertThat(budgets.get(1).getClusterInFlight()).isEqualTo(10);
        permits.forEach(RateLimiter.Permit::close);
        assertThat(budgets.get(1).getClusterInFlight()).isZero();
        System.out.printf("killed member: %d leases held at the kill, %d left after its removal%n", held.size(),
                budgets.get(0).getClusterInFlight());
    }

    @Test
    void theDailyQuotaIsSharedAndResetsAtMidnightCentral() throws Exception {
        // 2026-03-08 is the day US Central time moves to daylight saving: the next midnight is 05:00 UTC
        Clock clock = Clock.fixed(Instant.parse("2026-03-08T12:00:00Z"), ZoneOffset.UTC);
        startCluster(2, b -> b.callsPerWindow(0).maxConcurrentCalls(10).maxDailyCalls(5).clock(clock));
        for (int i = 0; i < 5; i++) {
            budgets.get(i % 2).acquire().close();
        }
        for (HazelcastCallBudget budget : budgets) {
            assertThatThrownBy(budget::acquire)
                    .isInstanceOfSatisfying(CallBudgetExceededException.class, e -> {
                        assertThat(e.getMaxDailyCalls()).isEqualTo(5);
                        assertThat(e.getResetAt()).isEqualTo(Instant.parse("2026-03-09T05:00:00Z"));
                    });
            assertThat(budget.stats().callsToday()).isEqualTo(5);
        }
        assertThat(budgets.get(0).getClusterInFlight()).isZero();
    }

    @Test
    void aPauseAfterARejectionHoldsEveryNode() throws Exception {
        startCluster(2, b -> b.callsPerWindow(0).maxConcurrentCalls(10));
        budgets.get(0).pauseFor(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> budgets.get(1).remainingPauseMillis() > 0);
        budgets.get(1).acquire().close();
        assertThat(budgets.get(1).stats().throttledWaits()).isEqualTo(1);
    }
}

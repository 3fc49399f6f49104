package io.github.camelmarketo.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.hazelcast.core.HazelcastInstance;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three nodes run {@code master:marketo-leads:marketo:getMultipleLeads?...} with the {@link HazelcastClusterService}
 * and the cursor in a {@link HazelcastStateRepository}. In the middle of a page the leader's CamelContext is stopped
 * and its Hazelcast member terminated; another node takes over from the committed cursor: every lead is delivered and
 * only the uncommitted part of the interrupted page is delivered twice.
 */
class HazelcastLeadershipTest {

    private static final int NODES = 3;
    private static final int LEADS = 6_000;
    private static final int BATCH = 500;
    private static final int STOP_AT = 2_250;

    private MarketoEmulator emulator;
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<CamelContext> contexts = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (CamelContext context : contexts) {
            context.stop();
        }
        members.forEach(m -> m.getLifecycleService().terminate());
        if (emulator != null) {
            emulator.stop();
        }
    }

    @Test
    void anotherNodeContinuesFromTheCommittedCursorWhenTheLeaderStops() throws Exception {
        emulator = MarketoEmulator.builder().leads(LEADS).soapLimits(LimitPolicy.unlimited()).build().start();
        String uri = LeaderRoutes.masterUri(LeaderRoutes.since(), BATCH);
        HazelcastNodes nodes = new HazelcastNodes(NODES);
        LeadCounter counter = new LeadCounter();
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicReference<String> stoppedLeader = new AtomicReference<>();

        for (int i = 0; i < NODES; i++) {
            HazelcastInstance member = nodes.start(i);
            members.add(member);
            CamelContext context = new DefaultCamelContext();
            HazelcastClusterService clusterService = new HazelcastClusterService(member);
            clusterService.setAcquireInterval(Duration.ofMillis(200));
            context.addService(clusterService);
            context.getRegistry().bind("cursors", new HazelcastStateRepository(member, "marketo-cursors"));
            context.addComponent("marketo", EmulatorNodes.component(emulator, MarketoApi.soap));
            String node = "node-" + i;
            context.addRoutes(LeaderRoutes.route(uri, node, (n, id) -> {
                int delivered = counter.record(n, id);
                if (delivered == STOP_AT && stopped.compareAndSet(false, true)) {
                    // the leader goes away in the middle of a page: its context stops while the page is being
                    // processed, then its Hazelcast member is terminated
                    stoppedLeader.set(n);
                    new Thread(() -> {
                        try {
                            context.stop();
                        } finally {
                            member.getLifecycleService().terminate();
                        }
                    }, "stop-" + n).start();
                    await().atMost(Duration.ofSeconds(10)).until(() -> context.getStatus().isStopping() || context.isStopped());
                    Thread.sleep(200);
                }
                Thread.sleep(0, 500_000);
            }));
            context.start();
            contexts.add(context);
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> counter.distinct() == LEADS);

        Set<Long> missing = counter.missing(LeaderRoutes.allIds(emulator));
        int oldLeader = counter.deliveriesOf(stoppedLeader.get());
        System.out.printf("Hazelcast leadership: leader %s stopped after %d deliveries; per node %s; deliveries=%d, "
                          + "missing=%d, duplicates=%d (page=%d)%n",
                stoppedLeader.get(), oldLeader, counter.perNode(), counter.deliveries(), missing.size(),
                counter.duplicates(), BATCH);
        assertThat(stoppedLeader.get()).isNotNull();
        assertThat(missing).isEmpty();
        assertThat(counter.duplicates()).isLessThanOrEqualTo(BATCH);
        // the duplicates are the old leader's uncommitted part of its last page, delivered again by the new leader
        assertThat(counter.duplicates()).isEqualTo(oldLeader % BATCH);
        assertThat(counter.perNode()).hasSize(2);
        assertThat(counter.deliveries()).isEqualTo(LEADS + counter.duplicates());
    }
}

package io.github.camelmarketo.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same leadership with Camel's {@link FileLockClusterService} (nodes sharing a directory, e.g. on one host or a
 * shared volume) and the cursor in a {@link FileStateRepository} on the same directory: the leader's context stops in
 * the middle of a page and the other node takes over from the committed cursor.
 */
class FileLockLeadershipTest {

    private static final int NODES = 2;
    private static final int LEADS = 4_000;
    private static final int BATCH = 500;
    private static final int STOP_AT = 1_750;

    @TempDir
    Path dir;

    private MarketoEmulator emulator;
    private final List<CamelContext> contexts = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (CamelContext context : contexts) {
            context.stop();
        }
        if (emulator != null) {
            emulator.stop();
        }
    }

    @Test
    void theOtherNodeContinuesFromTheCommittedCursorWhenTheLeaderStops() throws Exception {
        emulator = MarketoEmulator.builder().leads(LEADS).soapLimits(LimitPolicy.unlimited()).build().start();
        String uri = LeaderRoutes.masterUri(LeaderRoutes.since(), BATCH);
        LeadCounter counter = new LeadCounter();
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicReference<String> stoppedLeader = new AtomicReference<>();

        for (int i = 0; i < NODES; i++) {
            CamelContext context = new DefaultCamelContext();
            FileLockClusterService clusterService = new FileLockClusterService();
            clusterService.setRoot(dir.resolve("cluster").toString());
            clusterService.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
            clusterService.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
            context.addService(clusterService);
            context.getRegistry().bind("cursors",
                    FileStateRepository.fileStateRepository(dir.resolve("marketo-cursors.dat").toFile()));
            context.addComponent("marketo", EmulatorNodes.component(emulator, MarketoApi.soap));
            context.addRoutes(LeaderRoutes.route(uri, "node-" + i, (n, id) -> {
                int delivered = counter.record(n, id);
                if (delivered == STOP_AT && stopped.compareAndSet(false, true)) {
                    stoppedLeader.set(n);
                    new Thread(context::stop, "stop-" + n).start();
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
        System.out.printf("file-lock leadership: leader %s stopped after %d deliveries; per node %s; deliveries=%d, "
                          + "missing=%d, duplicates=%d (page=%d)%n",
                stoppedLeader.get(), oldLeader, counter.perNode(), counter.deliveries(), missing.size(),
                counter.duplicates(), BATCH);
        assertThat(missing).isEmpty();
        assertThat(counter.duplicates()).isLessThanOrEqualTo(BATCH);
        assertThat(counter.duplicates()).isEqualTo(oldLeader % BATCH);
        assertThat(counter.perNode()).hasSize(2);
        assertThat(counter.deliveries()).isEqualTo(LEADS + counter.duplicates());
    }
}

package io.github.camelmarketo.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.hazelcast.core.HazelcastInstance;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.core.LimitPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The leader runs in a child JVM ({@link ClusterNodeMain}) and is killed with SIGKILL in the middle of the stream; one
 * of the two nodes in this JVM takes over when Hazelcast removes the dead member, from the cursor in the
 * {@link HazelcastStateRepository} (whose backup survives the kill): no lead is missing and at most one page is
 * delivered twice.
 */
class KilledLeaderTest {

    private static final int LEADS = 6_000;
    private static final int BATCH = 500;
    private static final int KILL_AT = 1_250;

    @TempDir
    Path dir;

    private MarketoEmulator emulator;
    private Process child;
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<CamelContext> contexts = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        if (child != null) {
            child.destroyForcibly().waitFor();
        }
        for (CamelContext context : contexts) {
            context.stop();
        }
        members.forEach(m -> m.getLifecycleService().terminate());
        if (emulator != null) {
            emulator.stop();
        }
    }

    @Test
    void aNodeTakesOverWhenTheLeadersJvmIsKilled() throws Exception {
        emulator = MarketoEmulator.builder().leads(LEADS).soapLimits(LimitPolicy.unlimited()).build().start();
        String since = LeaderRoutes.since();
        HazelcastNodes nodes = new HazelcastNodes(3);
        File childLog = dir.resolve("child-deliveries.txt").toFile();

        // the child starts first and so becomes the leader
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ClusterNodeMain.class.getName(),
                nodes.clusterName(), String.valueOf(nodes.port(0)), nodes.memberList(), emulator.getSoapEndpoint(),
                emulator.getSoapUserId(), emulator.getSoapEncryptionKey(), since, String.valueOf(BATCH),
                childLog.getAbsolutePath(), "8000");
        // the child's log beside the surefire reports
        File childOutput = Path.of("target", "killed-leader-child.log").toFile();
        builder.redirectErrorStream(true).redirectOutput(childOutput);
        child = builder.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> childDeliveries(childLog).size() > 0);

        LeadCounter counter = new LeadCounter();
        String uri = LeaderRoutes.masterUri(since, BATCH);
        for (int i = 1; i <= 2; i++) {
            HazelcastInstance member = nodes.start(i);
            members.add(member);
            CamelContext context = new DefaultCamelContext();
            HazelcastClusterService clusterService = new HazelcastClusterService(member);
            clusterService.setAcquireInterval(Duration.ofMillis(200));
            context.addService(clusterService);
            context.getRegistry().bind("cursors", new HazelcastStateRepository(member, "marketo-cursors"));
            context.addComponent("marketo", EmulatorNodes.component(emulator, MarketoApi.soap));
            context.addRoutes(LeaderRoutes.route(uri, "node-" + i, counter::record));
            context.start();
            contexts.add(context);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> members.get(0).getCluster().getMembers().size() == 3);
        assertThat(counter.deliveries()).as("the nodes in this JVM are followers").isZero();

        await().atMost(Duration.ofSeconds(60)).until(() -> childDeliveries(childLog).size() >= KILL_AT);
        child.destroyForcibly();
        child.waitFor();
        List<Long> killedLeader = childDeliveries(childLog);
        child = null;

        await().atMost(Duration.ofSeconds(90)).until(() -> {
            Set<Long> missing = new java.util.HashSet<>(LeaderRoutes.allIds(emulator));
            missing.removeAll(killedLeader);
            return counter.missing(missing).isEmpty();
        });
        counter.recordAll("child", killedLeader);

        Set<Long> missing = counter.missing(LeaderRoutes.allIds(emulator));
        System.out.printf("SIGKILL leadership: child killed after %d deliveries; per node %s; deliveries=%d, missing=%d, "
                          + "duplicates=%d (page=%d)%n",
                killedLeader.size(), counter.perNode(), counter.deliveries(), missing.size(), counter.duplicates(), BATCH);
        assertThat(killedLeader.size()).isBetween(KILL_AT, LEADS - 1);
        assertThat(missing).isEmpty();
        assertThat(counter.duplicates()).isLessThanOrEqualTo(BATCH);
        assertThat(counter.deliveries()).isEqualTo(LEADS + counter.duplicates());
    }

    /** The complete lines of the child's log (a line cut by the kill is not a delivery the child finished). */
    private static List<Long> childDeliveries(File log) throws IOException {
        if (!log.exists()) {
            return List.of();
        }
        String text = Files.readString(log.toPath(), StandardCharsets.US_ASCII);
        List<Long> ids = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            ids.add(Long.parseLong(text.substring(start, end)));
            start = end + 1;
        }
        return ids;
    }
}

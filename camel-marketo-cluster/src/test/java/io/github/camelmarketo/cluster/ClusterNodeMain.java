package io.github.camelmarketo.cluster;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One node in its own JVM, for the SIGKILL test: a Hazelcast member and a CamelContext running the leader route, every
 * delivered lead id appended to a file (one write per lead, so that what the kernel has is what was delivered).
 *
 * <p>
 * Arguments: cluster name, port, member list, SOAP endpoint, SOAP user id, SOAP encryption key, watermark, batch size,
 * output file, pause per lead in microseconds.
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String clusterName = args[0];
        int port = Integer.parseInt(args[1]);
        String members = args[2];
        String soapEndpoint = args[3];
        String userId = args[4];
        String encryptionKey = args[5];
        String since = args[6];
        int batchSize = Integer.parseInt(args[7]);
        String output = args[8];
        long pauseMicros = Long.parseLong(args[9]);

        HazelcastInstance member = Hazelcast.newHazelcastInstance(HazelcastNodes.config(clusterName, port, members));
        CamelContext context = new DefaultCamelContext();
        HazelcastClusterService clusterService = new HazelcastClusterService(member);
        clusterService.setAcquireInterval(Duration.ofMillis(200));
        context.addService(clusterService);
        context.getRegistry().bind("cursors", new HazelcastStateRepository(member, "marketo-cursors"));
        MarketoComponent component = new MarketoComponent();
        component.getConfiguration().setApi(MarketoApi.soap);
        component.getConfiguration().setSoapEndpoint(soapEndpoint);
        component.getConfiguration().setUserId(userId);
        component.getConfiguration().setEncryptionKey(encryptionKey);
        context.addComponent("marketo", component);
        OutputStream out = new FileOutputStream(output, true);
        context.addRoutes(LeaderRoutes.route(LeaderRoutes.masterUri(since, batchSize), "child", (node, id) -> {
            synchronized (out) {
                out.write((id + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            if (pauseMicros > 0) {
                Thread.sleep(pauseMicros / 1000, (int) (pauseMicros % 1000) * 1000);
            }
        }));
        context.start();
        System.out.println("child node started on port " + port);
        // the parent holds our stdin: when it is gone (end of stream), so are we
        while (System.in.read() >= 0) {
            // nothing is sent
        }
        Runtime.getRuntime().halt(1);
    }
}

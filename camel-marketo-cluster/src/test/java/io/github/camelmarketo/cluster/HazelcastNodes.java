package io.github.camelmarketo.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * Real Hazelcast members for tests: each joins over TCP on 127.0.0.1 on its own port (multicast and auto-detection
 * off), in a cluster whose name is unique to the test, with a short failure detector so that a killed member is removed
 * within seconds.
 */
final class HazelcastNodes {

    private final String clusterName = "camel-marketo-test-" + UUID.randomUUID();
    private final List<Integer> ports = new ArrayList<>();

    /** Reserves {@code count} free ports; members are started with {@link #start(int)}. */
    HazelcastNodes(int count) {
        for (int i = 0; i < count; i++) {
            ports.add(freePort());
        }
    }

    String clusterName() {
        return clusterName;
    }

    int port(int index) {
        return ports.get(index);
    }

    /** {@code 127.0.0.1:p1,127.0.0.1:p2,...} */
    String memberList() {
        return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    /** Starts member {@code index} (blocks until it has joined whoever is up). */
    HazelcastInstance start(int index) {
        return start(index, config -> { });
    }

    /** Starts member {@code index} with its configuration changed by {@code customizer}. */
    HazelcastInstance start(int index, java.util.function.Consumer<Config> customizer) {
        Config config = config(clusterName, ports.get(index), memberList());
        customizer.accept(config);
        return Hazelcast.newHazelcastInstance(config);
    }

    /** Starts a new member (on this object's first port) that joins the cluster of {@code existing}. */
    HazelcastInstance startJoining(HazelcastInstance existing) {
        String seed = "127.0.0.1:" + existing.getCluster().getLocalMember().getAddress().getPort();
        return Hazelcast.newHazelcastInstance(
                config(existing.getConfig().getClusterName(), ports.get(0), seed + ",127.0.0.1:" + ports.get(0)));
    }

    /** The configuration every test member uses, also in the child JVM. */
    static Config config(String clusterName, int port, String members) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setInstanceName(clusterName + "-" + port);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (String member : members.split(",")) {
            join.getTcpIpConfig().addMember(member);
        }
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.partition.count", "31");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "6");
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        config.getJetConfig().setEnabled(false);
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

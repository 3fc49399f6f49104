package io.github.camelmarketo.cluster;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts how often each lead id was delivered, on all nodes together and per node. */
final class LeadCounter {

    private final Map<Long, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perNode = new ConcurrentHashMap<>();

    /** Records one delivery of {@code id} on {@code node}; returns the node's deliveries so far. */
    int record(String node, long id) {
        seen.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        return perNode.computeIfAbsent(node, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Records deliveries made elsewhere (a child JVM's log). */
    void recordAll(String node, Collection<Long> ids) {
        ids.forEach(id -> record(node, id));
    }

    int distinct() {
        return seen.size();
    }

    int deliveries() {
        return seen.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int duplicates() {
        return deliveries() - distinct();
    }

    int deliveriesOf(String node) {
        AtomicInteger n = perNode.get(node);
        return n == null ? 0 : n.get();
    }

    Map<String, Integer> perNode() {
        Map<String, Integer> result = new java.util.TreeMap<>();
        perNode.forEach((k, v) -> result.put(k, v.get()));
        return result;
    }

    /** The ids of {@code expected} never delivered. */
    Set<Long> missing(Collection<Long> expected) {
        Set<Long> missing = new HashSet<>(expected);
        missing.removeAll(seen.keySet());
        return missing;
    }
}

package io.github.camelmarketo.component.marketo.consumer;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmarketo.component.marketo.model.Lead;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Counts how often each lead id reached the route. */
final class LeadCollector implements Processor {

    private final Map<Long, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final Map<Long, Lead> last = new ConcurrentHashMap<>();

    @Override
    public void process(Exchange exchange) {
        Lead lead = exchange.getMessage().getBody(Lead.class);
        seen.computeIfAbsent(lead.getId(), id -> new AtomicInteger()).incrementAndGet();
        last.put(lead.getId(), lead);
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

    Set<Long> ids() {
        return seen.keySet();
    }

    int count(long id) {
        AtomicInteger n = seen.get(id);
        return n == null ? 0 : n.get();
    }

    Lead last(long id) {
        return last.get(id);
    }
}

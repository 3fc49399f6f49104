package io.github.camelmarketo.component.marketo.consumer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmarketo.component.marketo.MarketoConstants;
import io.github.camelmarketo.component.marketo.model.Lead;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** Counts the exchanges of a leadSelector=leadChanges route: changed leads and deleted leads, per id. */
final class ChangeCollector implements Processor {

    private final Map<Long, AtomicInteger> changes = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> deletions = new ConcurrentHashMap<>();
    private final Map<Long, Lead> lastLead = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> lastFields = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastDate = new ConcurrentHashMap<>();
    private final AtomicInteger exchanges = new AtomicInteger();

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        long id = message.getHeader(MarketoConstants.LEAD_ID, Long.class);
        if (Boolean.TRUE.equals(message.getHeader(MarketoConstants.LEAD_DELETED, Boolean.class))) {
            if (message.getBody(Long.class) != id) {
                throw new IllegalStateException("a deleted lead's body is its id");
            }
            deletions.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        } else {
            Lead lead = message.getBody(Lead.class);
            if (lead == null || lead.getId() == null || lead.getId() != id) {
                throw new IllegalStateException("a changed lead's body is the Lead with the header's id");
            }
            changes.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            lastLead.put(id, lead);
            lastFields.put(id, message.getHeader(MarketoConstants.CHANGED_FIELDS, List.class));
        }
        lastDate.put(id, message.getHeader(MarketoConstants.ACTIVITY_DATE, Instant.class));
        exchanges.incrementAndGet();
    }

    int exchanges() {
        return exchanges.get();
    }

    Set<Long> changedIds() {
        return changes.keySet();
    }

    Set<Long> deletedIds() {
        return deletions.keySet();
    }

    int changeCount(long id) {
        AtomicInteger n = changes.get(id);
        return n == null ? 0 : n.get();
    }

    int deletionCount(long id) {
        AtomicInteger n = deletions.get(id);
        return n == null ? 0 : n.get();
    }

    int changeDeliveries() {
        return changes.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int deletionDeliveries() {
        return deletions.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    Lead lead(long id) {
        return lastLead.get(id);
    }

    List<String> changedFields(long id) {
        return lastFields.get(id);
    }

    Instant activityDate(long id) {
        return lastDate.get(id);
    }
}

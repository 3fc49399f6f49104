package io.github.camelmarketo.examples.quickstart;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the two routes did: sync results by status, and the leads streamed back. Completes once every
 * synced lead has been streamed back at least once.
 */
public class QuickstartSummary {

    private static final Logger LOG = LoggerFactory.getLogger(QuickstartSummary.class);

    private final Set<Long> syncedIds = ConcurrentHashMap.newKeySet();
    private final Set<Long> streamedIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger updated = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger exchanges = new AtomicInteger();
    private final CountDownLatch complete = new CountDownLatch(1);
    private volatile boolean syncDone;

    /** Called by the sync route with the results of marketo:syncMultipleLeads (one per CSV row, in order). */
    public void synced(List<SyncResult> results) {
        for (SyncResult result : results) {
            if (result.status() == SyncStatus.CREATED) {
                created.incrementAndGet();
            } else if (result.status() == SyncStatus.UPDATED) {
                updated.incrementAndGet();
            } else {
                failed.incrementAndGet();
                LOG.warn("CSV row {} not synced: {} {}", result.index() + 1, result.status(), result.reasons());
            }
            if (result.isSuccess() && result.leadId() != null) {
                syncedIds.add(result.leadId());
            }
        }
        LOG.info("Synced {} leads: {} created, {} updated, {} failed", results.size(), created, updated, failed);
        syncDone = true;
        checkComplete();
    }

    /** Called by the streaming route for each lead the consumer delivers. */
    public void streamed(Lead lead) {
        int n = exchanges.incrementAndGet();
        if (lead.getId() != null) {
            streamedIds.add(lead.getId());
        }
        if (n % 10 == 0) {
            LOG.info("Streamed {} leads so far (last: {})", n, lead.getEmail());
        }
        checkComplete();
    }

    private void checkComplete() {
        if (syncDone && streamedIds.containsAll(syncedIds)) {
            complete.countDown();
        }
    }

    /** Waits until every synced lead was streamed back; false on timeout. */
    public boolean await(Duration timeout) throws InterruptedException {
        return complete.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether every synced lead was streamed back. */
    public boolean isComplete() {
        return complete.getCount() == 0;
    }

    /** Synced leads not streamed back (yet). */
    public int missing() {
        return (int) syncedIds.stream().filter(id -> !streamedIds.contains(id)).count();
    }

    public int created() {
        return created.get();
    }

    public int updated() {
        return updated.get();
    }

    public int failed() {
        return failed.get();
    }

    /** Leads the consumer delivered (all of them, duplicates and leads not synced by this run included). */
    public int streamed() {
        return exchanges.get();
    }

    public String report() {
        return String.format("created=%d updated=%d failed=%d | streamed back %d leads (%d distinct), %d of %d synced leads seen",
                created.get(), updated.get(), failed.get(), exchanges.get(), streamedIds.size(),
                syncedIds.size() - missing(), syncedIds.size());
    }
}

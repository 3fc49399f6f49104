package io.github.camelmarketo.component.leadsquared;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The leads for a list of ids, in the order of the ids, fetched lazily: one request's worth of ids (a chunk of at
 * most {@code maxIdsPerRequest}) at a time, each chunk paged until every lead found for it has arrived. Memory is
 * bounded by one chunk of leads whatever the number of ids. Ids that match no lead are collected in
 * {@link #getMissingIds()} as their chunk is fetched. Not thread-safe: consume it from one thread.
 */
public final class LeadSquaredLeadIterator implements Iterator<LeadSquaredLead> {

    private final LeadSquaredClient client;
    private final List<String> ids;
    private final List<String> columns;
    private final int chunkSize;
    private final int pageSize;
    private final Deque<LeadSquaredLead> buffer = new ArrayDeque<>();
    private final List<String> missing = new ArrayList<>();
    private int nextChunkStart;
    private int requests;

    LeadSquaredLeadIterator(LeadSquaredClient client, List<String> ids, List<String> columns, int chunkSize, int pageSize) {
        this.client = client;
        this.ids = ids;
        this.columns = columns;
        this.chunkSize = chunkSize;
        this.pageSize = pageSize;
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && nextChunkStart < ids.size()) {
            int end = Math.min(ids.size(), nextChunkStart + chunkSize);
            fetch(ids.subList(nextChunkStart, end));
            nextChunkStart = end;
        }
        return !buffer.isEmpty();
    }

    @Override
    public LeadSquaredLead next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more LeadSquared leads");
        }
        return buffer.pollFirst();
    }

    private void fetch(List<String> chunk) {
        Map<String, LeadSquaredLead> found = new HashMap<>();
        int received = 0;
        // there cannot be more found leads than ids: a bound even if the answers never get short
        int maxPages = (chunk.size() + pageSize - 1) / pageSize;
        for (int pageIndex = 1; pageIndex <= maxPages; pageIndex++) {
            LeadSquaredClient.Page page = client.retrieve(chunk, columns, pageIndex, pageSize);
            requests++;
            for (LeadSquaredLead lead : page.leads()) {
                found.putIfAbsent(lead.getId().toString(), lead);
            }
            received += page.leads().size();
            boolean lastPage = page.leads().size() < pageSize
                               || page.recordCount() >= 0 && received >= page.recordCount();
            if (lastPage) {
                break;
            }
        }
        for (String id : chunk) {
            LeadSquaredLead lead = found.get(id);
            if (lead == null) {
                missing.add(id);
            } else {
                buffer.addLast(lead);
            }
        }
    }

    /**
     * Requested ids (canonical lower-case GUIDs) that matched no lead, in request order: complete once
     * {@link #hasNext()} has returned false. A live read-only view.
     */
    public List<String> getMissingIds() {
        return Collections.unmodifiableList(missing);
    }

    /** Distinct ids this iterator covers. */
    public int getRequestedIdCount() {
        return ids.size();
    }

    /** HTTP requests made so far (pages; retries not counted). */
    public int getRequestCount() {
        return requests;
    }

    @Override
    public String toString() {
        return "LeadSquaredLeadIterator[" + ids.size() + " ids, " + requests + " requests, " + missing.size() + " missing]";
    }
}

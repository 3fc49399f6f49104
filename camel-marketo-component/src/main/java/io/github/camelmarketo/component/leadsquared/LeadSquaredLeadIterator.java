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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leads for a list of ids, fetched lazily: one request's worth of ids (a chunk of at most
 * {@code maxIdsPerRequest}) at a time, each request read to its last page by a {@link LeadSquaredPager}. Memory is
 * bounded by one request's leads whatever the number of ids. Not thread-safe: consume it from one thread.
 *
 * <p>
 * When the answers carry {@code ProspectId} the leads come in the order of the ids and the ids that matched no lead
 * are collected in {@link #getMissingIds()} as their request is read. When an answer carries no {@code ProspectId}
 * (the vendor's example answer does not, although its request asks for it), that request's leads come in the order
 * the vendor sent them with {@code getId() == null}, the missing ids cannot be known ({@link #isMissingIdsKnown()}
 * turns false), and one WARN names the column. A {@code RecordCount} that fits neither reading of the document (leads
 * of the request, leads of the page) is logged once as a WARN; it never decides where paging stops.
 */
public final class LeadSquaredLeadIterator implements Iterator<LeadSquaredLead> {

    private static final Logger LOG = LoggerFactory.getLogger(LeadSquaredLeadIterator.class);

    private final LeadSquaredClient client;
    private final LeadSquaredPager pager;
    private final List<String> ids;
    private final int chunkSize;
    private final Deque<LeadSquaredLead> buffer = new ArrayDeque<>();
    private final List<String> missing = new ArrayList<>();
    private Runnable onMissingIdsUnknowable = () -> {
    };
    private boolean missingIdsKnown = true;
    private boolean recordCountWarned;
    private int nextChunkStart;
    private int requests;

    LeadSquaredLeadIterator(LeadSquaredClient client, List<String> ids, List<String> columns, int chunkSize, int pageSize) {
        this.client = client;
        this.pager = new LeadSquaredPager(client, columns, pageSize);
        this.ids = ids;
        this.chunkSize = chunkSize;
    }

    /** Runs {@code action} once, when an answer without {@code ProspectId} makes the missing ids unknowable. */
    void onMissingIdsUnknowable(Runnable action) {
        this.onMissingIdsUnknowable = action;
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
        LeadSquaredPager.Pages pages = pager.read(chunk);
        requests += pages.calls();
        if (!recordCountWarned && !pages.recordCountAgrees()) {
            recordCountWarned = true;
            LOG.warn("LeadSquared getLeadsByIds on {}: RecordCount {} fits neither the {} leads answered for the request"
                     + " nor the leads of each page {}; paging went by the pages (a page shorter than PageSize is the last)."
                     + " If the server caps PageSize below pageSize, set pageSize to its cap",
                    client.host(), abbreviate(pages.recordCounts()), pages.leads().size(), abbreviate(pages.pageSizes()));
        }
        if (pages.leads().stream().anyMatch(lead -> lead.getId() == null)) {
            buffer.addAll(pages.leads());
            missingIdsUnknowable();
            return;
        }
        Map<String, LeadSquaredLead> found = new HashMap<>();
        for (LeadSquaredLead lead : pages.leads()) {
            found.putIfAbsent(lead.getId().toString(), lead);
        }
        for (String id : chunk) {
            LeadSquaredLead lead = found.get(id);
            if (lead != null) {
                buffer.addLast(lead);
            } else if (missingIdsKnown) {
                missing.add(id);
            }
        }
    }

    /** A list for a log line: at most its first 10 elements. */
    private static String abbreviate(List<Integer> values) {
        return values.size() <= 10 ? values.toString()
                : values.subList(0, 10).toString().replace("]", ", ... (" + values.size() + " pages)]");
    }

    private void missingIdsUnknowable() {
        if (!missingIdsKnown) {
            return;
        }
        missingIdsKnown = false;
        missing.clear();
        LOG.warn("LeadSquared getLeadsByIds on {}: the answer carries no {} column although it was requested; its leads are"
                 + " returned in the order the vendor sent them with getId() null, and the ids without a lead cannot be"
                 + " known (no CamelLeadSquaredMissingIds)", client.host(), LeadSquaredPageReader.PROSPECT_ID);
        onMissingIdsUnknowable.run();
    }

    /**
     * Requested ids (canonical lower-case GUIDs) that matched no lead, in request order: complete once
     * {@link #hasNext()} has returned false. A live read-only view; empty for good once {@link #isMissingIdsKnown()}
     * is false.
     */
    public List<String> getMissingIds() {
        return Collections.unmodifiableList(missing);
    }

    /**
     * Whether {@link #getMissingIds()} can be trusted: false once an answer carried no {@code ProspectId}, so its leads
     * could not be matched to the requested ids.
     */
    public boolean isMissingIdsKnown() {
        return missingIdsKnown;
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
        return "LeadSquaredLeadIterator[" + ids.size() + " ids, " + requests + " requests, "
               + (missingIdsKnown ? missing.size() + " missing]" : "missing unknown]");
    }
}

package io.github.camelmarketo.component.marketo.client;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.MarketoCallStats;

/**
 * The operations both Marketo APIs offer, over the shared {@code model}. {@code soap/} and {@code rest/} each
 * implement it; the producer and the consumer talk only to this interface. Implementations are thread-safe, map
 * vendor faults to {@link io.github.camelmarketo.component.marketo.model.MarketoException} subclasses, and apply
 * the rate limiting and retry policy of their API. Callers chunk lists to the operation table's limits
 * ({@code MarketoOperation#getChunkLimit(MarketoApi)}) before calling.
 */
public interface MarketoClient extends AutoCloseable {

    /** Which API this client calls. */
    MarketoApi api();

    /** The call statistics of the Marketo instance this client calls (shared with the instance's other clients). */
    default MarketoCallStats callStats() {
        return null;
    }

    /** Leads matching {@code key} (usually 0 or 1; several for duplicate emails). */
    List<Lead> getLead(LeadKey key, List<String> fields);

    /**
     * One page of the leads {@code selector} selects.
     *
     * @param position  opaque position returned by the previous page ({@link LeadPage#nextPosition()}), null to start
     * @param batchSize page size
     * @param fields    fields to return, empty for the default set
     */
    LeadPage getMultipleLeads(LeadSelector selector, String position, int batchSize, List<String> fields);

    /**
     * As {@link #getMultipleLeads(LeadSelector, String, int, List)}, reporting to {@code checkpoint} an intermediate
     * position that is worth storing before the page arrives (REST Bulk Extract: the new export job, so that a restart
     * reuses it instead of orphaning it). A checkpoint names the same leads as {@code position}: nothing is skipped.
     */
    default LeadPage getMultipleLeads(LeadSelector selector, String position, int batchSize, List<String> fields,
                                      Consumer<String> checkpoint) {
        return getMultipleLeads(selector, position, batchSize, fields);
    }

    /** Creates or updates one lead. A record the vendor refused is a result with status FAILED/SKIPPED. */
    SyncResult syncLead(Lead lead, SyncOptions options);

    /** Creates or updates at most 300 leads; one result per lead, in input order. */
    List<SyncResult> syncMultipleLeads(List<Lead> leads, SyncOptions options);

    /**
     * The vendor's current time as estimated from the {@code Date} header of its latest answer, or {@code host}'s time
     * before any answer (used for clock-safe watermarks).
     */
    default Instant vendorNow(Clock host) {
        return host.instant();
    }

    @Override
    void close();
}

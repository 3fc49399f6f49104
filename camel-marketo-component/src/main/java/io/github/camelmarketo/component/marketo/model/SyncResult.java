package io.github.camelmarketo.component.marketo.model;

import java.util.List;

/**
 * The outcome for one input record of a sync/delete/etc. Results come back in input order, one per record; a failed
 * record is a result with {@link SyncStatus#FAILED} or {@link SyncStatus#SKIPPED} and its reasons, never an
 * exception that loses the other records.
 *
 * @param index   position of the record in the input
 * @param leadId  lead id (null when the vendor did not create/match one)
 * @param status  what happened
 * @param reasons why it was skipped/failed; on a success, warnings (e.g. a REST syncLead whose follow-up call,
 *                associateLead or the returnLead read-back, failed after the sync was applied), else empty
 * @param lead    the lead as stored when {@code returnLead=true} (SOAP syncLead), else null
 */
public record SyncResult(int index, Long leadId, SyncStatus status, List<Reason> reasons, Lead lead) {

    public SyncResult {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public boolean isSuccess() {
        return status.isSuccess();
    }
}

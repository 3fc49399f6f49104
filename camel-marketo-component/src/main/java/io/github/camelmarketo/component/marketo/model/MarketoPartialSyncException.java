package io.github.camelmarketo.component.marketo.model;

import java.util.List;

/**
 * A chunked write (syncMultipleLeads, syncLeads, deleteLeads, pushLeads) whose chunk failed after earlier chunks
 * were applied. It carries the results of the applied chunks (input indexes {@code 0} to
 * {@code getResumeIndex() - 1}) and the index of the first record of the failed chunk, so a route can send the rest
 * again without sending an applied record twice:
 *
 * <pre>
 * onException(MarketoPartialSyncException.class).handled(true).process(e -&gt; {
 *     MarketoPartialSyncException p = e.getProperty(Exchange.EXCEPTION_CAUGHT, MarketoPartialSyncException.class);
 *     List&lt;Lead&gt; leads = e.getMessage().getBody(List.class);
 *     e.getMessage().setBody(new ArrayList&lt;&gt;(leads.subList(p.getResumeIndex(), leads.size())));
 * }).to("seda:resync");
 * </pre>
 *
 * Records from {@link #getResumeIndex()} on were not applied by this call, except possibly those of the failed chunk
 * ({@link #getFailedChunkSize()} records) when {@link #isFailedChunkMayBeApplied()}: the call broke in a way that does
 * not tell whether the vendor applied it (HTTP 5xx, 604/611, a connection lost after the request was sent). An upsert
 * ({@code createOrUpdate}, {@code dedupEnabled=true}) can be resent as is; for {@code createDuplicate} or
 * {@code dedupEnabled=false} look the failed chunk's records up first. A failure of the first chunk is the cause
 * itself (nothing was applied before it), not this exception. The cause is the chunk's own exception.
 */
public class MarketoPartialSyncException extends MarketoException {

    private final List<SyncResult> appliedResults;
    private final int resumeIndex;
    private final int failedChunkSize;
    private final boolean failedChunkMayBeApplied;

    public MarketoPartialSyncException(String operation, List<SyncResult> appliedResults, int resumeIndex,
                                       int failedChunkSize, boolean failedChunkMayBeApplied, MarketoException cause) {
        super(operation, cause.getCode(), cause.getVendorMessage(), cause.getRequestId(),
                hint(appliedResults.size(), resumeIndex, failedChunkSize, failedChunkMayBeApplied), cause);
        this.appliedResults = List.copyOf(appliedResults);
        this.resumeIndex = resumeIndex;
        this.failedChunkSize = failedChunkSize;
        this.failedChunkMayBeApplied = failedChunkMayBeApplied;
    }

    private static String hint(int applied, int resumeIndex, int failedChunkSize, boolean mayBeApplied) {
        return "The first " + applied + " records were applied (their results are in getAppliedResults()); resume from "
               + "record index " + resumeIndex + (mayBeApplied
                       ? ". The failed chunk (records " + resumeIndex + " to " + (resumeIndex + failedChunkSize - 1)
                         + ") may have been applied: check those records before creating them again"
                       : "; the failed chunk was not applied");
    }

    /** Results of the records the call applied, in input order (indexes 0 to {@code getResumeIndex() - 1}). */
    public List<SyncResult> getAppliedResults() {
        return appliedResults;
    }

    /** Input index of the first record not applied by this call: the first record of the failed chunk. */
    public int getResumeIndex() {
        return resumeIndex;
    }

    /** Number of records of the failed chunk (from {@link #getResumeIndex()}). */
    public int getFailedChunkSize() {
        return failedChunkSize;
    }

    /** Whether the failed chunk may have been applied although its call failed (the failure does not tell). */
    public boolean isFailedChunkMayBeApplied() {
        return failedChunkMayBeApplied;
    }
}

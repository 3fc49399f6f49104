package io.github.camelmarketo.component.marketo;

/** What a REST {@code leadSelector=lastUpdateAt} consumer does when Bulk Extract refuses the updatedAt filter (1035). */
public enum ExtractFallback {
    /** Fail (every poll) with a message naming leadSelector=leadChanges. */
    none,
    /** Switch to the lead-change feed from the same watermark, logged once. */
    leadChanges
}

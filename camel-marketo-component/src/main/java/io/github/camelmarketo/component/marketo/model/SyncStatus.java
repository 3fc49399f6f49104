package io.github.camelmarketo.component.marketo.model;

/**
 * Outcome of syncing one lead. SOAP says CREATED/UPDATED/FAILED; REST says created/updated/skipped (and deleted for
 * deleteLeads, and the others for list/merge operations); both map here.
 */
public enum SyncStatus {
    CREATED,
    UPDATED,
    DELETED,
    /** REST {@code skipped}: the record was not applied; see the reasons. */
    SKIPPED,
    /** SOAP {@code FAILED}: the record was not applied; see the reasons. */
    FAILED;

    /** Whether the record was applied. */
    public boolean isSuccess() {
        return this == CREATED || this == UPDATED || this == DELETED;
    }
}

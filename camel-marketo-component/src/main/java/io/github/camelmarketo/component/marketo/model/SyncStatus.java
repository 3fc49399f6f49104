package io.github.camelmarketo.component.marketo.model;

/**
 * Outcome of syncing one lead. SOAP says CREATED/UPDATED/FAILED; REST says created/updated/skipped (deleted for
 * deleteLeads; added, removed, memberof and notmemberof for static list membership); both map here.
 */
public enum SyncStatus {
    CREATED,
    UPDATED,
    DELETED,
    /** REST addToList {@code added}: the lead is now a member of the static list. */
    ADDED,
    /** REST removeFromList {@code removed}: the lead is no longer a member of the static list. */
    REMOVED,
    /** REST isMemberOfList {@code memberof}: the lead is a member of the static list. */
    MEMBER,
    /** REST isMemberOfList {@code notmemberof}: the lead exists and is not a member of the static list. */
    NOT_MEMBER,
    /**
     * REST syncMultipleLeads above {@code bulkImportThreshold}: imported by Bulk Lead Import, which reports neither
     * the lead id nor whether it was created or updated.
     */
    IMPORTED,
    /** REST {@code skipped}: the record was not applied; see the reasons. */
    SKIPPED,
    /** SOAP {@code FAILED}: the record was not applied; see the reasons. */
    FAILED;

    /** Whether the record was applied (for isMemberOfList: whether the lead was checked). */
    public boolean isSuccess() {
        return this != SKIPPED && this != FAILED;
    }
}

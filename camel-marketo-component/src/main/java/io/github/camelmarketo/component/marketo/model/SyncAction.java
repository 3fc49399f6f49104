package io.github.camelmarketo.component.marketo.model;

/** REST sync {@code action}. On SOAP, createOrUpdate is syncLead/syncMultipleLeads (createDuplicate = dedupEnabled=false). */
public enum SyncAction {
    createOrUpdate,
    createOnly,
    updateOnly,
    createDuplicate
}

package io.github.camelmarketo.component.marketo;

/** Which leads the consumer (and a body-less getMultipleLeads producer) selects. */
public enum LeadSelectorType {
    /** Leads updated since {@code oldestUpdatedAt} (optionally until {@code latestUpdatedAt}). */
    lastUpdateAt,
    /** Members of the static list {@code staticListName} or {@code staticListId}. */
    staticList,
    /** The leads whose {@code leadKeyType} keys are listed in {@code leadKeys}. */
    leadKeys,
    /**
     * REST only, consumer only: leads created, changed or deleted since {@code oldestUpdatedAt}, from the activity
     * feed (lead changes and deleted leads), one exchange per changed lead and page.
     */
    leadChanges
}

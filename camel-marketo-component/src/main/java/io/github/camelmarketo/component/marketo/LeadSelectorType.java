package io.github.camelmarketo.component.marketo;

/** Which leads the consumer (and a body-less getMultipleLeads producer) selects. */
public enum LeadSelectorType {
    /** Leads updated since {@code oldestUpdatedAt} (optionally until {@code latestUpdatedAt}). */
    lastUpdateAt,
    /** Members of the static list {@code staticListName} or {@code staticListId}. */
    staticList,
    /** The leads whose {@code leadKeyType} keys are listed in {@code leadKeys}. */
    leadKeys
}

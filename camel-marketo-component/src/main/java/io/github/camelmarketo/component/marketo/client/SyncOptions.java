package io.github.camelmarketo.component.marketo.client;

import io.github.camelmarketo.component.marketo.model.SyncAction;

/**
 * How a sync call behaves, resolved per exchange from the endpoint options and {@code CamelMarketo*} headers. Each
 * transport uses the options its API has (SOAP: dedupEnabled, returnLead, marketoCookie, targetWorkspace; REST:
 * action, lookupField, partitionName, asyncProcessing).
 *
 * @param dedupEnabled    false creates duplicates (REST action createDuplicate)
 * @param returnLead      syncLead: return the stored lead (REST reads it back)
 * @param marketoCookie   SOAP syncLead: Munchkin cookie, may be null
 * @param action          REST action; null means createOrUpdate (or createDuplicate when dedupEnabled is false)
 * @param lookupField     REST lookupField, may be null
 * @param partitionName   REST partitionName, may be null
 * @param asyncProcessing REST asyncProcessing
 */
public record SyncOptions(boolean dedupEnabled, boolean returnLead, String marketoCookie, SyncAction action,
                          String lookupField, String partitionName, boolean asyncProcessing) {

    /** The REST action these options mean. */
    public SyncAction effectiveAction() {
        if (action != null) {
            return action;
        }
        return dedupEnabled ? SyncAction.createOrUpdate : SyncAction.createDuplicate;
    }
}

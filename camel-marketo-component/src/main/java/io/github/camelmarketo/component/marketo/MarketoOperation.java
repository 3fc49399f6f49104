package io.github.camelmarketo.component.marketo;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.camelmarketo.component.marketo.model.MarketoApi;

/**
 * The operation table: every operation a {@code marketo:} endpoint can perform, named by the URI path
 * ({@code marketo:syncMultipleLeads}). Each constant states which APIs support it, whether it writes (this drives
 * the retry policy: writes are retried only when the error proves nothing was applied) and the vendor's per-call
 * chunk limit (0 = the operation takes no list): the one place the vendor's per-call limits are stated.
 */
public enum MarketoOperation {
    getLead(true, false, 0),
    getMultipleLeads(true, false, 100, 300),
    syncLead(true, true, 0),
    syncMultipleLeads(true, true, 300),
    describeLeads(false, false, 0),
    getLeadsById(false, false, 300),
    getLeadsByFilter(false, false, 300),
    syncLeads(false, true, 300),
    deleteLeads(false, true, 300),
    mergeLeads(false, true, 25),
    associateLead(false, true, 0),
    pushLeads(false, true, 300),
    getLeadsByList(false, false, 0),
    getLeadsByProgram(false, false, 0),
    getListsByLead(false, false, 0),
    getProgramsByLead(false, false, 0),
    getCampaignsByLead(false, false, 0),
    addToList(false, true, 300),
    removeFromList(false, true, 300),
    isMemberOfList(false, false, 300),
    describeLeads2(false, false, 0),
    getLeadById(false, false, 0),
    getLeadPartitions(false, false, 0),
    updateLeadPartitions(false, true, 300),
    changeProgramStatus(false, true, 300),
    requestCampaign(false, true, 100),
    scheduleCampaign(false, true, 0),
    /** Bulk Lead Import: not chunked by records but into CSV files of at most 10 MB (option importFileSize). */
    importLeads(false, true, 0),
    /** The instance's activity types. */
    getActivityTypes(false, false, 0),
    /** Activities of 1 to 10 types (option activityTypeIds), optionally of at most 30 leads per call or of a list. */
    getLeadActivities(false, false, 30),
    /** Deleted leads, from the activity feed. */
    getDeletedLeads(false, false, 0);

    private final boolean soapSupported;
    private final boolean write;
    private final int chunkLimit;
    private final int restChunkLimit;

    MarketoOperation(boolean soapSupported, boolean write, int chunkLimit) {
        this(soapSupported, write, chunkLimit, chunkLimit);
    }

    MarketoOperation(boolean soapSupported, boolean write, int chunkLimit, int restChunkLimit) {
        this.soapSupported = soapSupported;
        this.write = write;
        this.chunkLimit = chunkLimit;
        this.restChunkLimit = restChunkLimit;
    }

    /** Whether the SOAP API has this operation (all operations run over REST). */
    public boolean isSoapSupported() {
        return soapSupported;
    }

    /** Whether the operation changes data (retried only when the error proves nothing was applied). */
    public boolean isWrite() {
        return write;
    }

    /**
     * Largest list the vendor accepts in one call on both APIs (getMultipleLeads: 100 keys, SOAP's limit; sync,
     * delete, filterValues, list membership, partitions, program status: 300; merge: 25 losing leads;
     * requestCampaign: 100 leads; getLeadActivities: 30 lead ids); 0 when the operation takes no list.
     */
    public int getChunkLimit() {
        return chunkLimit;
    }

    /** Largest list one call of {@code api} accepts (REST getMultipleLeads by key: 300 filter values). */
    public int getChunkLimit(MarketoApi api) {
        return api == MarketoApi.rest ? restChunkLimit : chunkLimit;
    }

    /** The operation named by a URI path, or an error that lists every valid name. */
    public static MarketoOperation fromPath(String path) {
        for (MarketoOperation op : values()) {
            if (op.name().equals(path)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown Marketo operation '" + path + "' in marketo:" + path
                + ". Valid operations: " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}

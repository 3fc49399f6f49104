package io.github.camelmarketo.component.marketo;

import io.github.camelmarketo.component.marketo.model.SyncAction;
import org.apache.camel.spi.Metadata;

/** Message headers of the {@code marketo:} component. */
public final class MarketoConstants {

    @Metadata(label = "producer", description = "Per-message override of the getMultipleLeads start position (SOAP stream position or REST page token); "
                                                + "on output, the position of the next page (absent after the last page).",
              javaType = "String")
    public static final String STREAM_POSITION = "CamelMarketoStreamPosition";

    @Metadata(label = "producer", description = "REST nextPageToken of the next page (same value as CamelMarketoStreamPosition on REST). "
                                                + "getLeadActivities, getDeletedLeads: the paging token to start from on input, and the token "
                                                + "to continue from on output (set after every page, also the last: keep it to read later activities).",
              javaType = "String")
    public static final String NEXT_PAGE_TOKEN = "CamelMarketoNextPageToken";

    @Metadata(label = "producer", description = "Leads remaining after this page (SOAP remainingCount; -1 when the API does not say).",
              javaType = "Integer")
    public static final String REMAINING_COUNT = "CamelMarketoRemainingCount";

    @Metadata(label = "producer", description = "Whether another page exists (activity reads: the vendor's moreResult).", javaType = "Boolean")
    public static final String MORE_RESULT = "CamelMarketoMoreResult";

    @Metadata(label = "producer", description = "Per-message override of the fields to return (comma-separated).",
              javaType = "String")
    public static final String FIELDS = "CamelMarketoFields";

    @Metadata(label = "producer", description = "Per-message override of the lead key type for a String body.",
              javaType = "io.github.camelmarketo.component.marketo.model.LeadKeyType")
    public static final String LEAD_KEY_TYPE = "CamelMarketoLeadKeyType";

    @Metadata(label = "producer", description = "Per-message override of dedupEnabled.", javaType = "Boolean")
    public static final String DEDUP_ENABLED = "CamelMarketoDedupEnabled";

    @Metadata(label = "producer", description = "Per-message override of the REST lookupField.", javaType = "String")
    public static final String LOOKUP_FIELD = "CamelMarketoLookupField";

    @Metadata(label = "producer", description = "Per-message override of the REST sync action.",
              javaType = "io.github.camelmarketo.component.marketo.model.SyncAction")
    public static final String ACTION = "CamelMarketoAction";

    @Metadata(label = "producer", description = "Per-message override of the SOAP marketoCookie.", javaType = "String")
    public static final String MARKETO_COOKIE = "CamelMarketoCookie";

    @Metadata(label = "producer", description = "Number of records in the result that failed or were skipped.",
              javaType = "Integer")
    public static final String FAILED_COUNT = "CamelMarketoFailedCount";

    @Metadata(label = "consumer", description = "Id of the lead in this exchange.", javaType = "Long")
    public static final String LEAD_ID = "CamelMarketoLeadId";

    @Metadata(label = "consumer", description = "The lead selector that produced this exchange (lastUpdateAt, staticList, leadKeys, leadChanges).",
              javaType = "String")
    public static final String SELECTOR = "CamelMarketoSelector";

    @Metadata(label = "consumer", description = "leadSelector=leadChanges: the date of the lead's latest activity in the feed page "
                                                + "(for a deleted lead, its deletion).",
              javaType = "java.time.Instant")
    public static final String ACTIVITY_DATE = "CamelMarketoActivityDate";

    @Metadata(label = "consumer", description = "leadSelector=leadChanges: names of the lead fields the page's activities changed, "
                                                + "in first-seen order (empty for a new lead or a deletion).",
              javaType = "java.util.List<String>")
    public static final String CHANGED_FIELDS = "CamelMarketoChangedFields";

    @Metadata(label = "consumer", description = "leadSelector=leadChanges: true when the lead was deleted (the body is then its id, "
                                                + "a Long), false for a created or changed lead (the body is the current Lead).",
              javaType = "Boolean")
    public static final String LEAD_DELETED = "CamelMarketoLeadDeleted";

    @Metadata(label = "producer", description = "REST getLeadsByFilter: the field to filter on (default: the REST name of leadKeyType).",
              javaType = "String")
    public static final String FILTER_TYPE = "CamelMarketoFilterType";

    @Metadata(label = "producer", description = "REST getLeadsByProgram, changeProgramStatus: the program id (getLeadsByProgram also takes "
                                                + "it as the body; changeProgramStatus defaults to option programId).",
              javaType = "Long")
    public static final String PROGRAM_ID = "CamelMarketoProgramId";

    @Metadata(label = "producer", description = "REST getLeadsByList, addToList, removeFromList, isMemberOfList: the static list id "
                                                + "(default staticListId, then staticListName; getLeadsByList also takes it as the body); "
                                                + "getLeadActivities: the optional list whose members' activities are read.",
              javaType = "Long")
    public static final String LIST_ID = "CamelMarketoListId";

    @Metadata(label = "producer", description = "REST pushLeads: the program the push is attributed to (required).",
              javaType = "String")
    public static final String PROGRAM_NAME = "CamelMarketoProgramName";

    @Metadata(label = "producer", description = "REST pushLeads: optional source text recorded on the activity.",
              javaType = "String")
    public static final String PUSH_SOURCE = "CamelMarketoPushSource";

    @Metadata(label = "producer", description = "REST pushLeads: optional reason text recorded on the activity.",
              javaType = "String")
    public static final String PUSH_REASON = "CamelMarketoPushReason";

    @Metadata(label = "producer", description = "REST mergeLeads: the winning lead id (required; the body lists the losing ids).",
              javaType = "Long")
    public static final String WINNING_LEAD_ID = "CamelMarketoWinningLeadId";

    @Metadata(label = "producer", description = "REST mergeLeads: also merge the records in the CRM (mergeInCRM).",
              javaType = "Boolean")
    public static final String MERGE_IN_CRM = "CamelMarketoMergeInCrm";

    @Metadata(label = "producer", description = "REST addToList, removeFromList, isMemberOfList, getLeadsByList, getLeadActivities: the static list "
                                                + "name, resolved to its id once per endpoint (used when CamelMarketoListId is not set).",
              javaType = "String")
    public static final String LIST_NAME = "CamelMarketoListName";

    @Metadata(label = "producer", description = "REST updateLeadPartitions: the partition to move the leads to (default: option partitionName).",
              javaType = "String")
    public static final String PARTITION_NAME = "CamelMarketoPartitionName";

    @Metadata(label = "producer", description = "REST changeProgramStatus: the new program status, e.g. Registered (default: option programStatus).",
              javaType = "String")
    public static final String PROGRAM_STATUS = "CamelMarketoProgramStatus";

    @Metadata(label = "producer", description = "REST requestCampaign, scheduleCampaign: the smart campaign id (default: option campaignId).",
              javaType = "Long")
    public static final String CAMPAIGN_ID = "CamelMarketoCampaignId";

    @Metadata(label = "producer", description = "REST requestCampaign, scheduleCampaign: My Tokens to override for this run, "
                                                + "token name ({{my.name}}) to value.",
              javaType = "java.util.Map<String, String>")
    public static final String CAMPAIGN_TOKENS = "CamelMarketoCampaignTokens";

    @Metadata(label = "producer", description = "REST scheduleCampaign: when the batch campaign runs (an Instant, a Date or an "
                                                + "ISO-8601 String); default: five minutes after the call.",
              javaType = "java.time.Instant")
    public static final String RUN_AT = "CamelMarketoRunAt";

    private MarketoConstants() {
    }
}

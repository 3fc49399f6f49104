package io.github.camelmarketo.component.marketo;

import io.github.camelmarketo.component.marketo.model.SyncAction;
import org.apache.camel.spi.Metadata;

/** Message headers of the {@code marketo:} component. */
public final class MarketoConstants {

    @Metadata(label = "producer", description = "Per-message override of the getMultipleLeads start position (SOAP stream position or REST page token); "
                                                + "on output, the position of the next page (absent after the last page).",
              javaType = "String")
    public static final String STREAM_POSITION = "CamelMarketoStreamPosition";

    @Metadata(label = "producer", description = "REST nextPageToken of the next page (same value as CamelMarketoStreamPosition on REST).",
              javaType = "String")
    public static final String NEXT_PAGE_TOKEN = "CamelMarketoNextPageToken";

    @Metadata(label = "producer", description = "Leads remaining after this page (SOAP remainingCount; -1 when the API does not say).",
              javaType = "Integer")
    public static final String REMAINING_COUNT = "CamelMarketoRemainingCount";

    @Metadata(label = "producer", description = "Whether another page exists.", javaType = "Boolean")
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

    @Metadata(label = "consumer", description = "The lead selector that produced this exchange (lastUpdateAt, staticList, leadKeys).",
              javaType = "String")
    public static final String SELECTOR = "CamelMarketoSelector";

    @Metadata(label = "producer", description = "REST getLeadsByFilter: the field to filter on (default: the REST name of leadKeyType).",
              javaType = "String")
    public static final String FILTER_TYPE = "CamelMarketoFilterType";

    @Metadata(label = "producer", description = "REST getLeadsByProgram: the program id (when the body does not give it).",
              javaType = "Long")
    public static final String PROGRAM_ID = "CamelMarketoProgramId";

    @Metadata(label = "producer", description = "REST getLeadsByList: the static list id (when the body does not give it; "
                                                + "default staticListId, then staticListName).",
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

    private MarketoConstants() {
    }
}

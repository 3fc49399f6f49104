package io.github.camelmarketo.component.marketo;

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
              javaType = "io.github.camelmarketo.component.marketo.SyncAction")
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

    private MarketoConstants() {
    }
}

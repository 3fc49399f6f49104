package io.github.camelmarketo.component.leadsquared;

import org.apache.camel.spi.Metadata;

/** Message headers of the {@code leadsquared:} component. */
public final class LeadSquaredConstants {

    @Metadata(label = "producer", description = "Per-message override of the columns to retrieve (comma-separated, the vendor's Include_CSV). "
                                                + "ProspectId is always added.",
              javaType = "String")
    public static final String COLUMNS = "CamelLeadSquaredColumns";

    @Metadata(label = "producer", description = "Requested lead ids (canonical lower-case GUIDs) that matched no lead, in request order. "
                                                + "With fetchAll=true the list fills while the iterator is consumed and is complete once it is exhausted. "
                                                + "Not set (with fetchAll=true: removed) when an answer carries no ProspectId, since ids without a lead cannot be known then.",
              javaType = "java.util.List<String>")
    public static final String MISSING_IDS = "CamelLeadSquaredMissingIds";

    @Metadata(label = "producer", description = "Number of leads in the result (not set with fetchAll=true).", javaType = "Integer")
    public static final String RECORD_COUNT = "CamelLeadSquaredRecordCount";

    private LeadSquaredConstants() {
    }
}

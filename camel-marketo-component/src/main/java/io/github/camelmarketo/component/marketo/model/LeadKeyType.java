package io.github.camelmarketo.component.marketo.model;

/**
 * Which field a {@link LeadKey} names. The constants are SOAP's {@code LeadKeyRef} values; {@link #restField()} is the
 * REST {@code filterType} that selects the same leads.
 */
public enum LeadKeyType {
    IDNUM("id"),
    COOKIE("cookies"),
    EMAIL("email"),
    LEADOWNEREMAIL("leadOwnerEmail"),
    SFDCACCOUNTID("sfdcAccountId"),
    SFDCCONTACTID("sfdcContactId"),
    SFDCLEADID("sfdcLeadId"),
    SFDCLEADOWNERID("sfdcLeadOwnerId"),
    SFDCOPPTYID("sfdcOpptyId");

    private final String restField;

    LeadKeyType(String restField) {
        this.restField = restField;
    }

    /** The REST {@code filterType} for this key. */
    public String restField() {
        return restField;
    }
}

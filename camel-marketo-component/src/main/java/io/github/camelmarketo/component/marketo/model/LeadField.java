package io.github.camelmarketo.component.marketo.model;

/**
 * A field of the lead schema ({@code describeLeads}).
 *
 * @param name      REST API name, e.g. {@code firstName}
 * @param soapName  SOAP attribute name, e.g. {@code FirstName}, null if the field is REST-only
 * @param dataType  {@code string}, {@code email}, {@code integer}, {@code datetime}, ...
 * @param length    maximum length, null when not limited
 * @param readOnly  whether the field can be written
 */
public record LeadField(String name, String soapName, String dataType, Integer length, boolean readOnly) {
}

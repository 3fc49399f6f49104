package io.github.camelmarketo.emulator.core;

/**
 * A field of the lead schema, as REST {@code describe.json} and SOAP {@code attrType} report it.
 *
 * @param restName  API name, e.g. {@code "firstName"} (REST) — SOAP uses {@link #soapName()}
 * @param soapName  SOAP attribute name, e.g. {@code "FirstName"}
 * @param dataType  {@code string}, {@code email}, {@code integer}, {@code datetime}, {@code url}, ...
 * @param length    max length for strings, or {@code null}
 * @param readOnly  whether sync rejects it
 */
public record LeadField(String restName, String soapName, String dataType, Integer length, boolean readOnly) {

    /** The UI name of a field, {@code firstName} -> {@code First Name} (describe and activities use it). */
    public static String displayName(String restName) {
        StringBuilder label = new StringBuilder();
        for (char c : restName.toCharArray()) {
            if (Character.isUpperCase(c) && label.length() > 0) {
                label.append(' ');
            }
            label.append(label.length() == 0 ? Character.toUpperCase(c) : c);
        }
        return label.toString();
    }
}

package io.github.camelmarketo.component.leadsquared;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A LeadSquared lead: its id ({@code ProspectId}, a GUID) plus the retrieved columns as a field map.
 *
 * <p>
 * Field names are case-insensitive ({@code lead.get("emailaddress")} reads {@code EmailAddress}); the name the vendor
 * sent is kept for output. Values are strings as the vendor sends them ({@code null} for an empty field); non-text
 * JSON values are kept in their JSON text form. The map includes {@code ProspectId} when the answer carried it.
 *
 * <p>
 * The vendor's document shows answers without {@code ProspectId} although it was requested; such leads have no id
 * ({@link #getId()} is {@code null}) and can be told apart only by their other columns.
 */
public final class LeadSquaredLead {

    private final UUID id;
    private final Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** A lead with this id; {@code null} when the answer carried no {@code ProspectId}. */
    public LeadSquaredLead(UUID id) {
        this.id = id;
    }

    /** The lead id ({@code ProspectId}); {@code null} when the answer did not carry it. */
    public UUID getId() {
        return id;
    }

    /** Read-only view of the fields (case-insensitive names). */
    public Map<String, String> getFields() {
        return Collections.unmodifiableMap(fields);
    }

    /** A field by name, ignoring case; null if absent or empty. */
    public String get(String name) {
        return fields.get(name);
    }

    /** Whether the field was retrieved (its value may be null). */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** Sets a field; returns this lead for chaining. */
    public LeadSquaredLead set(String name, String value) {
        Objects.requireNonNull(name, "field name");
        fields.put(name, value);
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof LeadSquaredLead other && Objects.equals(id, other.id) && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        // the id only (0 without one): stable while fields are set, and equal leads have equal ids
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "LeadSquaredLead[id=" + id + ", fields=" + fields.keySet() + "]";
    }
}

package io.github.camelmarketo.component.marketo.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Marketo lead, the same for SOAP and REST: the identifying fields plus a map of attributes.
 *
 * <p>
 * Attribute names are case-insensitive, because SOAP names a field {@code FirstName} and REST names it
 * {@code firstName}: {@code lead.get("firstName")} and {@code lead.get("FirstName")} read the same value. The name
 * first put is kept for output. Values are strings as both APIs send them ({@code null} clears a field on sync).
 */
public final class Lead {

    private Long id;
    private String email;
    private String foreignSysPersonId;
    private String foreignSysType;
    private final Map<String, String> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public Lead() {
    }

    /** A lead identified by email, the common case for sync. */
    public static Lead withEmail(String email) {
        return new Lead().setEmail(email);
    }

    /** Marketo lead id ({@code Id} in SOAP, {@code id} in REST); null for a lead not yet created. */
    public Long getId() {
        return id;
    }

    public Lead setId(Long id) {
        this.id = id;
        return this;
    }

    public String getEmail() {
        return email;
    }

    public Lead setEmail(String email) {
        this.email = email;
        return this;
    }

    public String getForeignSysPersonId() {
        return foreignSysPersonId;
    }

    public Lead setForeignSysPersonId(String foreignSysPersonId) {
        this.foreignSysPersonId = foreignSysPersonId;
        return this;
    }

    /** {@code CUSTOM}, {@code SFDC} or {@code NETSUITE}; required with foreignSysPersonId on SOAP. */
    public String getForeignSysType() {
        return foreignSysType;
    }

    public Lead setForeignSysType(String foreignSysType) {
        this.foreignSysType = foreignSysType;
        return this;
    }

    /** Read-only view of the attributes (case-insensitive names). */
    public Map<String, String> getAttributes() {
        return Collections.unmodifiableMap(attributes);
    }

    /** An attribute by name, ignoring case; null if absent. */
    public String get(String name) {
        return attributes.get(name);
    }

    /** Sets an attribute; returns this lead for chaining. */
    public Lead set(String name, String value) {
        Objects.requireNonNull(name, "attribute name");
        attributes.put(name, value);
        return this;
    }

    public Lead setAll(Map<String, String> values) {
        values.forEach(this::set);
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Lead other)) {
            return false;
        }
        return Objects.equals(id, other.id) && Objects.equals(email, other.email)
                && Objects.equals(foreignSysPersonId, other.foreignSysPersonId)
                && Objects.equals(foreignSysType, other.foreignSysType)
                && attributes.equals(other.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, email, foreignSysPersonId);
    }

    @Override
    public String toString() {
        return "Lead[id=" + id + ", email=" + email + ", attributes=" + attributes.keySet() + "]";
    }
}

package io.github.camelmarketo.emulator.core;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One lead as the emulator stores it, shared by the SOAP, REST and bulk-extract views. Standard fields are
 * properties; everything else is an attribute keyed by its API name (SOAP {@code attrName} == REST field name).
 * Instances are mutable and guarded by the {@link LeadStore}: never hand them out without {@link #copy()}.
 */
public final class EmulatorLead {

    private final int id;
    private String email;
    private String foreignSysPersonId;
    private String foreignSysType;
    private String partition = LeadStore.DEFAULT_PARTITION;
    private final Set<String> cookies = new LinkedHashSet<>();
    /** Case-insensitive: SOAP says {@code FirstName}, REST says {@code firstName}; both name one field. */
    private final Map<String, String> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private Instant createdAt;
    private Instant updatedAt;
    /** Monotonic change sequence number from the store; orders leads with equal updatedAt. */
    private long updateSeq;

    public EmulatorLead(int id) {
        this.id = id;
    }

    public int getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getForeignSysPersonId() {
        return foreignSysPersonId;
    }

    public void setForeignSysPersonId(String foreignSysPersonId) {
        this.foreignSysPersonId = foreignSysPersonId;
    }

    public String getForeignSysType() {
        return foreignSysType;
    }

    public void setForeignSysType(String foreignSysType) {
        this.foreignSysType = foreignSysType;
    }

    public String getPartition() {
        return partition;
    }

    public void setPartition(String partition) {
        this.partition = partition;
    }

    public Set<String> getCookies() {
        return cookies;
    }

    public Map<String, String> getAttributes() {
        return attributes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public long getUpdateSeq() {
        return updateSeq;
    }

    void setUpdateSeq(long updateSeq) {
        this.updateSeq = updateSeq;
    }

    /** A detached snapshot, safe to read outside the store's lock. */
    public EmulatorLead copy() {
        EmulatorLead copy = new EmulatorLead(id);
        copy.email = email;
        copy.foreignSysPersonId = foreignSysPersonId;
        copy.foreignSysType = foreignSysType;
        copy.partition = partition;
        copy.cookies.addAll(cookies);
        copy.attributes.putAll(attributes);
        copy.createdAt = createdAt;
        copy.updatedAt = updatedAt;
        copy.updateSeq = updateSeq;
        return copy;
    }

    @Override
    public String toString() {
        return "EmulatorLead[id=" + id + ", email=" + email + ", updatedAt=" + updatedAt + "]";
    }
}

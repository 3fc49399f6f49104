package io.github.camelmarketo.emulator.soap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.soap.mktows.Attribute;
import io.github.camelmarketo.emulator.soap.mktows.LeadRecord;
import io.github.camelmarketo.emulator.soap.mktows.LeadSyncStatus;

/**
 * The upsert rules of syncLead (seed 004) and syncMultipleLeads (seed 001), one record at a time.
 * <ul>
 * <li>Key precedence: {@code Id} &gt; {@code ForeignSysPersonId} &gt; {@code marketoCookie} &gt; {@code Email}. An
 * {@code Id} that matches no lead fails the record (it never creates). A lead matched by Id gets the record's
 * ForeignSysPersonId. A lead matched by ForeignSysPersonId or cookie gets the record's Email in syncLead (seed 004);
 * in syncMultipleLeads only when {@code Email} is also listed as an attribute (seed 001).</li>
 * <li>{@code dedupEnabled=false} skips the Email lookup, so a record keyed by Email alone always creates a lead,
 * duplicates included. With dedup, the oldest lead with that email (case-insensitive) is updated.</li>
 * <li>A record without Id, ForeignSysPersonId, cookie and Email fails (20101). Attributes must exist in the field
 * schema and be writable (20105). Failures are per record: the caller reports them, other records go on.</li>
 * <li>Workspaces ({@code MktowsContextHeader.targetWorkspace}): new leads go to the named workspace's partition
 * ({@code Default} without the header); a lead matched by Id, ForeignSysPersonId or cookie must already be in the
 * named workspace, otherwise the record fails (20106); a lead matched by Email is updated where it is.</li>
 * </ul>
 * Upserts are serialized so concurrent calls never race each other into duplicates.
 */
final class LeadSync {

    /** What happened to one record: CREATED/UPDATED with the lead, or FAILED with a vendor code and text. */
    record Outcome(LeadSyncStatus status, int leadId, EmulatorLead lead, String code, String error) {

        static Outcome failed(int leadId, String code, String error) {
            return new Outcome(LeadSyncStatus.FAILED, leadId, null, code, error);
        }
    }

    private enum MatchedBy {
        ID, FOREIGN_SYS_PERSON_ID, COOKIE, EMAIL
    }

    private final LeadStore store;

    LeadSync(LeadStore store) {
        this.store = store;
    }

    /**
     * Upserts one record.
     *
     * @param workspace      target workspace from the context header, or {@code null} without one
     * @param emailFromKey   whether a lead matched by another key takes the record's {@code Email} (syncLead)
     */
    synchronized Outcome sync(LeadRecord record, String cookie, boolean dedup, String workspace, boolean emailFromKey) {
        Integer id = MultipleLeadsQuery.value(record.getId());
        int reportedId = id == null ? 0 : id;
        String email = blankToNull(MultipleLeadsQuery.value(record.getEmail()));
        String fspId = blankToNull(MultipleLeadsQuery.value(record.getForeignSysPersonId()));
        String fspType = record.getForeignSysType() == null || record.getForeignSysType().isNil() ? null
                : record.getForeignSysType().getValue().value();
        String marketoCookie = blankToNull(cookie);

        Map<String, String> attributes = new LinkedHashMap<>();
        List<Attribute> given = record.getLeadAttributeList() == null || record.getLeadAttributeList().isNil() ? List.of()
                : record.getLeadAttributeList().getValue().getAttribute();
        for (Attribute attribute : given) {
            String name = attribute.getAttrName() == null ? "" : attribute.getAttrName().trim();
            Optional<LeadField> field = store.field(name);
            if (field.isEmpty()) {
                return Outcome.failed(reportedId, SoapFaults.LEAD_ATTRIBUTE_BAD, "Attribute '" + name + "' not found");
            }
            if (field.get().readOnly()) {
                return Outcome.failed(reportedId, SoapFaults.LEAD_ATTRIBUTE_BAD, "Attribute '" + name + "' is read-only");
            }
            attributes.put(field.get().soapName(), attribute.getAttrValue());
        }
        boolean emailAttribute = attributes.containsKey("Email");

        MatchedBy matchedBy;
        Optional<EmulatorLead> match;
        if (id != null) {
            matchedBy = MatchedBy.ID;
            match = store.findById(id);
            if (match.isEmpty()) {
                return Outcome.failed(reportedId, SoapFaults.LEAD_NOT_FOUND, "Lead not found: no lead with Id " + id);
            }
        } else if (fspId != null) {
            matchedBy = MatchedBy.FOREIGN_SYS_PERSON_ID;
            match = store.findByForeignSysPersonId(fspId).stream().findFirst();
        } else if (marketoCookie != null) {
            matchedBy = MatchedBy.COOKIE;
            match = store.findByCookie(marketoCookie).stream().findFirst();
        } else if (email != null || emailAttribute) {
            matchedBy = MatchedBy.EMAIL;
            String key = email != null ? email : attributes.get("Email");
            match = dedup ? store.findByEmail(key).stream().findFirst() : Optional.empty();
        } else {
            return Outcome.failed(0, SoapFaults.LEAD_KEY_REQUIRED,
                    "Lead key required: the record has no Id, ForeignSysPersonId, marketoCookie or Email");
        }

        if (match.isPresent() && workspace != null && matchedBy != MatchedBy.EMAIL
                && !workspace.equalsIgnoreCase(match.get().getPartition())) {
            return Outcome.failed(match.get().getId(), SoapFaults.LEAD_SYNC_FAILED, "Lead " + match.get().getId()
                    + " is not in the primary partition of workspace '" + workspace + "'");
        }

        boolean takeEmail = email != null && (matchedBy == MatchedBy.EMAIL || emailFromKey);
        Consumer<EmulatorLead> changes = lead -> {
            if (takeEmail) {
                lead.setEmail(email);
            }
            if (fspId != null) {
                lead.setForeignSysPersonId(fspId);
            }
            if (fspType != null) {
                lead.setForeignSysType(fspType);
            }
            if (marketoCookie != null) {
                lead.getCookies().add(marketoCookie);
            }
            attributes.forEach((name, value) -> apply(lead, name, value));
        };
        if (match.isPresent()) {
            EmulatorLead updated = store.update(match.get().getId(), changes).orElseThrow();
            return new Outcome(LeadSyncStatus.UPDATED, updated.getId(), updated, null, null);
        }
        EmulatorLead created = store.create(lead -> {
            lead.setPartition(workspace == null ? LeadStore.DEFAULT_PARTITION : workspace);
            if (email != null) {
                lead.setEmail(email);
            }
            changes.accept(lead);
        });
        return new Outcome(LeadSyncStatus.CREATED, created.getId(), created, null, null);
    }

    private static void apply(EmulatorLead lead, String name, String value) {
        switch (name) {
            case "Email" -> lead.setEmail(value);
            case "ForeignSysPersonId" -> lead.setForeignSysPersonId(value);
            case "ForeignSysType" -> lead.setForeignSysType(value);
            default -> {
                if (value == null || value.isEmpty()) {
                    lead.getAttributes().remove(name);
                } else {
                    lead.getAttributes().put(name, value);
                }
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

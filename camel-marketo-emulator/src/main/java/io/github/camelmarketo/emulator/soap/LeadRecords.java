package io.github.camelmarketo.emulator.soap;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.soap.mktows.ArrayOfAttribute;
import io.github.camelmarketo.emulator.soap.mktows.ArrayOfLeadRecord;
import io.github.camelmarketo.emulator.soap.mktows.Attribute;
import io.github.camelmarketo.emulator.soap.mktows.ForeignSysType;
import io.github.camelmarketo.emulator.soap.mktows.LeadRecord;
import io.github.camelmarketo.emulator.soap.mktows.ObjectFactory;

/**
 * Writes stored leads as SOAP {@code leadRecord}s: {@code Id}, {@code Email}, {@code ForeignSysPersonId},
 * {@code ForeignSysType} (nil when unset) and the attributes sorted by name with {@code attrType} from the store's
 * field schema ({@code string} for fields outside it). Empty values are left out, as the vendor does.
 */
final class LeadRecords {

    private static final ObjectFactory FACTORY = new ObjectFactory();

    private final LeadStore store;

    LeadRecords(LeadStore store) {
        this.store = store;
    }

    /** Attribute-name filter from {@code includeAttributes}; {@code null} or empty means every attribute. */
    static Set<String> filter(Collection<String> includeAttributes) {
        if (includeAttributes == null || includeAttributes.isEmpty()) {
            return null;
        }
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(includeAttributes);
        return names;
    }

    ArrayOfLeadRecord toList(Collection<EmulatorLead> leads, Set<String> include) {
        ArrayOfLeadRecord list = new ArrayOfLeadRecord();
        for (EmulatorLead lead : leads) {
            list.getLeadRecord().add(toRecord(lead, include));
        }
        return list;
    }

    LeadRecord toRecord(EmulatorLead lead, Set<String> include) {
        LeadRecord record = new LeadRecord();
        record.setId(FACTORY.createLeadRecordId(lead.getId()));
        record.setEmail(FACTORY.createLeadRecordEmail(lead.getEmail()));
        record.setForeignSysPersonId(FACTORY.createLeadRecordForeignSysPersonId(lead.getForeignSysPersonId()));
        record.setForeignSysType(FACTORY.createLeadRecordForeignSysType(foreignSysType(lead.getForeignSysType())));
        ArrayOfAttribute attributes = new ArrayOfAttribute();
        for (Map.Entry<String, String> e : lead.getAttributes().entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            Optional<LeadField> field = store.field(e.getKey());
            String name = field.map(LeadField::soapName).orElse(e.getKey());
            if (include != null && !include.contains(name)) {
                continue;
            }
            Attribute attribute = new Attribute();
            attribute.setAttrName(name);
            attribute.setAttrType(FACTORY.createAttributeAttrType(field.map(LeadField::dataType).orElse("string")));
            attribute.setAttrValue(e.getValue());
            attributes.getAttribute().add(attribute);
        }
        attributes.getAttribute().sort((a, b) -> a.getAttrName().compareToIgnoreCase(b.getAttrName()));
        record.setLeadAttributeList(FACTORY.createLeadRecordLeadAttributeList(attributes));
        return record;
    }

    private static ForeignSysType foreignSysType(String value) {
        if (value == null) {
            return null;
        }
        for (ForeignSysType type : ForeignSysType.values()) {
            if (type.value().equalsIgnoreCase(value)) {
                return type;
            }
        }
        return null;
    }
}

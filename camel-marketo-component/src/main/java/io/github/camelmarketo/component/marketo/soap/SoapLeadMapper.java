package io.github.camelmarketo.component.marketo.soap;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.Reason;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.component.marketo.soap.mktows.ArrayOfAttribute;
import io.github.camelmarketo.component.marketo.soap.mktows.ArrayOfLeadRecord;
import io.github.camelmarketo.component.marketo.soap.mktows.ArrayOfString;
import io.github.camelmarketo.component.marketo.soap.mktows.Attribute;
import io.github.camelmarketo.component.marketo.soap.mktows.ForeignSysType;
import io.github.camelmarketo.component.marketo.soap.mktows.LeadRecord;
import io.github.camelmarketo.component.marketo.soap.mktows.ObjectFactory;
import jakarta.xml.bind.JAXBElement;

/**
 * Maps between the WSDL's JAXB types and the shared model: {@code leadRecord} <-> {@link Lead},
 * {@code syncStatus} -> {@link SyncResult}. Nothing else in the component sees JAXB types.
 */
final class SoapLeadMapper {

    private static final ObjectFactory FACTORY = new ObjectFactory();
    private static final DatatypeFactory DATATYPES;

    static {
        try {
            DATATYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private SoapLeadMapper() {
    }

    static Lead toLead(LeadRecord record) {
        Lead lead = new Lead();
        Integer id = value(record.getId());
        lead.setId(id == null ? null : id.longValue());
        lead.setEmail(value(record.getEmail()));
        lead.setForeignSysPersonId(value(record.getForeignSysPersonId()));
        ForeignSysType type = value(record.getForeignSysType());
        lead.setForeignSysType(type == null ? null : type.value());
        ArrayOfAttribute attributes = value(record.getLeadAttributeList());
        if (attributes != null) {
            for (Attribute attribute : attributes.getAttribute()) {
                lead.set(attribute.getAttrName(), attribute.getAttrValue());
            }
        }
        return lead;
    }

    static List<Lead> toLeads(JAXBElement<ArrayOfLeadRecord> records) {
        ArrayOfLeadRecord list = value(records);
        if (list == null) {
            return List.of();
        }
        List<Lead> leads = new ArrayList<>(list.getLeadRecord().size());
        list.getLeadRecord().forEach(r -> leads.add(toLead(r)));
        return leads;
    }

    /** A {@code leadRecord} for sync; the standard fields are elements, everything else an attribute. */
    static LeadRecord toRecord(Lead lead) {
        LeadRecord record = new LeadRecord();
        if (lead.getId() != null) {
            record.setId(FACTORY.createLeadRecordId(Math.toIntExact(lead.getId())));
        }
        if (lead.getEmail() != null) {
            record.setEmail(FACTORY.createLeadRecordEmail(lead.getEmail()));
        }
        if (lead.getForeignSysPersonId() != null) {
            record.setForeignSysPersonId(FACTORY.createLeadRecordForeignSysPersonId(lead.getForeignSysPersonId()));
        }
        if (lead.getForeignSysType() != null) {
            record.setForeignSysType(FACTORY.createLeadRecordForeignSysType(foreignSysType(lead.getForeignSysType())));
        }
        if (!lead.getAttributes().isEmpty()) {
            ArrayOfAttribute attributes = new ArrayOfAttribute();
            for (Map.Entry<String, String> e : lead.getAttributes().entrySet()) {
                Attribute attribute = new Attribute();
                attribute.setAttrName(e.getKey());
                attribute.setAttrValue(e.getValue());
                attributes.getAttribute().add(attribute);
            }
            record.setLeadAttributeList(FACTORY.createLeadRecordLeadAttributeList(attributes));
        }
        return record;
    }

    private static ForeignSysType foreignSysType(String value) {
        try {
            return ForeignSysType.fromValue(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Lead.foreignSysType must be one of CUSTOM, SFDC, NETSUITE, was '" + value + "'");
        }
    }

    /** One {@code syncStatus} as the result of input record {@code index}. */
    static SyncResult toResult(int index, io.github.camelmarketo.component.marketo.soap.mktows.SyncStatus status, Lead lead) {
        SyncStatus mapped = switch (status.getStatus()) {
            case CREATED -> SyncStatus.CREATED;
            case UPDATED -> SyncStatus.UPDATED;
            case FAILED -> SyncStatus.FAILED;
        };
        Long leadId = status.getLeadId() > 0 ? Long.valueOf(status.getLeadId()) : null;
        List<Reason> reasons = status.getError() == null || status.getError().isBlank()
                ? List.of() : List.of(new Reason(null, status.getError()));
        return new SyncResult(index, leadId, mapped, reasons, lead);
    }

    static ArrayOfString strings(List<String> values) {
        ArrayOfString array = new ArrayOfString();
        array.getStringItem().addAll(values);
        return array;
    }

    static XMLGregorianCalendar calendar(OffsetDateTime time) {
        return DATATYPES.newXMLGregorianCalendar(GregorianCalendar.from(time.toZonedDateTime()));
    }

    static <T> T value(JAXBElement<T> element) {
        return element == null || element.isNil() ? null : element.getValue();
    }
}

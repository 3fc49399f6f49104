package io.github.camelmarketo.emulator.soap;

import java.net.MalformedURLException;
import java.net.URL;
import java.text.SimpleDateFormat;
import java.util.Date;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.soap.mktows.ArrayOfAttribute;
import io.github.camelmarketo.emulator.soap.mktows.Attribute;
import io.github.camelmarketo.emulator.soap.mktows.AuthenticationHeaderInfo;
import io.github.camelmarketo.emulator.soap.mktows.LeadRecord;
import io.github.camelmarketo.emulator.soap.mktows.MktMktowsApiService;
import io.github.camelmarketo.emulator.soap.mktows.MktowsPort;
import io.github.camelmarketo.emulator.soap.mktows.ObjectFactory;

/** JAX-WS clients built the way the vendor's Java sample builds them: from {@code <endpoint>?WSDL}. */
final class MktowsClients {

    private static final ObjectFactory FACTORY = new ObjectFactory();

    private MktowsClients() {
    }

    static MktowsPort port(MarketoEmulator emulator) {
        try {
            MktMktowsApiService service = new MktMktowsApiService(new URL(emulator.getSoapEndpoint() + "?WSDL"),
                    MktMktowsApiService.SERVICE);
            return service.getMktowsApiSoapPort();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The header of the vendor's Java sample: SimpleDateFormat timestamp with a colon in the offset. */
    static AuthenticationHeaderInfo header(MarketoEmulator emulator) {
        String text = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ssZ").format(new Date());
        String timestamp = text.substring(0, 22) + ":" + text.substring(22);
        return header(emulator.getSoapUserId(), emulator.getSoapEncryptionKey(), timestamp);
    }

    static AuthenticationHeaderInfo header(String userId, String key, String timestamp) {
        AuthenticationHeaderInfo header = new AuthenticationHeaderInfo();
        header.setMktowsUserId(userId);
        header.setRequestTimestamp(timestamp);
        header.setRequestSignature(RequestSignature.sign(key, timestamp, userId));
        return header;
    }

    /** A lead record with the given keys (null = absent) and one attribute. */
    static LeadRecord record(Integer id, String foreignSysPersonId, String email, String attrName, String attrValue) {
        LeadRecord record = new LeadRecord();
        if (id != null) {
            record.setId(FACTORY.createLeadRecordId(id));
        }
        if (foreignSysPersonId != null) {
            record.setForeignSysPersonId(FACTORY.createLeadRecordForeignSysPersonId(foreignSysPersonId));
        }
        if (email != null) {
            record.setEmail(FACTORY.createLeadRecordEmail(email));
        }
        ArrayOfAttribute attributes = new ArrayOfAttribute();
        Attribute attribute = new Attribute();
        attribute.setAttrName(attrName);
        attribute.setAttrValue(attrValue);
        attributes.getAttribute().add(attribute);
        record.setLeadAttributeList(FACTORY.createLeadRecordLeadAttributeList(attributes));
        return record;
    }
}

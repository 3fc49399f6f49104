package io.github.camelmarketo.examples.benchmark.raw;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.function.LongPredicate;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import io.github.camelmarketo.examples.benchmark.raw.mktows.ArrayOfAttribute;
import io.github.camelmarketo.examples.benchmark.raw.mktows.ArrayOfLeadRecord;
import io.github.camelmarketo.examples.benchmark.raw.mktows.ArrayOfString;
import io.github.camelmarketo.examples.benchmark.raw.mktows.Attribute;
import io.github.camelmarketo.examples.benchmark.raw.mktows.AuthenticationHeaderInfo;
import io.github.camelmarketo.examples.benchmark.raw.mktows.LastUpdateAtSelector;
import io.github.camelmarketo.examples.benchmark.raw.mktows.LeadKeyRef;
import io.github.camelmarketo.examples.benchmark.raw.mktows.LeadKeySelector;
import io.github.camelmarketo.examples.benchmark.raw.mktows.LeadRecord;
import io.github.camelmarketo.examples.benchmark.raw.mktows.LeadSelector;
import io.github.camelmarketo.examples.benchmark.raw.mktows.MktMktowsApiService;
import io.github.camelmarketo.examples.benchmark.raw.mktows.MktowsPort;
import io.github.camelmarketo.examples.benchmark.raw.mktows.ObjectFactory;
import io.github.camelmarketo.examples.benchmark.raw.mktows.ParamsGetMultipleLeads;
import io.github.camelmarketo.examples.benchmark.raw.mktows.ParamsSyncMultipleLeads;
import io.github.camelmarketo.examples.benchmark.raw.mktows.ResultGetMultipleLeads;
import io.github.camelmarketo.examples.benchmark.raw.mktows.SyncStatus;
import io.github.camelmarketo.examples.benchmark.tasks.BenchLeads.BenchLead;
import jakarta.xml.ws.BindingProvider;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * The SOAP baseline: a JAX-WS proxy generated from this module's copy of the WSDL (package {@code raw.mktows}),
 * every request signed as the vendor documents: {@code requestSignature} = lowercase hex
 * HMAC-SHA1(encryptionKey, requestTimestamp + userId), timestamp in W3C format with an offset.
 */
public final class RawSoapClient implements RawClient {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final ObjectFactory FACTORY = new ObjectFactory();
    /** The vendor's longest LastUpdateAt range (fault 20022 beyond). */
    private static final Duration MAX_WINDOW = Duration.ofDays(30);

    private final MktowsPort port;
    private final String userId;
    private final String encryptionKey;
    private final DatatypeFactory datatypes;

    public RawSoapClient(String endpoint, String userId, String encryptionKey) {
        this.port = new MktMktowsApiService(RawSoapClient.class.getResource("/raw-wsdl/mktows.wsdl")).getMktowsApiSoapPort();
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, endpoint);
        this.userId = userId;
        this.encryptionKey = encryptionKey;
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int maxSyncPerCall() {
        return 300;
    }

    @Override
    public int maxKeysPerCall() {
        return 100;
    }

    private AuthenticationHeaderInfo sign() {
        String timestamp = TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        AuthenticationHeaderInfo header = new AuthenticationHeaderInfo();
        header.setMktowsUserId(userId);
        header.setRequestTimestamp(timestamp);
        // HmacUtils holds a Mac, which is not thread-safe: one per request, as the component signs
        header.setRequestSignature(new HmacUtils(HmacAlgorithms.HMAC_SHA_1, encryptionKey).hmacHex(timestamp + userId));
        return header;
    }

    @Override
    public int sync(List<BenchLead> leads) throws Exception {
        ArrayOfLeadRecord records = new ArrayOfLeadRecord();
        for (BenchLead lead : leads) {
            LeadRecord record = new LeadRecord();
            record.setEmail(FACTORY.createLeadRecordEmail(lead.email()));
            ArrayOfAttribute attributes = new ArrayOfAttribute();
            attributes.getAttribute().add(attribute("FirstName", lead.firstName()));
            attributes.getAttribute().add(attribute("LastName", lead.lastName()));
            record.setLeadAttributeList(FACTORY.createLeadRecordLeadAttributeList(attributes));
            records.getLeadRecord().add(record);
        }
        ParamsSyncMultipleLeads params = new ParamsSyncMultipleLeads();
        params.setLeadRecordList(records);
        params.setDedupEnabled(FACTORY.createParamsSyncMultipleLeadsDedupEnabled(true));
        List<SyncStatus> statuses = port.syncMultipleLeads(params, sign(), null).getResult().getSyncStatusList().getSyncStatus();
        return (int) statuses.stream().filter(s -> s.getLeadId() > 0).count();
    }

    private static Attribute attribute(String name, String value) {
        Attribute attribute = new Attribute();
        attribute.setAttrName(name);
        attribute.setAttrValue(value);
        return attribute;
    }

    @Override
    public int readByEmail(List<String> emails) throws Exception {
        LeadKeySelector selector = new LeadKeySelector();
        selector.setKeyType(LeadKeyRef.EMAIL);
        ArrayOfString values = new ArrayOfString();
        values.getStringItem().addAll(emails);
        selector.setKeyValues(values);
        int count = 0;
        String position = null;
        do {
            ResultGetMultipleLeads result = fetch(selector, position, 1000);
            count += result.getReturnCount();
            position = result.getRemainingCount() > 0 && result.getNewStreamPosition() != null
                    ? result.getNewStreamPosition().getValue() : null;
        } while (position != null);
        return count;
    }

    @Override
    public void readUpdatedSince(Instant oldest, int batchSize, LongPredicate onLeads) throws Exception {
        Instant windowStart = oldest;
        Instant now = Instant.now();
        while (true) {
            Instant windowEnd = windowStart.plus(MAX_WINDOW);
            boolean last = windowEnd.isAfter(now);
            LastUpdateAtSelector selector = new LastUpdateAtSelector();
            selector.setOldestUpdatedAt(calendar(windowStart));
            if (!last) {
                selector.setLatestUpdatedAt(FACTORY.createLastUpdateAtSelectorLatestUpdatedAt(calendar(windowEnd.minusMillis(1))));
            }
            String position = null;
            do {
                ResultGetMultipleLeads result = fetch(selector, position, batchSize);
                int returned = result.getLeadRecordList() == null || result.getLeadRecordList().getValue() == null
                        ? 0 : result.getLeadRecordList().getValue().getLeadRecord().size();
                if (!onLeads.test(returned)) {
                    return;
                }
                position = result.getRemainingCount() > 0 ? result.getNewStreamPosition().getValue() : null;
            } while (position != null);
            if (last) {
                return;
            }
            windowStart = windowEnd;
        }
    }

    private ResultGetMultipleLeads fetch(LeadSelector selector, String position, int batchSize) throws Exception {
        ParamsGetMultipleLeads params = new ParamsGetMultipleLeads();
        params.setLeadSelector(selector);
        params.setBatchSize(FACTORY.createParamsGetMultipleLeadsBatchSize(batchSize));
        if (position != null) {
            params.setStreamPosition(FACTORY.createParamsGetMultipleLeadsStreamPosition(position));
        }
        return port.getMultipleLeads(params, sign(), null).getResult();
    }

    private XMLGregorianCalendar calendar(Instant instant) {
        return datatypes.newXMLGregorianCalendar(GregorianCalendar.from(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                .toZonedDateTime()));
    }

    @Override
    public void close() {
        if (port instanceof java.io.Closeable closeable) {
            try {
                closeable.close();
            } catch (java.io.IOException ignored) {
                // nothing to release
            }
        }
    }
}

package io.github.camelmarketo.component.marketo.soap;

import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.namespace.QName;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.client.ClientSettings;
import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.marketo.client.SyncOptions;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoNotFoundException;
import io.github.camelmarketo.component.marketo.model.Reason;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.soap.mktows.ArrayOfLeadRecord;
import io.github.camelmarketo.component.marketo.soap.mktows.AuthenticationHeaderInfo;
import io.github.camelmarketo.component.marketo.soap.mktows.LastUpdateAtSelector;
import io.github.camelmarketo.component.marketo.soap.mktows.LeadKeyRef;
import io.github.camelmarketo.component.marketo.soap.mktows.LeadKeySelector;
import io.github.camelmarketo.component.marketo.soap.mktows.MktowsContextHeaderInfo;
import io.github.camelmarketo.component.marketo.soap.mktows.MktowsPort;
import io.github.camelmarketo.component.marketo.soap.mktows.ObjectFactory;
import io.github.camelmarketo.component.marketo.soap.mktows.ParamsGetLead;
import io.github.camelmarketo.component.marketo.soap.mktows.ParamsGetMultipleLeads;
import io.github.camelmarketo.component.marketo.soap.mktows.ParamsSyncLead;
import io.github.camelmarketo.component.marketo.soap.mktows.ParamsSyncMultipleLeads;
import io.github.camelmarketo.component.marketo.soap.mktows.ResultGetMultipleLeads;
import io.github.camelmarketo.component.marketo.soap.mktows.ResultSyncLead;
import io.github.camelmarketo.component.marketo.soap.mktows.ServiceException;
import io.github.camelmarketo.component.marketo.soap.mktows.StaticListSelector;
import io.github.camelmarketo.component.marketo.soap.mktows.SyncStatus;
import io.github.camelmarketo.component.support.CallRetrier;
import io.github.camelmarketo.component.support.ServerClock;
import io.github.camelmarketo.component.support.RateLimiter;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.Bus;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.configuration.security.ProxyAuthorizationPolicy;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.transports.http.configuration.ProxyServerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MarketoClient} over Marketo's SOAP API: one CXF JAX-WS proxy of the WSDL's {@code MktowsPort}, created
 * with the client and shared by concurrent exchanges (headers travel as call parameters, so no per-call state is
 * kept on the proxy). Every request is signed at send time, waits for the shared client-side limiter and is retried
 * with backoff when the failure proves nothing was applied (20023/20024 rate limits, 20016, connect failures) or,
 * for reads, when it is transient.
 */
public final class SoapMarketoClient implements MarketoClient {

    private static final Logger LOG = LoggerFactory.getLogger(SoapMarketoClient.class);
    private static final String NS = "http://www.marketo.com/mktows/";
    private static final ObjectFactory FACTORY = new ObjectFactory();
    /** Codes with which syncLead rejects the record itself; reported as a FAILED result, not thrown. */
    private static final Set<String> RECORD_REJECTIONS = Set.of("20101", "20102", "20103", "20104", "20105", "20106");

    private final String address;
    private final Bus bus;
    private final MktowsPort port;
    private final AuthenticationSigner signer;
    private final MktowsContextHeaderInfo context;
    private final CallRetrier retrier;
    private final MarketoCallStats stats;
    private final ServerClock serverClock = new ServerClock();
    private final Clock clock;

    /**
     * Creates the proxy for {@code address}.
     *
     * @param configuration credentials, timeouts, retry options, targetWorkspace, cxfConfigurer
     * @param address       the SOAP endpoint URL
     * @param bus           the CXF bus of the client factory
     * @param limiter       the limiter shared by every client of this Marketo instance
     * @param stats         the statistics of this Marketo instance
     */
    SoapMarketoClient(ClientSettings configuration, String address, Bus bus, RateLimiter limiter, MarketoCallStats stats,
                      Clock clock) {
        this.address = address;
        this.clock = clock;
        this.signer = new AuthenticationSigner(configuration.getUserId(), configuration.getEncryptionKey(), clock);
        this.retrier = new CallRetrier(limiter, configuration.retryPolicy(), stats);
        this.stats = stats;
        this.context = contextHeader(configuration.getTargetWorkspace());
        this.bus = bus;
        this.port = createPort(configuration, address, bus);
    }

    private static MktowsPort createPort(ClientSettings configuration, String address, Bus bus) {
        CxfConfigurer configurer = configuration.getCxfConfigurer();
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(MktowsPort.class);
        factory.setAddress(address);
        URL wsdl = SoapMarketoClient.class.getResource("/wsdl/mktows.wsdl");
        if (wsdl != null) {
            factory.setWsdlURL(wsdl.toExternalForm());
        }
        factory.setServiceName(new QName(NS, "MktMktowsApiService"));
        factory.setEndpointName(new QName(NS, "MktowsApiSoapPort"));
        if (configurer != null) {
            configurer.configure(factory.getClientFactoryBean());
        }
        MktowsPort port = factory.create(MktowsPort.class);
        Client client = ClientProxy.getClient(port);
        configureConduit((HTTPConduit) client.getConduit(), configuration);
        ResponseSizeInterceptor sizeCap = new ResponseSizeInterceptor(configuration.getMaxResponseSize());
        client.getInInterceptors().add(sizeCap);
        client.getInFaultInterceptors().add(sizeCap);
        if (configurer != null) {
            configurer.configureClient(client);
        }
        return port;
    }

    /**
     * Timeouts, TLS and proxy of the conduit, as the HTTP transports have them: TLS from sslContextParameters (CXF
     * verifies certificate and host name), the configured proxy with Basic authentication, or else the JVM's proxy
     * system properties (CXF's default).
     */
    private static void configureConduit(HTTPConduit conduit, ClientSettings configuration) {
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(configuration.getConnectTimeout());
        policy.setReceiveTimeout(configuration.getSocketTimeout());
        policy.setAutoRedirect(false);
        if (configuration.getProxyHost() != null && !configuration.getProxyHost().isBlank()) {
            policy.setProxyServer(configuration.getProxyHost().trim());
            policy.setProxyServerPort(configuration.getProxyPort());
            policy.setProxyServerType(ProxyServerType.HTTP);
            if (configuration.getProxyUsername() != null) {
                ProxyAuthorizationPolicy proxyAuthorization = new ProxyAuthorizationPolicy();
                proxyAuthorization.setAuthorizationType("Basic");
                proxyAuthorization.setUserName(configuration.getProxyUsername());
                proxyAuthorization.setPassword(configuration.getProxyPassword());
                conduit.setProxyAuthorization(proxyAuthorization);
            }
        }
        conduit.setClient(policy);
        if (configuration.sslContext() != null) {
            TLSClientParameters tls = new TLSClientParameters();
            tls.setSslContext(configuration.sslContext());
            tls.setDisableCNCheck(false);
            conduit.setTlsClientParameters(tls);
        }
    }

    private static MktowsContextHeaderInfo contextHeader(String workspace) {
        if (workspace == null || workspace.isBlank()) {
            return null;
        }
        MktowsContextHeaderInfo header = new MktowsContextHeaderInfo();
        header.setTargetWorkspace(FACTORY.createMktowsContextHeaderInfoTargetWorkspace(workspace));
        return header;
    }

    @Override
    public MarketoApi api() {
        return MarketoApi.soap;
    }

    @Override
    public MarketoCallStats callStats() {
        return stats;
    }

    /** Leads matching {@code key}; "lead not found" (20103) is an empty list, as on REST. */
    @Override
    public List<Lead> getLead(LeadKey key, List<String> fields) {
        ParamsGetLead params = new ParamsGetLead();
        io.github.camelmarketo.component.marketo.soap.mktows.LeadKey leadKey
                = new io.github.camelmarketo.component.marketo.soap.mktows.LeadKey();
        leadKey.setKeyType(LeadKeyRef.fromValue(key.type().name()));
        leadKey.setKeyValue(key.value());
        params.setLeadKey(leadKey);
        try {
            List<Lead> leads = SoapLeadMapper.toLeads(
                    call("getLead", false, (auth, ctx) -> port.getLead(params, auth, ctx)).getResult().getLeadRecordList());
            return fields.isEmpty() ? leads : onlyFields(leads, fields);
        } catch (MarketoNotFoundException e) {
            return List.of();
        }
    }

    /** SOAP getLead has no field selection: keep the asked-for attributes, as REST's {@code fields} does. */
    private static List<Lead> onlyFields(List<Lead> leads, List<String> fields) {
        Set<String> wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        wanted.addAll(fields);
        List<Lead> result = new ArrayList<>(leads.size());
        for (Lead lead : leads) {
            Lead copy = new Lead().setId(lead.getId()).setEmail(lead.getEmail())
                    .setForeignSysPersonId(lead.getForeignSysPersonId()).setForeignSysType(lead.getForeignSysType());
            lead.getAttributes().forEach((name, value) -> {
                if (wanted.contains(name)) {
                    copy.set(name, value);
                }
            });
            result.add(copy);
        }
        return result;
    }

    @Override
    public LeadPage getMultipleLeads(LeadSelector selector, String position, int batchSize, List<String> fields) {
        if (selector instanceof LeadSelector.ByKeys keys) {
            return page(keySelector(keys), position, batchSize, fields);
        }
        if (selector instanceof LeadSelector.ByStaticList list) {
            return page(listSelector(list), position, batchSize, fields);
        }
        return lastUpdatePage((LeadSelector.ByLastUpdate) selector, position, batchSize, fields);
    }

    private LeadPage page(io.github.camelmarketo.component.marketo.soap.mktows.LeadSelector selector, String position,
                          int batchSize, List<String> fields) {
        ResultGetMultipleLeads result = fetch(selector, position, batchSize, fields);
        boolean more = result.getRemainingCount() > 0;
        String next = SoapLeadMapper.value(result.getNewStreamPosition());
        return new LeadPage(SoapLeadMapper.toLeads(result.getLeadRecordList()), more ? next : null,
                result.getRemainingCount(), more);
    }

    /**
     * One page of a LastUpdateAt range of any length: the range is walked in windows of at most 30 days (fault
     * 20022 otherwise), windows without leads are skipped, and the returned position names window and stream
     * position. An open range ({@code latestUpdatedAt} null) ends with an open last window.
     */
    private LeadPage lastUpdatePage(LeadSelector.ByLastUpdate range, String position, int batchSize, List<String> fields) {
        LastUpdateCursor cursor = position == null
                ? LastUpdateCursor.start(range.oldestUpdatedAt()) : LastUpdateCursor.decode(position);
        OffsetDateTime end = range.latestUpdatedAt();
        while (true) {
            OffsetDateTime windowEnd = cursor.windowEnd();
            boolean lastWindow = end == null ? windowEnd.isAfter(OffsetDateTime.now(clock)) : !windowEnd.isBefore(end);
            // windows are [start, start + 30 days - 1 ms]; the next starts where this one ends
            OffsetDateTime latest = lastWindow ? end : windowEnd.minusNanos(1_000_000);
            ResultGetMultipleLeads result
                    = fetch(lastUpdateSelector(cursor.windowStart(), latest), cursor.streamPosition(), batchSize, fields);
            List<Lead> leads = SoapLeadMapper.toLeads(result.getLeadRecordList());
            if (result.getRemainingCount() > 0) {
                String next = cursor.at(SoapLeadMapper.value(result.getNewStreamPosition())).encode();
                return new LeadPage(leads, next, lastWindow ? result.getRemainingCount() : -1, true);
            }
            if (lastWindow) {
                return new LeadPage(leads, null, 0, false);
            }
            cursor = LastUpdateCursor.start(windowEnd);
            if (!leads.isEmpty()) {
                return new LeadPage(leads, cursor.encode(), -1, true);
            }
        }
    }

    private ResultGetMultipleLeads fetch(io.github.camelmarketo.component.marketo.soap.mktows.LeadSelector selector,
                                         String streamPosition, int batchSize, List<String> fields) {
        ParamsGetMultipleLeads params = new ParamsGetMultipleLeads();
        params.setLeadSelector(selector);
        params.setBatchSize(FACTORY.createParamsGetMultipleLeadsBatchSize(batchSize));
        if (streamPosition != null) {
            params.setStreamPosition(FACTORY.createParamsGetMultipleLeadsStreamPosition(streamPosition));
        }
        if (!fields.isEmpty()) {
            params.setIncludeAttributes(FACTORY.createParamsGetMultipleLeadsIncludeAttributes(SoapLeadMapper.strings(fields)));
        }
        return call("getMultipleLeads", false, (auth, ctx) -> port.getMultipleLeads(params, auth, ctx)).getResult();
    }

    private static LeadKeySelector keySelector(LeadSelector.ByKeys keys) {
        LeadKeySelector selector = new LeadKeySelector();
        selector.setKeyType(LeadKeyRef.fromValue(keys.keyType().name()));
        selector.setKeyValues(SoapLeadMapper.strings(keys.values()));
        return selector;
    }

    private static StaticListSelector listSelector(LeadSelector.ByStaticList list) {
        StaticListSelector selector = new StaticListSelector();
        if (list.listId() != null) {
            selector.setStaticListId(FACTORY.createStaticListSelectorStaticListId(Math.toIntExact(list.listId())));
        } else {
            selector.setStaticListName(FACTORY.createStaticListSelectorStaticListName(list.listName()));
        }
        return selector;
    }

    private static LastUpdateAtSelector lastUpdateSelector(OffsetDateTime oldest, OffsetDateTime latest) {
        LastUpdateAtSelector selector = new LastUpdateAtSelector();
        selector.setOldestUpdatedAt(SoapLeadMapper.calendar(oldest));
        if (latest != null) {
            selector.setLatestUpdatedAt(FACTORY.createLastUpdateAtSelectorLatestUpdatedAt(SoapLeadMapper.calendar(latest)));
        }
        return selector;
    }

    /** syncLead; a record the vendor rejects (20101-20106) is a FAILED result with the vendor's message. */
    @Override
    public SyncResult syncLead(Lead lead, SyncOptions options) {
        ParamsSyncLead params = new ParamsSyncLead();
        params.setLeadRecord(SoapLeadMapper.toRecord(lead));
        params.setReturnLead(options.returnLead());
        if (options.marketoCookie() != null) {
            params.setMarketoCookie(FACTORY.createParamsSyncLeadMarketoCookie(options.marketoCookie()));
        }
        try {
            ResultSyncLead result = call("syncLead", true, (auth, ctx) -> port.syncLead(params, auth, ctx)).getResult();
            var stored = SoapLeadMapper.value(result.getLeadRecord());
            return SoapLeadMapper.toResult(0, result.getSyncStatus(), stored == null ? null : SoapLeadMapper.toLead(stored));
        } catch (MarketoException e) {
            if (e.getCode() != null && RECORD_REJECTIONS.contains(e.getCode())) {
                return new SyncResult(0, lead.getId(), io.github.camelmarketo.component.marketo.model.SyncStatus.FAILED, List.of(new Reason(e.getCode(), e.getVendorMessage())),
                        null);
            }
            throw e;
        }
    }

    @Override
    public List<SyncResult> syncMultipleLeads(List<Lead> leads, SyncOptions options) {
        ParamsSyncMultipleLeads params = new ParamsSyncMultipleLeads();
        ArrayOfLeadRecord records = new ArrayOfLeadRecord();
        leads.forEach(lead -> records.getLeadRecord().add(SoapLeadMapper.toRecord(lead)));
        params.setLeadRecordList(records);
        params.setDedupEnabled(FACTORY.createParamsSyncMultipleLeadsDedupEnabled(options.dedupEnabled()));
        List<SyncStatus> statuses = call("syncMultipleLeads", true,
                (auth, ctx) -> port.syncMultipleLeads(params, auth, ctx)).getResult().getSyncStatusList().getSyncStatus();
        if (statuses.size() != leads.size()) {
            throw new MarketoException("syncMultipleLeads", null,
                    "sent " + leads.size() + " leads but got " + statuses.size() + " statuses", null,
                    "The results cannot be matched to the input records; check the leads in Marketo");
        }
        List<SyncResult> results = new ArrayList<>(statuses.size());
        for (int i = 0; i < statuses.size(); i++) {
            results.add(SoapLeadMapper.toResult(i, statuses.get(i), null));
        }
        return results;
    }

    /** One SOAP call with fresh headers. */
    @FunctionalInterface
    private interface SoapCall<T> {
        T invoke(AuthenticationHeaderInfo auth, MktowsContextHeaderInfo context) throws ServiceException;
    }

    /** Sends a call through the shared retry engine, signed at each attempt. */
    private <T> T call(String operation, boolean write, SoapCall<T> call) {
        return retrier.call(operation, write, state -> {
            T result = call.invoke(signer.sign(), context);
            observeDate();
            return result;
        }, SoapErrors.INSTANCE);
    }

    /** Reads the HTTP Date header of the answer this thread just received (CXF keeps response contexts per thread). */
    private void observeDate() {
        Object headers = ((BindingProvider) port).getResponseContext().get(MessageContext.HTTP_RESPONSE_HEADERS);
        if (headers instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> header : map.entrySet()) {
                if ("Date".equalsIgnoreCase(String.valueOf(header.getKey())) && header.getValue() instanceof List<?> values
                        && !values.isEmpty()) {
                    serverClock.observe(String.valueOf(values.get(0)), Instant.now());
                }
            }
        }
    }

    @Override
    public Instant vendorNow(Clock host) {
        return serverClock.now(host);
    }

    @Override
    public void close() {
        // the proxy holds no connection of its own; the bus belongs to the factory
        ((org.apache.cxf.endpoint.Client) ClientProxy.getClient(port)).destroy();
    }

    @Override
    public String toString() {
        return "SoapMarketoClient[" + address + "]";
    }

}

package io.github.camelmarketo.component.marketo.springboot;

import java.time.Duration;

import io.github.camelmarketo.component.springboot.CallPolicyComponentConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spring Boot properties {@code camel.component.marketo.*}: every option of the {@code marketo:} component,
 * flattened (the nested configuration's options are top-level properties). Values become component-level
 * defaults for every endpoint. Kept in step with {@code marketo.json} by {@code ComponentOptionsDriftTest}.
 */
@ConfigurationProperties(prefix = "camel.component.marketo")
public class MarketoComponentConfiguration extends CallPolicyComponentConfiguration {

    /**
     * Whether to enable auto configuration of the marketo component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * Which API to call: rest, soap, or auto (REST when clientId is set, SOAP when userId and encryptionKey are set;
     * fails when both or neither are set).
     */
    private io.github.camelmarketo.component.marketo.model.MarketoApi api = io.github.camelmarketo.component.marketo.model.MarketoApi.auto;
    /**
     * Leads per page for getMultipleLeads and the consumer (SOAP: at most 1000; REST list paging: at most 300).
     */
    private Integer batchSize = 100;
    /**
     * Component-level defaults for every endpoint.
     */
    private io.github.camelmarketo.component.marketo.MarketoConfiguration configuration;
    /**
     * Comma-separated lead fields to return (SOAP includeAttributes, REST fields); default: the vendor's default
     * set.
     */
    private String fields;
    /**
     * Identity (OAuth) base URL; default {@code https://{munchkinId}.mktorest.com/identity}.
     */
    private String identityEndpoint;
    /**
     * Key type used when a lead key is given as a plain String (getLead body, leadKeys option).
     */
    private io.github.camelmarketo.component.marketo.model.LeadKeyType leadKeyType = io.github.camelmarketo.component.marketo.model.LeadKeyType.EMAIL;
    /**
     * Marketo instance id (Munchkin id, e.g. {@code 123-ABC-456}); derives the SOAP, REST and identity URLs unless
     * they are set explicitly.
     */
    private String munchkinId;
    /**
     * REST base URL up to {@code /rest}; default {@code https://{munchkinId}.mktorest.com/rest}. The bulk API is at
     * the same host under {@code /bulk}.
     */
    private String restEndpoint;
    /**
     * SOAP endpoint URL; default {@code https://{munchkinId}.mktoapi.com/soap/mktows/2_x}.
     */
    private String soapEndpoint;
    /**
     * One exchange per page (body List) instead of one per lead.
     */
    private Boolean batchMode = false;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * REST leadSelector=lastUpdateAt: what to do when Bulk Extract refuses the updatedAt filter (error 1035). none
     * fails with a message naming leadSelector=leadChanges; leadChanges switches to the lead-change feed from the same
     * watermark (logged once) and keeps reading it, also after a restart.
     */
    private io.github.camelmarketo.component.marketo.ExtractFallback extractFallback = io.github.camelmarketo.component.marketo.ExtractFallback.none;
    /**
     * leadSelector=leadChanges: also deliver deleted leads (header CamelMarketoLeadDeleted=true, the lead id as body).
     */
    private Boolean includeDeleted = true;
    /**
     * lastUpdateAt selector: end of the window (optional; open-ended when unset).
     */
    private String latestUpdatedAt;
    /**
     * leadKeys selector: comma-separated key values of type leadKeyType.
     */
    private String leadKeys;
    /**
     * Consumer (and body-less getMultipleLeads): which leads to stream; leadChanges (REST, consumer only) reads the
     * activity feed of created, changed and deleted leads since oldestUpdatedAt.
     */
    private io.github.camelmarketo.component.marketo.LeadSelectorType leadSelector;
    /**
     * lastUpdateAt selector: start of the window, ISO-8601 ({@code 2026-01-01T00:00:00Z}).
     */
    private String oldestUpdatedAt;
    /**
     * Key of the cursor in the state repository; default derived from the route id (when the route has one, set with
     * routeId), operation, instance and selector, so two routes with the same options and their own ids keep separate
     * cursors.
     */
    private String stateKey;
    /**
     * Consumer: how long a caught-up consumer waits after a complete pass (lastUpdateAt caught up, a static list or
     * the keys streamed to the end) before the next pass makes any call, whatever delay and greedy say; also the
     * longest wait before a failed page is fetched again. Every integration of an instance shares one daily quota:
     * the default spends about 1,440 calls a day on an idle instance. Spring Boot duration syntax: 500ms, 20s, 30m; a
     * bare number is milliseconds.
     */
    private Duration passInterval = Duration.ofSeconds(60);
    /**
     * Consumer: start another pass after passInterval (true), or stop after the first complete pass (false: the
     * stream ends, as with latestUpdatedAt).
     */
    private Boolean repeatPasses = true;
    /**
     * Consumer, lastUpdateAt over REST: after a pass that found nothing, ask the activity feed (paging token and
     * activities.json of the types that change lead data: 2 calls) whether any lead changed since the watermark before
     * running a Bulk Extract job (4 calls and one of the instance's export jobs). When none did, the pass is skipped and
     * the watermark stays, so the next export covers the skipped time too. Turn it off where lead data is changed by a
     * process that logs no activity (New Lead, Change Data Value, Change Score, Merge Leads, ...) and such changes
     * must not wait for the next logged one.
     */
    private Boolean probeActivities = true;
    /**
     * Consumer, lastUpdateAt: the next pass asks for leads updated since the start of the completed pass minus this
     * overlap. The pass start is the earlier of this host's time and Marketo's (from its answers' Date headers),
     * rounded down to whole seconds, so neither clock skew nor Marketo's whole-second updatedAt loses an update; leads
     * updated inside the overlap are delivered again. Spring Boot duration syntax: 500ms, 20s, 30m; a bare number is
     * milliseconds.
     */
    private Duration watermarkOverlap = Duration.ofSeconds(5);
    /**
     * Consumer: the host clock the consumer schedules passes and watermarks with (default the system UTC clock); for
     * tests and simulations.
     */
    private java.time.Clock clock;
    /**
     * Where the consumer stores its cursor after each completed page (default in-memory; use FileStateRepository to
     * resume after restart).
     */
    private org.apache.camel.spi.StateRepository<String, String> stateRepository;
    /**
     * staticList selector: list id; also the list of REST getLeadsByList, addToList, removeFromList and isMemberOfList.
     */
    private Long staticListId;
    /**
     * staticList selector: list name; also the list of REST getLeadsByList, addToList, removeFromList and
     * isMemberOfList (resolved to its id once per endpoint).
     */
    private String staticListName;
    /**
     * REST bulk extract: fail a job still queued or processing after this long. Spring Boot duration syntax: 500ms,
     * 20s, 30m; a bare number is milliseconds.
     */
    private Duration extractJobTimeout = Duration.ofMinutes(30);
    /**
     * REST bulk extract: first status poll interval (grows by half after each poll, up to 60 s). Spring Boot duration syntax: 500ms, 20s,
     * 30m; a bare number is milliseconds.
     */
    private Duration extractPollInterval = Duration.ofSeconds(5);
    /**
     * REST syncLeads action; default createOrUpdate (createDuplicate when dedupEnabled=false).
     */
    private io.github.camelmarketo.component.marketo.model.SyncAction action;
    /**
     * REST syncLeads: let Marketo process the batch asynchronously.
     */
    private Boolean asyncProcessing = false;
    /**
     * REST changeProgramStatus: the program whose members change status (header CamelMarketoProgramId overrides).
     */
    private Long programId;
    /**
     * REST changeProgramStatus: the new status, one of the program channel's statuses, e.g. Registered (header
     * CamelMarketoProgramStatus overrides).
     */
    private String programStatus;
    /**
     * REST requestCampaign and scheduleCampaign: the smart campaign id (header CamelMarketoCampaignId overrides).
     */
    private Long campaignId;
    /**
     * REST getLeadActivities (required there): comma-separated ids of the activity types to read, 1 to 10, e.g.
     * 12,13 (New Lead, Change Data Value); getActivityTypes lists the instance's types.
     */
    private String activityTypeIds;
    /**
     * REST importLeads: first status poll interval of an import batch (doubles up to 60 s); also the first wait when
     * the instance's import queue is full (1016). Spring Boot duration syntax: 500ms, 20s, 30m; a bare number is
     * milliseconds.
     */
    private Duration importPollInterval = Duration.ofSeconds(5);
    /**
     * REST importLeads: fail when a batch is still queued or importing after this long (the batch may still complete
     * on Marketo's side). Spring Boot duration syntax: 500ms, 20s, 30m; a bare number is milliseconds.
     */
    private Duration importJobTimeout = Duration.ofMinutes(30);
    /**
     * REST importLeads: largest CSV file per import batch in bytes; the input is split into files of at most this size
     * (vendor limit and default: 10485760, 10 MB).
     */
    private Integer importFileSize = 10485760;
    /**
     * REST syncMultipleLeads: from this many records on, send them with Bulk Lead Import (importLeads) instead of POST
     * leads.json in chunks of 300; 0 (default) never. An import spends about three calls per 10 MB instead of one per
     * 300 records, but it is asynchronous (Marketo queues it, minutes of latency) and reports no lead ids: results are
     * IMPORTED, or SKIPPED with the import's failure reason. Applies only to createOrUpdate (dedupEnabled and no other
     * action).
     */
    private Integer bulkImportThreshold = 0;
    /**
     * syncMultipleLeads: match existing leads (true) or always create (false; REST action createDuplicate).
     */
    private Boolean dedupEnabled = true;
    /**
     * getMultipleLeads: return an Iterator over all pages (streams, constant memory) instead of one page.
     */
    private Boolean fetchAll = false;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * REST sync: field used to match existing leads (default email).
     */
    private String lookupField;
    /**
     * syncLead and associateLead: Munchkin cookie to associate with the lead (on REST syncLead adds an associateLead call).
     */
    private String marketoCookie;
    /**
     * REST sync: lead partition for new leads; REST updateLeadPartitions: the partition to move the leads to.
     */
    private String partitionName;
    /**
     * syncLead: return the stored lead in the result (on REST the component reads it back with one more call).
     */
    private Boolean returnLead = false;
    /**
     * SOAP: workspace sent in MktowsContextHeader.
     */
    private String targetWorkspace;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * Hook to customise the SOAP CXF client (runs after the component's own setup).
     */
    private org.apache.camel.component.cxf.jaxws.CxfConfigurer cxfConfigurer;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * REST client id (LaunchPoint service).
     */
    private String clientId;
    /**
     * REST client secret.
     */
    private String clientSecret;
    /**
     * SOAP encryption key used to sign every request (HMAC-SHA1); never sent. Set it on the component rather than in
     * the URI (the component registers the name with Camel's URI sanitizer).
     */
    private String encryptionKey;
    /**
     * SOAP user id (mktowsUserId).
     */
    private String userId;

    public io.github.camelmarketo.component.marketo.model.MarketoApi getApi() {
        return api;
    }

    public void setApi(io.github.camelmarketo.component.marketo.model.MarketoApi api) {
        this.api = api;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public io.github.camelmarketo.component.marketo.MarketoConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(io.github.camelmarketo.component.marketo.MarketoConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public String getIdentityEndpoint() {
        return identityEndpoint;
    }

    public void setIdentityEndpoint(String identityEndpoint) {
        this.identityEndpoint = identityEndpoint;
    }

    public io.github.camelmarketo.component.marketo.model.LeadKeyType getLeadKeyType() {
        return leadKeyType;
    }

    public void setLeadKeyType(io.github.camelmarketo.component.marketo.model.LeadKeyType leadKeyType) {
        this.leadKeyType = leadKeyType;
    }

    public String getMunchkinId() {
        return munchkinId;
    }

    public void setMunchkinId(String munchkinId) {
        this.munchkinId = munchkinId;
    }

    public String getRestEndpoint() {
        return restEndpoint;
    }

    public void setRestEndpoint(String restEndpoint) {
        this.restEndpoint = restEndpoint;
    }

    public String getSoapEndpoint() {
        return soapEndpoint;
    }

    public void setSoapEndpoint(String soapEndpoint) {
        this.soapEndpoint = soapEndpoint;
    }

    public Boolean getBatchMode() {
        return batchMode;
    }

    public void setBatchMode(Boolean batchMode) {
        this.batchMode = batchMode;
    }

    public io.github.camelmarketo.component.marketo.ExtractFallback getExtractFallback() {
        return extractFallback;
    }

    public void setExtractFallback(io.github.camelmarketo.component.marketo.ExtractFallback extractFallback) {
        this.extractFallback = extractFallback;
    }

    public Boolean getIncludeDeleted() {
        return includeDeleted;
    }

    public void setIncludeDeleted(Boolean includeDeleted) {
        this.includeDeleted = includeDeleted;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getLatestUpdatedAt() {
        return latestUpdatedAt;
    }

    public void setLatestUpdatedAt(String latestUpdatedAt) {
        this.latestUpdatedAt = latestUpdatedAt;
    }

    public String getLeadKeys() {
        return leadKeys;
    }

    public void setLeadKeys(String leadKeys) {
        this.leadKeys = leadKeys;
    }

    public io.github.camelmarketo.component.marketo.LeadSelectorType getLeadSelector() {
        return leadSelector;
    }

    public void setLeadSelector(io.github.camelmarketo.component.marketo.LeadSelectorType leadSelector) {
        this.leadSelector = leadSelector;
    }

    public String getOldestUpdatedAt() {
        return oldestUpdatedAt;
    }

    public void setOldestUpdatedAt(String oldestUpdatedAt) {
        this.oldestUpdatedAt = oldestUpdatedAt;
    }

    public Duration getPassInterval() {
        return passInterval;
    }

    public void setPassInterval(Duration passInterval) {
        this.passInterval = passInterval;
    }

    public Boolean getProbeActivities() {
        return probeActivities;
    }

    public void setProbeActivities(Boolean probeActivities) {
        this.probeActivities = probeActivities;
    }

    public Boolean getRepeatPasses() {
        return repeatPasses;
    }

    public void setRepeatPasses(Boolean repeatPasses) {
        this.repeatPasses = repeatPasses;
    }

    public Duration getWatermarkOverlap() {
        return watermarkOverlap;
    }

    public void setWatermarkOverlap(Duration watermarkOverlap) {
        this.watermarkOverlap = watermarkOverlap;
    }

    public java.time.Clock getClock() {
        return clock;
    }

    public void setClock(java.time.Clock clock) {
        this.clock = clock;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public org.apache.camel.spi.StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(org.apache.camel.spi.StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public Long getStaticListId() {
        return staticListId;
    }

    public void setStaticListId(Long staticListId) {
        this.staticListId = staticListId;
    }

    public String getStaticListName() {
        return staticListName;
    }

    public void setStaticListName(String staticListName) {
        this.staticListName = staticListName;
    }

    public Duration getExtractJobTimeout() {
        return extractJobTimeout;
    }

    public void setExtractJobTimeout(Duration extractJobTimeout) {
        this.extractJobTimeout = extractJobTimeout;
    }

    public Duration getExtractPollInterval() {
        return extractPollInterval;
    }

    public void setExtractPollInterval(Duration extractPollInterval) {
        this.extractPollInterval = extractPollInterval;
    }

    public io.github.camelmarketo.component.marketo.model.SyncAction getAction() {
        return action;
    }

    public void setAction(io.github.camelmarketo.component.marketo.model.SyncAction action) {
        this.action = action;
    }

    public Boolean getAsyncProcessing() {
        return asyncProcessing;
    }

    public void setAsyncProcessing(Boolean asyncProcessing) {
        this.asyncProcessing = asyncProcessing;
    }

    public Long getProgramId() {
        return programId;
    }

    public void setProgramId(Long programId) {
        this.programId = programId;
    }

    public String getProgramStatus() {
        return programStatus;
    }

    public void setProgramStatus(String programStatus) {
        this.programStatus = programStatus;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }

    public String getActivityTypeIds() {
        return activityTypeIds;
    }

    public void setActivityTypeIds(String activityTypeIds) {
        this.activityTypeIds = activityTypeIds;
    }

    public Duration getImportPollInterval() {
        return importPollInterval;
    }

    public void setImportPollInterval(Duration importPollInterval) {
        this.importPollInterval = importPollInterval;
    }

    public Duration getImportJobTimeout() {
        return importJobTimeout;
    }

    public void setImportJobTimeout(Duration importJobTimeout) {
        this.importJobTimeout = importJobTimeout;
    }

    public Integer getImportFileSize() {
        return importFileSize;
    }

    public void setImportFileSize(Integer importFileSize) {
        this.importFileSize = importFileSize;
    }

    public Integer getBulkImportThreshold() {
        return bulkImportThreshold;
    }

    public void setBulkImportThreshold(Integer bulkImportThreshold) {
        this.bulkImportThreshold = bulkImportThreshold;
    }

    public Boolean getDedupEnabled() {
        return dedupEnabled;
    }

    public void setDedupEnabled(Boolean dedupEnabled) {
        this.dedupEnabled = dedupEnabled;
    }

    public Boolean getFetchAll() {
        return fetchAll;
    }

    public void setFetchAll(Boolean fetchAll) {
        this.fetchAll = fetchAll;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getLookupField() {
        return lookupField;
    }

    public void setLookupField(String lookupField) {
        this.lookupField = lookupField;
    }

    public String getMarketoCookie() {
        return marketoCookie;
    }

    public void setMarketoCookie(String marketoCookie) {
        this.marketoCookie = marketoCookie;
    }

    public String getPartitionName() {
        return partitionName;
    }

    public void setPartitionName(String partitionName) {
        this.partitionName = partitionName;
    }

    public Boolean getReturnLead() {
        return returnLead;
    }

    public void setReturnLead(Boolean returnLead) {
        this.returnLead = returnLead;
    }

    public String getTargetWorkspace() {
        return targetWorkspace;
    }

    public void setTargetWorkspace(String targetWorkspace) {
        this.targetWorkspace = targetWorkspace;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public org.apache.camel.component.cxf.jaxws.CxfConfigurer getCxfConfigurer() {
        return cxfConfigurer;
    }

    public void setCxfConfigurer(org.apache.camel.component.cxf.jaxws.CxfConfigurer cxfConfigurer) {
        this.cxfConfigurer = cxfConfigurer;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getEncryptionKey() {
        return encryptionKey;
    }

    public void setEncryptionKey(String encryptionKey) {
        this.encryptionKey = encryptionKey;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }
}

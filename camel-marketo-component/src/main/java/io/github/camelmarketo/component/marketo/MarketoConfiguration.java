package io.github.camelmarketo.component.marketo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.camelmarketo.component.marketo.model.LeadKeyType;
import io.github.camelmarketo.component.marketo.client.ClientSettings;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.SyncAction;
import io.github.camelmarketo.component.support.CallPolicyConfiguration;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * URI options of {@code marketo:} endpoints. The component holds one instance whose values are defaults; every
 * endpoint gets a {@link #copy()} that its URI options change. A data holder: transports build their clients from it.
 */
@UriParams
public class MarketoConfiguration extends CallPolicyConfiguration implements ClientSettings, Cloneable {

    public MarketoConfiguration() {
        // the vendor's limit: 100 calls per 20 s per instance
        super(100, 20000);
    }


    /** The vendor's largest number of activity type ids per {@code activities.json} call. */
    public static final int MAX_ACTIVITY_TYPE_IDS = 10;

    /** The vendor's largest Bulk Lead Import file: 10 MB. */
    public static final int MAX_IMPORT_FILE_SIZE = 10 * 1024 * 1024;

    @UriParam(label = "common")
    private String munchkinId;
    @UriParam(label = "common", defaultValue = "auto")
    private MarketoApi api = MarketoApi.auto;
    @UriParam(label = "common")
    private String soapEndpoint;
    @UriParam(label = "common")
    private String restEndpoint;
    @UriParam(label = "common")
    private String identityEndpoint;
    @UriParam(label = "common", defaultValue = "EMAIL")
    private LeadKeyType leadKeyType = LeadKeyType.EMAIL;
    @UriParam(label = "common")
    private String fields;
    @UriParam(label = "common", defaultValue = "100")
    private int batchSize = 100;
    @UriParam(label = "security", secret = true)
    private String userId;
    @UriParam(label = "security", secret = true)
    private String encryptionKey;
    @UriParam(label = "security", secret = true)
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean dedupEnabled = true;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean returnLead = false;
    @UriParam(label = "producer")
    private String lookupField;
    @UriParam(label = "producer")
    private SyncAction action;
    @UriParam(label = "producer")
    private String partitionName;
    @UriParam(label = "producer")
    private String targetWorkspace;
    @UriParam(label = "producer")
    private String marketoCookie;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean fetchAll = false;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean asyncProcessing = false;
    @UriParam(label = "producer")
    private Long programId;
    @UriParam(label = "producer")
    private String programStatus;
    @UriParam(label = "producer")
    private Long campaignId;
    @UriParam(label = "producer")
    private String activityTypeIds;
    @UriParam(label = "producer,advanced", defaultValue = "5s", javaType = "java.time.Duration")
    private long importPollInterval = 5000;
    @UriParam(label = "producer,advanced", defaultValue = "30m", javaType = "java.time.Duration")
    private long importJobTimeout = 1800000;
    @UriParam(label = "producer,advanced", defaultValue = "10485760")
    private int importFileSize = MAX_IMPORT_FILE_SIZE;
    @UriParam(label = "producer", defaultValue = "0")
    private int bulkImportThreshold;
    @UriParam(label = "consumer")
    private LeadSelectorType leadSelector;
    @UriParam(label = "consumer")
    private String oldestUpdatedAt;
    @UriParam(label = "consumer")
    private String latestUpdatedAt;
    @UriParam(label = "consumer")
    private String staticListName;
    @UriParam(label = "consumer")
    private Long staticListId;
    @UriParam(label = "consumer")
    private String leadKeys;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean batchMode = false;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean includeDeleted = true;
    @UriParam(label = "consumer", defaultValue = "none")
    private ExtractFallback extractFallback = ExtractFallback.none;
    @UriParam(label = "consumer")
    private org.apache.camel.spi.StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer")
    private String stateKey;
    @UriParam(label = "consumer", defaultValue = "60s", javaType = "java.time.Duration")
    private long passInterval = 60000;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean repeatPasses = true;
    @UriParam(label = "consumer", defaultValue = "5s", javaType = "java.time.Duration")
    private long watermarkOverlap = 5000;
    @UriParam(label = "consumer,advanced")
    private java.time.Clock clock;
    @UriParam(label = "consumer,advanced", defaultValue = "true")
    private boolean probeActivities = true;
    @UriParam(label = "consumer,advanced", defaultValue = "30m", javaType = "java.time.Duration")
    private long extractJobTimeout = 1800000;
    @UriParam(label = "consumer,advanced", defaultValue = "5s", javaType = "java.time.Duration")
    private long extractPollInterval = 5000;
    @UriParam(label = "advanced")
    private org.apache.camel.component.cxf.jaxws.CxfConfigurer cxfConfigurer;

    public String getMunchkinId() {
        return munchkinId;
    }

    /**
     * Marketo instance id (Munchkin id, e.g. 123-ABC-456); derives the SOAP, REST and identity URLs unless they are set explicitly.
     */
    public void setMunchkinId(String munchkinId) {
        this.munchkinId = munchkinId;
    }

    public MarketoApi getApi() {
        return api;
    }

    /**
     * Which API to call: rest, soap, or auto (REST when clientId is set, SOAP when userId and encryptionKey are set; fails when both or neither are set).
     */
    public void setApi(MarketoApi api) {
        this.api = api;
    }

    public String getSoapEndpoint() {
        return soapEndpoint;
    }

    /**
     * SOAP endpoint URL; default https://{munchkinId}.mktoapi.com/soap/mktows/2_x.
     */
    public void setSoapEndpoint(String soapEndpoint) {
        this.soapEndpoint = soapEndpoint;
    }

    public String getRestEndpoint() {
        return restEndpoint;
    }

    /**
     * REST base URL up to /rest; default https://{munchkinId}.mktorest.com/rest. The bulk API is at the same host under /bulk.
     */
    public void setRestEndpoint(String restEndpoint) {
        this.restEndpoint = restEndpoint;
    }

    public String getIdentityEndpoint() {
        return identityEndpoint;
    }

    /**
     * Identity (OAuth) base URL; default https://{munchkinId}.mktorest.com/identity.
     */
    public void setIdentityEndpoint(String identityEndpoint) {
        this.identityEndpoint = identityEndpoint;
    }

    public LeadKeyType getLeadKeyType() {
        return leadKeyType;
    }

    /**
     * Key type used when a lead key is given as a plain String (getLead body, leadKeys option).
     */
    public void setLeadKeyType(LeadKeyType leadKeyType) {
        this.leadKeyType = leadKeyType;
    }

    public String getFields() {
        return fields;
    }

    /**
     * Comma-separated lead fields to return (SOAP includeAttributes, REST fields); default: the vendor's default set.
     * leadSelector=leadChanges also reads the changes of these fields (default: email, firstName, lastName, company,
     * title, phone).
     */
    public void setFields(String fields) {
        this.fields = fields;
    }

    public int getBatchSize() {
        return batchSize;
    }

    /**
     * Records per page for getMultipleLeads, the paged REST reads and the consumer (SOAP: at most 1000; REST list
     * paging and activity reads: at most 300). The producer's read by keys asks for at least one call's worth of keys
     * per page (SOAP 100, REST 300), so it spends one call per chunk of keys.
     */
    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public String getUserId() {
        return userId;
    }

    /**
     * SOAP user id (mktowsUserId).
     */
    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getEncryptionKey() {
        return encryptionKey;
    }

    /**
     * SOAP encryption key used to sign every request (HMAC-SHA1); never sent. Set it on the component rather than in the URI (the component registers the name with Camel's URI sanitizer).
     */
    public void setEncryptionKey(String encryptionKey) {
        this.encryptionKey = encryptionKey;
    }

    public String getClientId() {
        return clientId;
    }

    /**
     * REST client id (LaunchPoint service).
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * REST client secret.
     */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public boolean isDedupEnabled() {
        return dedupEnabled;
    }

    /**
     * syncMultipleLeads: match existing leads (true) or always create (false; REST action createDuplicate).
     */
    public void setDedupEnabled(boolean dedupEnabled) {
        this.dedupEnabled = dedupEnabled;
    }

    public boolean isReturnLead() {
        return returnLead;
    }

    /**
     * syncLead: return the stored lead in the result (on REST the component reads it back with one more call).
     */
    public void setReturnLead(boolean returnLead) {
        this.returnLead = returnLead;
    }

    public String getLookupField() {
        return lookupField;
    }

    /**
     * REST sync: field used to match existing leads (default email).
     */
    public void setLookupField(String lookupField) {
        this.lookupField = lookupField;
    }

    public SyncAction getAction() {
        return action;
    }

    /**
     * REST syncLeads action; default createOrUpdate (createDuplicate when dedupEnabled=false).
     */
    public void setAction(SyncAction action) {
        this.action = action;
    }

    public String getPartitionName() {
        return partitionName;
    }

    /**
     * REST sync: lead partition for new leads; REST updateLeadPartitions: the partition to move the leads to.
     */
    public void setPartitionName(String partitionName) {
        this.partitionName = partitionName;
    }

    public String getTargetWorkspace() {
        return targetWorkspace;
    }

    /**
     * SOAP: workspace sent in MktowsContextHeader.
     */
    public void setTargetWorkspace(String targetWorkspace) {
        this.targetWorkspace = targetWorkspace;
    }

    public String getMarketoCookie() {
        return marketoCookie;
    }

    /**
     * syncLead and associateLead: Munchkin cookie to associate with the lead (on REST syncLead adds an associateLead call).
     */
    public void setMarketoCookie(String marketoCookie) {
        this.marketoCookie = marketoCookie;
    }

    public boolean isFetchAll() {
        return fetchAll;
    }

    /**
     * getMultipleLeads and the paged REST reads (getLeadActivities, getDeletedLeads, ...): return an Iterator over all
     * pages (streams, constant memory) instead of one page.
     */
    public void setFetchAll(boolean fetchAll) {
        this.fetchAll = fetchAll;
    }

    public boolean isAsyncProcessing() {
        return asyncProcessing;
    }

    /**
     * REST syncLeads: let Marketo process the batch asynchronously.
     */
    public void setAsyncProcessing(boolean asyncProcessing) {
        this.asyncProcessing = asyncProcessing;
    }

    public Long getProgramId() {
        return programId;
    }

    /**
     * REST changeProgramStatus: the program whose members change status (header CamelMarketoProgramId overrides).
     */
    public void setProgramId(Long programId) {
        this.programId = programId;
    }

    public String getProgramStatus() {
        return programStatus;
    }

    /**
     * REST changeProgramStatus: the new status, one of the program channel's statuses, e.g. Registered (header
     * CamelMarketoProgramStatus overrides).
     */
    public void setProgramStatus(String programStatus) {
        this.programStatus = programStatus;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    /**
     * REST requestCampaign and scheduleCampaign: the smart campaign id (header CamelMarketoCampaignId overrides).
     */
    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }

    public String getActivityTypeIds() {
        return activityTypeIds;
    }

    /**
     * REST getLeadActivities (required there): comma-separated ids of the activity types to read, 1 to 10, e.g.
     * 12,13 (New Lead, Change Data Value); getActivityTypes lists the instance's types.
     */
    public void setActivityTypeIds(String activityTypeIds) {
        this.activityTypeIds = activityTypeIds;
    }

    /** {@link #getActivityTypeIds()} as numbers; fails naming the option for a value that is not a positive integer. */
    public List<Integer> getActivityTypeIdList() {
        List<Integer> ids = new ArrayList<>();
        for (String value : splitCsv(activityTypeIds)) {
            int id;
            try {
                id = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                id = 0;
            }
            if (id < 1) {
                throw new IllegalArgumentException("Option activityTypeIds must list activity type ids (positive integers, "
                                                   + "comma-separated, e.g. 12,13), got '" + value + "'");
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    public long getImportPollInterval() {
        return importPollInterval;
    }

    /**
     * REST importLeads: first status poll interval of an import batch (doubles up to 60 s); also the first wait
     * when the instance's import queue is full (1016).
     */
    public void setImportPollInterval(long importPollInterval) {
        this.importPollInterval = importPollInterval;
    }

    public long getImportJobTimeout() {
        return importJobTimeout;
    }

    /**
     * REST importLeads: fail when a batch is still queued or importing after this long (the batch may still complete
     * on Marketo's side).
     */
    public void setImportJobTimeout(long importJobTimeout) {
        this.importJobTimeout = importJobTimeout;
    }

    public int getImportFileSize() {
        return importFileSize;
    }

    /**
     * REST importLeads: largest CSV file per import batch in bytes; the input is split into files of at most this
     * size (vendor limit and default: 10485760, 10 MB).
     */
    public void setImportFileSize(int importFileSize) {
        this.importFileSize = importFileSize;
    }

    public int getBulkImportThreshold() {
        return bulkImportThreshold;
    }

    /**
     * REST syncMultipleLeads: from this many records on, send them with Bulk Lead Import (importLeads) instead of
     * POST leads.json in chunks of 300; 0 (default) never. An import spends about three calls per 10 MB instead of
     * one per 300 records, but it is asynchronous (Marketo queues it, minutes of latency) and reports no lead ids:
     * results are IMPORTED, or SKIPPED with the import's failure reason. Applies only to createOrUpdate (dedupEnabled
     * and no other action).
     */
    public void setBulkImportThreshold(int bulkImportThreshold) {
        this.bulkImportThreshold = bulkImportThreshold;
    }

    public LeadSelectorType getLeadSelector() {
        return leadSelector;
    }

    /**
     * Consumer (and body-less getMultipleLeads): which leads to stream. leadChanges (REST, consumer only) reads the
     * activity feed of created, changed and deleted leads since oldestUpdatedAt.
     */
    public void setLeadSelector(LeadSelectorType leadSelector) {
        this.leadSelector = leadSelector;
    }

    public String getOldestUpdatedAt() {
        return oldestUpdatedAt;
    }

    /**
     * lastUpdateAt selector: start of the window, ISO-8601 (2026-01-01T00:00:00Z); leadChanges: where the activity
     * feed starts; getLeadActivities and getDeletedLeads: where the read starts (sinceDatetime) when the message has
     * no paging token.
     */
    public void setOldestUpdatedAt(String oldestUpdatedAt) {
        this.oldestUpdatedAt = oldestUpdatedAt;
    }

    public String getLatestUpdatedAt() {
        return latestUpdatedAt;
    }

    /**
     * lastUpdateAt selector: end of the window (optional; open-ended when unset).
     */
    public void setLatestUpdatedAt(String latestUpdatedAt) {
        this.latestUpdatedAt = latestUpdatedAt;
    }

    public String getStaticListName() {
        return staticListName;
    }

    /**
     * staticList selector: list name; also the list of REST getLeadsByList, addToList, removeFromList and
     * isMemberOfList (resolved to its id once per endpoint), and the optional list filter of getLeadActivities.
     */
    public void setStaticListName(String staticListName) {
        this.staticListName = staticListName;
    }

    public Long getStaticListId() {
        return staticListId;
    }

    /**
     * staticList selector: list id; also the list of REST getLeadsByList, addToList, removeFromList and
     * isMemberOfList, and the optional list filter of getLeadActivities.
     */
    public void setStaticListId(Long staticListId) {
        this.staticListId = staticListId;
    }

    public String getLeadKeys() {
        return leadKeys;
    }

    /**
     * leadKeys selector: comma-separated key values of type leadKeyType.
     */
    public void setLeadKeys(String leadKeys) {
        this.leadKeys = leadKeys;
    }

    public boolean isBatchMode() {
        return batchMode;
    }

    /**
     * One exchange per page (body List<Lead>) instead of one per lead.
     */
    public void setBatchMode(boolean batchMode) {
        this.batchMode = batchMode;
    }

    public org.apache.camel.spi.StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Where the consumer stores its cursor after each completed page (default in-memory; use FileStateRepository to resume after restart).
     */
    public void setStateRepository(org.apache.camel.spi.StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    /**
     * Key of the cursor in the state repository; default derived from the route id (when the route has one, set with
     * routeId), operation, instance and selector, so two routes with the same options and their own ids keep separate
     * cursors.
     */
    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public long getPassInterval() {
        return passInterval;
    }

    /**
     * Consumer: how long a caught-up consumer waits after a complete pass (lastUpdateAt caught up, a static list or the
     * keys streamed to the end) before the next pass makes any call, whatever delay and greedy say; also the longest
     * wait before a failed page is fetched again. Every integration of an instance shares one daily quota: the default
     * spends about 1,440 calls a day on an idle instance.
     */
    public void setPassInterval(long passInterval) {
        this.passInterval = passInterval;
    }

    public boolean isRepeatPasses() {
        return repeatPasses;
    }

    /**
     * Consumer: start another pass after passInterval (true), or stop after the first complete pass (false: the stream
     * ends, as with latestUpdatedAt).
     */
    public void setRepeatPasses(boolean repeatPasses) {
        this.repeatPasses = repeatPasses;
    }

    public long getWatermarkOverlap() {
        return watermarkOverlap;
    }

    /**
     * Consumer, lastUpdateAt: the next pass asks for leads updated since the start of the completed pass minus this
     * overlap. The pass start is the earlier of this host's time and Marketo's (from its answers' Date headers),
     * rounded down to whole seconds, so neither clock skew nor Marketo's whole-second updatedAt loses an update; leads
     * updated inside the overlap are delivered again.
     */
    public void setWatermarkOverlap(long watermarkOverlap) {
        this.watermarkOverlap = watermarkOverlap;
    }

    public boolean isProbeActivities() {
        return probeActivities;
    }

    /**
     * Consumer, lastUpdateAt over REST: after a pass that found nothing, ask the activity feed (paging token and
     * activities.json of the types that change lead data: 2 calls) whether any lead changed since the watermark before
     * running a Bulk Extract job (4 calls and one of the instance's export jobs). When none did, the pass is skipped and
     * the watermark stays, so the next export covers the skipped time too. Turn it off where lead data is changed by a
     * process that logs no activity (New Lead, Change Data Value, Change Score, Merge Leads, ...) and such changes
     * must not wait for the next logged one.
     */
    public void setProbeActivities(boolean probeActivities) {
        this.probeActivities = probeActivities;
    }

    public java.time.Clock getClock() {
        return clock;
    }

    /**
     * Consumer: the host clock the consumer schedules passes and watermarks with (default the system UTC clock); for
     * tests and simulations.
     */
    public void setClock(java.time.Clock clock) {
        this.clock = clock;
    }

    public long getExtractJobTimeout() {
        return extractJobTimeout;
    }

    /**
     * REST bulk extract: fail a job still queued or processing after this long.
     */
    public void setExtractJobTimeout(long extractJobTimeout) {
        this.extractJobTimeout = extractJobTimeout;
    }

    public long getExtractPollInterval() {
        return extractPollInterval;
    }

    /**
     * REST bulk extract: first status poll interval (grows by half after each poll, up to 60 s).
     */
    public void setExtractPollInterval(long extractPollInterval) {
        this.extractPollInterval = extractPollInterval;
    }

    public boolean isIncludeDeleted() {
        return includeDeleted;
    }

    /**
     * leadSelector=leadChanges: also deliver deleted leads (activities/deletedleads.json), one exchange per deleted
     * lead with header CamelMarketoLeadDeleted=true and the lead id as body. The vendor may prune deletions older than
     * 14 days.
     */
    public void setIncludeDeleted(boolean includeDeleted) {
        this.includeDeleted = includeDeleted;
    }

    public ExtractFallback getExtractFallback() {
        return extractFallback;
    }

    /**
     * REST leadSelector=lastUpdateAt: what to do when Bulk Extract refuses the updatedAt filter (error 1035, a
     * subscription without it). none fails with a message naming leadSelector=leadChanges; leadChanges switches to the
     * lead-change feed from the same watermark (logged once) and keeps reading it, also after a restart.
     */
    public void setExtractFallback(ExtractFallback extractFallback) {
        this.extractFallback = extractFallback;
    }

    public org.apache.camel.component.cxf.jaxws.CxfConfigurer getCxfConfigurer() {
        return cxfConfigurer;
    }

    /**
     * Hook to customise the SOAP CXF client (runs after the component's own setup).
     */
    public void setCxfConfigurer(org.apache.camel.component.cxf.jaxws.CxfConfigurer cxfConfigurer) {
        this.cxfConfigurer = cxfConfigurer;
    }

    /** The {@code fields} option as a list (empty when unset). */
    public List<String> getFieldList() {
        return splitCsv(fields);
    }

    /** The {@code leadKeys} option as a list (empty when unset). */
    public List<String> getLeadKeyList() {
        return splitCsv(leadKeys);
    }

    /** The values of a comma-separated option or header, trimmed, blanks dropped (empty when unset). */
    static List<String> splitCsv(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
        return values;
    }

    /**
     * Checks the options for {@code operation} before any network call and returns the API the endpoint calls
     * ({@code auto} resolved); the message of a failure names the option and its allowed values.
     */
    public MarketoApi validate(MarketoOperation operation) {
        MarketoApi resolved = resolveApi();
        if (resolved == MarketoApi.soap && !operation.isSoapSupported()) {
            throw new IllegalArgumentException("Operation " + operation + " is REST-only: use api=rest with clientId and "
                                               + "clientSecret (SOAP supports getLead, getMultipleLeads, syncLead, syncMultipleLeads)");
        }
        if (resolved == MarketoApi.soap && leadSelector == LeadSelectorType.leadChanges) {
            throw new IllegalArgumentException("leadSelector=leadChanges reads the REST activity feed: use api=rest with "
                                               + "clientId and clientSecret (over SOAP use leadSelector=lastUpdateAt)");
        }
        if (munchkinId == null) {
            boolean missing = resolved == MarketoApi.soap
                    ? soapEndpoint == null
                    : restEndpoint == null || identityEndpoint == null;
            if (missing) {
                throw new IllegalArgumentException("Set munchkinId, or the endpoint URLs ("
                                                   + (resolved == MarketoApi.soap ? "soapEndpoint" : "restEndpoint and identityEndpoint")
                                                   + ")");
            }
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batchSize must be between 1 and 1000, was " + batchSize);
        }
        if (bulkImportThreshold < 0) {
            throw new IllegalArgumentException("bulkImportThreshold must be 0 (off) or a number of records, was "
                                               + bulkImportThreshold);
        }
        if (importFileSize < 1024 || importFileSize > MAX_IMPORT_FILE_SIZE) {
            throw new IllegalArgumentException("importFileSize must be between 1024 and " + MAX_IMPORT_FILE_SIZE
                                               + " bytes (the vendor's 10 MB limit), was " + importFileSize);
        }
        if (passInterval < 0 || watermarkOverlap < 0) {
            throw new IllegalArgumentException("passInterval and watermarkOverlap must be >= 0, were " + passInterval + " and "
                                               + watermarkOverlap);
        }
        validateCallPolicy();
        ConfigurationChecks.check(this);
        ConfigurationChecks.activities(this, operation);
        if (resolved == MarketoApi.soap) {
            requireSecureUrl("soapEndpoint", soapEndpoint);
        } else {
            requireSecureUrl("identityEndpoint", identityEndpoint);
            requireSecureUrl("restEndpoint", restEndpoint);
        }
        return resolved;
    }

    /** The API this configuration selects once {@code auto} is resolved, or an error naming the options to set. */
    public MarketoApi resolveApi() {
        boolean rest = clientId != null || clientSecret != null;
        boolean soap = userId != null || encryptionKey != null;
        MarketoApi chosen = api;
        if (chosen == MarketoApi.auto) {
            if (rest && soap) {
                throw new IllegalArgumentException("Both REST (clientId/clientSecret) and SOAP (userId/encryptionKey) "
                        + "credentials are set: choose one with api=rest or api=soap");
            }
            if (!rest && !soap) {
                throw new IllegalArgumentException("No Marketo credentials: set clientId and clientSecret (REST) "
                        + "or userId and encryptionKey (SOAP)");
            }
            chosen = rest ? MarketoApi.rest : MarketoApi.soap;
        }
        if (chosen == MarketoApi.rest && (clientId == null || clientSecret == null)) {
            throw new IllegalArgumentException("api=rest needs both clientId and clientSecret");
        }
        if (chosen == MarketoApi.soap && (userId == null || encryptionKey == null)) {
            throw new IllegalArgumentException("api=soap needs both userId and encryptionKey");
        }
        return chosen;
    }

    /** A copy whose changes do not affect this configuration. */
    public MarketoConfiguration copy() {
        try {
            // every field is immutable or shared on purpose (stateRepository, configurers), so clone() is enough
            return (MarketoConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "MarketoConfiguration[munchkinId=" + munchkinId + ", api=" + api + ", soapEndpoint=" + soapEndpoint
                + ", restEndpoint=" + restEndpoint + ", userId=" + mask(userId) + ", encryptionKey=" + mask(encryptionKey)
                + ", clientId=" + mask(clientId) + ", clientSecret=" + mask(clientSecret) + ", " + describeCallPolicy() + "]";
    }

    private static String mask(String secret) {
        return secret == null ? null : "xxxxxx";
    }
}

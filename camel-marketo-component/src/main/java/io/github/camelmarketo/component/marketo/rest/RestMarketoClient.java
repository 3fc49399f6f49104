package io.github.camelmarketo.component.marketo.rest;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.client.ClientSettings;
import io.github.camelmarketo.component.marketo.client.MarketoRestOperations;
import io.github.camelmarketo.component.marketo.client.SyncOptions;
import io.github.camelmarketo.component.marketo.model.ActivityPage;
import io.github.camelmarketo.component.marketo.model.ActivityType;
import io.github.camelmarketo.component.marketo.model.ImportResult;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadField;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.LeadPartition;
import io.github.camelmarketo.component.marketo.model.LeadSchema;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoNotFoundException;
import io.github.camelmarketo.component.marketo.model.Reason;
import io.github.camelmarketo.component.marketo.model.SyncResult;

/**
 * {@link MarketoClient} and {@link MarketoRestOperations} over Marketo's REST API. The four SOAP-named operations
 * map to REST calls with the same model in and out: getLead and getMultipleLeads by keys to {@code leads.json}
 * filters, by static list to {@code lists/{id}/leads.json}, by last update to Bulk Lead Extract; syncLead and
 * syncMultipleLeads to {@code POST leads.json}. Thread-safe; one per endpoint, sharing the instance's limiter and
 * the client id's token with the other endpoints of the component.
 */
public final class RestMarketoClient implements MarketoClient, MarketoRestOperations {

    /** REST page size limit of list and program reads ({@code batchSize} at most 300). */
    static final int MAX_PAGE_SIZE = 300;

    private final RestTransport transport;
    private final RestLeadMapper mapper;
    private final BulkLeadExtract bulkExtract;
    private final BulkLeadImport bulkImport;
    private final LeadChangeFeed changeFeed;
    private final LeadDataChangeProbe changeProbe;
    private final Map<String, Long> listIds = new ConcurrentHashMap<>();
    private final MarketoCallStats stats;

    RestMarketoClient(ClientSettings configuration, RestUrls urls, RestInstance instance, TokenManager tokens) {
        ObjectMapper objectMapper = new ObjectMapper();
        this.transport = new RestTransport(configuration, urls, instance, tokens, objectMapper);
        this.stats = instance.stats();
        this.mapper = new RestLeadMapper(objectMapper);
        this.bulkExtract = new BulkLeadExtract(transport, mapper, configuration.getExtractPollInterval(),
                configuration.getExtractJobTimeout());
        this.bulkImport = new BulkLeadImport(transport, mapper, configuration.getImportPollInterval(),
                configuration.getImportJobTimeout(), configuration.getImportFileSize());
        this.changeFeed = new LeadChangeFeed(transport);
        this.changeProbe = new LeadDataChangeProbe(changeFeed);
    }

    @Override
    public Instant vendorNow(Clock host) {
        return transport.serverClock().now(host);
    }

    @Override
    public MarketoApi api() {
        return MarketoApi.rest;
    }

    @Override
    public MarketoCallStats callStats() {
        return stats;
    }

    // ------------------------------------------------------------ operations both APIs have

    @Override
    public List<Lead> getLead(LeadKey key, List<String> fields) {
        RestEnvelope envelope = transport.call(leadsByFilter("getLead", key.type().restField(), List.of(key.value()), fields));
        return mapper.toLeads(envelope.result());
    }

    @Override
    public LeadPage getMultipleLeads(LeadSelector selector, String position, int batchSize, List<String> fields) {
        return getMultipleLeads(selector, position, batchSize, fields, null);
    }

    @Override
    public LeadPage getMultipleLeads(LeadSelector selector, String position, int batchSize, List<String> fields,
                                     Consumer<String> checkpoint) {
        if (selector instanceof LeadSelector.ByKeys byKeys) {
            return leadPage(leadsByFilter("getMultipleLeads", byKeys.keyType().restField(), byKeys.values(), fields)
                    .param("batchSize", pageSize(batchSize)).param("nextPageToken", position));
        }
        if (selector instanceof LeadSelector.ByStaticList byList) {
            long listId = byList.listId() != null ? byList.listId() : resolveStaticListId(byList.listName());
            return leadPage(listMembers("getMultipleLeads", listId, fields, position, batchSize));
        }
        if (selector instanceof LeadSelector.ByLeadChanges) {
            throw new IllegalArgumentException("leadSelector=leadChanges is read by the polling consumer "
                                               + "(from(\"marketo:getMultipleLeads?leadSelector=leadChanges...\")), "
                                               + "not by a getMultipleLeads producer");
        }
        return bulkExtract.page((LeadSelector.ByLastUpdate) selector, position, batchSize, fields, checkpoint);
    }

    @Override
    public SyncResult syncLead(Lead lead, SyncOptions options) {
        SyncResult result = sync("syncLead", List.of(lead), options).get(0);
        if (!result.isSuccess() || result.leadId() == null) {
            return result;
        }
        // SOAP syncLead options, done with the REST calls that have the same effect; the sync is applied by now, so a
        // failed follow-up is a warning on the result, not a failed exchange (which would invite a duplicate resend)
        List<Reason> warnings = new ArrayList<>(result.reasons());
        if (options.marketoCookie() != null) {
            try {
                associate("syncLead", result.leadId(), options.marketoCookie());
            } catch (MarketoException e) {
                warnings.add(followUpWarning("associating the Munchkin cookie (associateLead)", e));
            }
        }
        Lead stored = null;
        if (options.returnLead()) {
            try {
                List<Lead> found = getLead(LeadKey.id(result.leadId()), List.of());
                stored = found.isEmpty() ? null : found.get(0);
            } catch (MarketoException e) {
                warnings.add(followUpWarning("reading the lead back (returnLead)", e));
            }
        }
        return new SyncResult(result.index(), result.leadId(), result.status(), warnings, stored);
    }

    private static Reason followUpWarning(String what, MarketoException e) {
        return new Reason(e.getCode(), "The lead was synced, but " + what + " failed: " + e.getMessage());
    }

    @Override
    public List<SyncResult> syncMultipleLeads(List<Lead> leads, SyncOptions options) {
        return sync("syncMultipleLeads", leads, options);
    }

    // ------------------------------------------------------------ REST-only operations

    @Override
    public List<LeadField> describeLeads() {
        RestEnvelope envelope = transport.call(RestRequest.get("describeLeads", rest("/v1/leads/describe.json")));
        List<LeadField> fields = new ArrayList<>();
        envelope.result().forEach(field -> fields.add(mapper.toLeadField(field)));
        return fields;
    }

    @Override
    public LeadPage getLeadsByFilter(String filterType, List<String> values, List<String> fields, String pageToken,
                                     int batchSize) {
        return leadPage(leadsByFilter("getLeadsByFilter", filterType, values, fields)
                .param("batchSize", pageSize(batchSize)).param("nextPageToken", pageToken));
    }

    @Override
    public List<SyncResult> syncLeads(List<Lead> leads, SyncOptions options) {
        return sync("syncLeads", leads, options);
    }

    @Override
    public List<SyncResult> deleteLeads(List<Long> leadIds) {
        RestEnvelope envelope = transport.call(RestRequest.post("deleteLeads", rest("/v1/leads/delete.json"))
                .json(idInput(leadIds)));
        return mapper.toSyncResults(envelope.result(), leadIds.size(), 0);
    }

    @Override
    public void mergeLeads(long winnerId, List<Long> loserIds, boolean mergeInCrm) {
        RestRequest request = RestRequest.post("mergeLeads", rest("/v1/leads/" + winnerId + "/merge.json"));
        if (loserIds.size() == 1) {
            request.param("leadId", loserIds.get(0));
        } else {
            request.param("leadIds", join(loserIds));
        }
        transport.call(request.param("mergeInCRM", mergeInCrm ? "true" : null));
    }

    @Override
    public void associateLead(long leadId, String cookie) {
        associate("associateLead", leadId, cookie);
    }

    @Override
    public List<SyncResult> pushLeads(List<Lead> leads, String programName, String source, String reason,
                                      SyncOptions options) {
        ObjectNode body = transport.mapper().createObjectNode();
        body.put("programName", programName);
        putIfSet(body, "lookupField", options.lookupField());
        putIfSet(body, "partitionName", options.partitionName());
        putIfSet(body, "source", source);
        putIfSet(body, "reason", reason);
        body.set("input", mapper.toJson(leads));
        RestEnvelope envelope = transport.call(RestRequest.post("pushLeads", rest("/v1/leads/push.json")).json(body));
        return mapper.toSyncResults(envelope.result(), leads.size(), 0);
    }

    @Override
    public LeadPage getLeadsByList(long listId, List<String> fields, String pageToken, int batchSize) {
        return leadPage(listMembers("getLeadsByList", listId, fields, pageToken, batchSize));
    }

    @Override
    public LeadPage getLeadsByProgram(long programId, List<String> fields, String pageToken, int batchSize) {
        return leadPage(RestRequest.get("getLeadsByProgram", rest("/v1/leads/programs/" + programId + ".json"))
                .param("fields", fieldsParam(fields)).param("batchSize", pageSize(batchSize))
                .param("nextPageToken", pageToken));
    }

    @Override
    public RecordPage getListsByLead(long leadId, String pageToken, int batchSize) {
        return membership("getListsByLead", leadId, "listMembership", pageToken, batchSize);
    }

    @Override
    public RecordPage getProgramsByLead(long leadId, String pageToken, int batchSize) {
        return membership("getProgramsByLead", leadId, "programMembership", pageToken, batchSize);
    }

    @Override
    public RecordPage getCampaignsByLead(long leadId, String pageToken, int batchSize) {
        return membership("getCampaignsByLead", leadId, "smartCampaignMembership", pageToken, batchSize);
    }

    @Override
    public long resolveStaticListId(String name) {
        Long cached = listIds.get(name);
        if (cached != null) {
            return cached;
        }
        RestEnvelope envelope = transport.call(RestRequest.get("getMultipleLeads", rest("/v1/lists.json")).param("name", name));
        for (JsonNode list : envelope.result()) {
            if (name.equals(RestEnvelope.text(list, "name")) && list.hasNonNull("id")) {
                long id = list.get("id").asLong();
                listIds.put(name, id);
                return id;
            }
        }
        throw new MarketoNotFoundException("getMultipleLeads", null, "no static list named '" + name + "'",
                envelope.requestId(), "Check staticListName, or set staticListId");
    }

    @Override
    public List<SyncResult> addToList(long listId, List<Long> leadIds) {
        RestEnvelope envelope = transport.call(RestRequest.post("addToList", rest("/v1/lists/" + listId + "/leads.json"))
                .json(idInput(leadIds)));
        return mapper.toSyncResults(envelope.result(), leadIds.size(), 0);
    }

    @Override
    public List<SyncResult> removeFromList(long listId, List<Long> leadIds) {
        RestEnvelope envelope = transport.call(RestRequest.delete("removeFromList", rest("/v1/lists/" + listId + "/leads.json"))
                .json(idInput(leadIds)));
        return mapper.toSyncResults(envelope.result(), leadIds.size(), 0);
    }

    @Override
    public List<SyncResult> isMemberOfList(long listId, List<Long> leadIds) {
        // a GET: the ids go in the query (300 ids fit the request line; a body on a GET is not portable)
        RestEnvelope envelope = transport.call(RestRequest.get("isMemberOfList",
                rest("/v1/lists/" + listId + "/leads/ismember.json")).param("id", join(leadIds)));
        return mapper.toSyncResults(envelope.result(), leadIds.size(), 0);
    }

    @Override
    public LeadSchema describeLeads2() {
        RestEnvelope envelope = transport.call(RestRequest.get("describeLeads2", rest("/v1/leads/describe2.json")));
        List<JsonNode> result = envelope.result();
        if (result.isEmpty()) {
            return new LeadSchema(null, List.of(), List.of());
        }
        return mapper.toLeadSchema(result.get(0));
    }

    @Override
    public List<Lead> getLeadById(long leadId, List<String> fields) {
        RestEnvelope envelope = transport.call(RestRequest.get("getLeadById", rest("/v1/lead/" + leadId + ".json"))
                .param("fields", fieldsParam(fields)));
        return mapper.toLeads(envelope.result());
    }

    @Override
    public List<LeadPartition> getLeadPartitions() {
        RestEnvelope envelope = transport.call(RestRequest.get("getLeadPartitions", rest("/v1/leads/partitions.json")));
        List<LeadPartition> partitions = new ArrayList<>();
        envelope.result().forEach(p -> partitions.add(new LeadPartition(p.path("id").asInt(), RestEnvelope.text(p, "name"),
                RestEnvelope.text(p, "description"))));
        return partitions;
    }

    @Override
    public List<SyncResult> updateLeadPartitions(List<Long> leadIds, String partitionName) {
        ObjectNode body = transport.mapper().createObjectNode();
        ArrayNode input = body.putArray("input");
        leadIds.forEach(id -> input.addObject().put("id", id).put("partitionName", partitionName));
        RestEnvelope envelope = transport.call(RestRequest.post("updateLeadPartitions", rest("/v1/leads/partitions.json"))
                .json(body));
        return mapper.toSyncResults(envelope.result(), leadIds.size(), 0);
    }

    @Override
    public List<SyncResult> changeProgramStatus(long programId, String status, List<Long> leadIds) {
        ObjectNode body = idInput(leadIds);
        body.put("status", status);
        RestEnvelope envelope = transport.call(RestRequest.post("changeProgramStatus",
                rest("/v1/leads/programs/" + programId + "/status.json")).json(body));
        return mapper.toSyncResults(envelope.result(), leadIds.size(), 0);
    }

    @Override
    public void requestCampaign(long campaignId, List<Long> leadIds, Map<String, String> tokens) {
        ObjectNode body = transport.mapper().createObjectNode();
        ObjectNode input = body.putObject("input");
        ArrayNode leads = input.putArray("leads");
        leadIds.forEach(id -> leads.addObject().put("id", id));
        putTokens(input, tokens);
        transport.call(RestRequest.post("requestCampaign", rest("/v1/campaigns/" + campaignId + "/trigger.json")).json(body));
    }

    @Override
    public void scheduleCampaign(long campaignId, Instant runAt, Map<String, String> tokens) {
        ObjectNode body = transport.mapper().createObjectNode();
        ObjectNode input = body.putObject("input");
        if (runAt != null) {
            input.put("runAt", runAt.toString());
        }
        putTokens(input, tokens);
        transport.call(RestRequest.post("scheduleCampaign", rest("/v1/campaigns/" + campaignId + "/schedule.json")).json(body));
    }

    @Override
    public ImportResult importLeads(Iterator<Lead> leads, String lookupField, String partitionName, Long listId) {
        return bulkImport.importLeads(leads, lookupField, partitionName, listId);
    }

    @Override
    public ImportResult importCsv(InputStream csv, String lookupField, String partitionName, Long listId) {
        return bulkImport.importCsv(csv, lookupField, partitionName, listId);
    }

    @Override
    public String getActivityPagingToken(String operation, Instant sinceDatetime) {
        return changeFeed.pagingToken(operation, sinceDatetime);
    }

    @Override
    public ActivityPage getLeadChanges(String nextPageToken, List<String> fields, int batchSize) {
        return changeFeed.leadChanges("getMultipleLeads", nextPageToken, fields, batchSize);
    }

    @Override
    public ActivityPage getDeletedLeads(String operation, String nextPageToken, int batchSize) {
        return changeFeed.deletedLeads(operation, nextPageToken, batchSize);
    }

    @Override
    public ActivityPage getLeadActivities(String nextPageToken, List<Integer> activityTypeIds, List<Long> leadIds,
                                          Long listId, int batchSize) {
        return changeFeed.leadActivities("getLeadActivities", nextPageToken, activityTypeIds, leadIds, listId, batchSize);
    }

    @Override
    public boolean leadsChangedSince(Instant since) {
        return changeProbe.changedSince(since);
    }

    @Override
    public List<ActivityType> getActivityTypes() {
        return changeFeed.types("getActivityTypes");
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "RestMarketoClient[" + transport.urls().rest() + "]";
    }

    // ------------------------------------------------------------ helpers

    private List<SyncResult> sync(String operation, List<Lead> leads, SyncOptions options) {
        ObjectNode body = transport.mapper().createObjectNode();
        body.put("action", options.effectiveAction().name());
        putIfSet(body, "lookupField", options.lookupField());
        putIfSet(body, "partitionName", options.partitionName());
        if (options.asyncProcessing()) {
            body.put("asyncProcessing", true);
        }
        body.set("input", mapper.toJson(leads));
        RestEnvelope envelope = transport.call(RestRequest.post(operation, rest("/v1/leads.json")).json(body));
        return mapper.toSyncResults(envelope.result(), leads.size(), 0);
    }

    private void associate(String operation, long leadId, String cookie) {
        transport.call(RestRequest.post(operation, rest("/v1/leads/" + leadId + "/associate.json")).param("cookie", cookie));
    }

    private RestRequest leadsByFilter(String operation, String filterType, List<String> values, List<String> fields) {
        return RestRequest.get(operation, rest("/v1/leads.json"))
                .param("filterType", filterType)
                .param("filterValues", String.join(",", values))
                .param("fields", fieldsParam(fields));
    }

    private RestRequest listMembers(String operation, long listId, List<String> fields, String pageToken, int batchSize) {
        return RestRequest.get(operation, rest("/v1/lists/" + listId + "/leads.json"))
                .param("fields", fieldsParam(fields)).param("batchSize", pageSize(batchSize))
                .param("nextPageToken", pageToken);
    }

    private RecordPage membership(String operation, long leadId, String resource, String pageToken, int batchSize) {
        RestEnvelope envelope = transport.call(RestRequest.get(operation, rest("/v1/leads/" + leadId + "/" + resource + ".json"))
                .param("batchSize", pageSize(batchSize)).param("nextPageToken", pageToken));
        List<Map<String, Object>> records = new ArrayList<>();
        envelope.result().forEach(record -> records.add(mapper.toMap(record)));
        boolean more = envelope.hasMore();
        return new RecordPage(records, more ? envelope.nextPageToken() : null, more);
    }

    private LeadPage leadPage(RestRequest request) {
        RestEnvelope envelope = transport.call(request);
        boolean more = envelope.hasMore();
        return new LeadPage(mapper.toLeads(envelope.result()), more ? envelope.nextPageToken() : null, more ? -1 : 0, more);
    }

    private String rest(String path) {
        return transport.urls().rest() + path;
    }

    /** The {@code fields} parameter: REST names, always with {@code id} so results map to identified leads. */
    private static String fieldsParam(List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        return String.join(",", RestLeadMapper.restNamesWithId(fields));
    }

    private static int pageSize(int batchSize) {
        return Math.max(1, Math.min(batchSize, MAX_PAGE_SIZE));
    }

    private static String join(List<Long> ids) {
        StringBuilder sb = new StringBuilder();
        ids.forEach(id -> sb.append(sb.length() == 0 ? "" : ",").append(id));
        return sb.toString();
    }

    /** {@code {"input":[{"id":..},..]}}. */
    private ObjectNode idInput(List<Long> leadIds) {
        ObjectNode body = transport.mapper().createObjectNode();
        ArrayNode input = body.putArray("input");
        leadIds.forEach(id -> input.addObject().put("id", id));
        return body;
    }

    private static void putTokens(ObjectNode input, Map<String, String> tokens) {
        if (tokens != null && !tokens.isEmpty()) {
            ArrayNode array = input.putArray("tokens");
            tokens.forEach((name, value) -> array.addObject().put("name", name).put("value", value));
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}

package io.github.camelmarketo.emulator.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.rest.ProgramCatalog.Campaign;
import io.github.camelmarketo.emulator.rest.ProgramCatalog.Membership;
import io.github.camelmarketo.emulator.rest.ProgramCatalog.Program;

/**
 * Program endpoints: {@code GET /rest/v1/leads/programs/{programId}.json} (leads with {@code membership}),
 * {@code leads/{leadId}/programMembership.json}, {@code leads/{leadId}/smartCampaignMembership.json},
 * {@code POST /rest/v1/leads/push.json} (upsert into a named program) and
 * {@code POST /rest/v1/leads/programs/{programId}/status.json} (status of at most 300 existing members; the status
 * must be one of the program channel's, 1003 otherwise; non-members and unknown leads are skipped with 1004).
 */
final class ProgramsResource {

    private final LeadStore store;
    private final LeadMapper mapper;
    private final ProgramCatalog catalog;
    private final LeadSync sync;
    private final Clock clock;

    ProgramsResource(LeadStore store, LeadMapper mapper, ProgramCatalog catalog, LeadSync sync) {
        this.store = store;
        this.mapper = mapper;
        this.catalog = catalog;
        this.sync = sync;
        this.clock = store.clock();
    }

    void register(Router router) {
        router.add("GET", "/rest/v1/leads/programs/{programId}.json", this::leadsOfProgram)
                .add("GET", "/rest/v1/leads/{leadId}/programMembership.json", this::programMembership)
                .add("GET", "/rest/v1/leads/{leadId}/smartCampaignMembership.json", this::campaignMembership)
                .add("POST", "/rest/v1/leads/push.json", this::push)
                .add("POST", "/rest/v1/leads/programs/{programId}/status.json", this::changeStatus);
    }

    RestResponse leadsOfProgram(RestRequest request) {
        int programId = request.pathInt("programId");
        program(programId);
        List<LeadField> fields = mapper.select(request.listParam("fields"));
        Map<Integer, Membership> members = catalog.members(programId);
        List<EmulatorLead> leads = new ArrayList<>();
        members.keySet().forEach(id -> store.findById(id).ifPresent(leads::add));
        Paging.Page<EmulatorLead> page = Paging.page(leads, EmulatorLead::getId, request);
        ArrayNode result = Json.array();
        for (EmulatorLead lead : page.items()) {
            ObjectNode node = mapper.toJson(lead, fields);
            node.set("membership", membership(members.get(lead.getId()), false));
            result.add(node);
        }
        return RestResponse.envelope(Envelope.page(result, page.nextPageToken()));
    }

    RestResponse programMembership(RestRequest request) {
        int leadId = existingLead(request);
        List<String> programIds = request.listParam("filterValues");
        String filterType = request.param("filterType");
        if (filterType != null && !"id".equals(filterType)) {
            throw RestApiException.invalid("Invalid filterType '" + filterType + "', only 'id' is supported");
        }
        Instant earliest = optionalDate(request, "earliestUpdatedAt");
        Instant latest = optionalDate(request, "latestUpdatedAt");
        List<Map.Entry<Program, Membership>> entries = new ArrayList<>();
        for (Map.Entry<Program, Membership> e : catalog.programsOf(leadId).entrySet()) {
            Instant updated = e.getValue().updatedAt();
            if ((programIds.isEmpty() || programIds.contains(Integer.toString(e.getKey().id())))
                && (earliest == null || !updated.isBefore(earliest)) && (latest == null || !updated.isAfter(latest))) {
                entries.add(e);
            }
        }
        Paging.Page<Map.Entry<Program, Membership>> page = Paging.page(entries, e -> e.getKey().id(), request);
        ArrayNode result = Json.array();
        for (Map.Entry<Program, Membership> e : page.items()) {
            ObjectNode node = membership(e.getValue(), true);
            node.put("id", e.getKey().id());
            node.put("name", e.getKey().name());
            node.put("updatedAt", Json.date(e.getValue().updatedAt()));
            result.add(node);
        }
        return RestResponse.envelope(Envelope.page(result, page.nextPageToken()));
    }

    RestResponse campaignMembership(RestRequest request) {
        int leadId = existingLead(request);
        Paging.Page<Campaign> page = Paging.page(catalog.campaignsOf(leadId), Campaign::id, request);
        ArrayNode result = Json.array();
        for (Campaign campaign : page.items()) {
            ObjectNode node = result.addObject();
            node.put("smartCampaignId", campaign.id());
            node.put("id", campaign.id());
            node.put("name", campaign.name());
            node.put("createdAt", Json.date(campaign.createdAt()));
            node.put("updatedAt", Json.date(campaign.createdAt()));
        }
        return RestResponse.envelope(Envelope.page(result, page.nextPageToken()));
    }

    RestResponse push(RestRequest request) {
        JsonNode body = request.json();
        String programName = LeadWriter.text(body.get("programName"));
        if (programName == null || programName.isBlank()) {
            throw RestApiException.invalid("Missing value for required parameter 'programName'");
        }
        Program program = catalog.programByName(programName).orElseThrow(() -> new RestApiException(
                RestErrors.OBJECT_NOT_FOUND, "Program '" + programName + "' not found"));
        LeadField lookup = sync.lookupField(body.path("lookupField"));
        String partition = LeadWriter.text(body.get("partitionName"));
        ArrayNode result = Json.array();
        for (JsonNode record : LeadSync.input(body)) {
            ObjectNode outcome = sync.upsert(record, LeadSync.Action.createOrUpdate, lookup, partition);
            if (outcome.has("id")) {
                catalog.join(program.id(), outcome.path("id").asInt(), clock.instant(),
                        "created".equals(outcome.path("status").asText()));
            }
            result.add(outcome);
        }
        return RestResponse.envelope(Envelope.success(result));
    }

    RestResponse changeStatus(RestRequest request) {
        int programId = request.pathInt("programId");
        Program program = program(programId);
        JsonNode body = request.json();
        String requested = LeadWriter.text(body.get("status"));
        if (requested == null || requested.isBlank()) {
            throw RestApiException.invalid("Missing value for required parameter 'status'");
        }
        List<String> statuses = catalog.statuses(programId);
        String status = statuses.stream().filter(s -> s.equalsIgnoreCase(requested.trim())).findFirst()
                .orElseThrow(() -> RestApiException.invalid("Invalid status '" + requested + "' for program " + programId
                                                             + " (channel " + program.channel() + "), expected one of "
                                                             + statuses));
        ArrayNode result = Json.array();
        for (JsonNode record : LeadSync.input(body)) {
            JsonNode idNode = record.get("id");
            if (idNode == null || !idNode.canConvertToInt()) {
                throw RestApiException.invalid("Each input record needs an integer 'id', got " + record);
            }
            int leadId = idNode.asInt();
            if (store.findById(leadId).isEmpty()) {
                result.add(LeadIds.skipped(leadId, RestErrors.LEAD_NOT_FOUND, RestErrors.message(RestErrors.LEAD_NOT_FOUND)));
            } else if (!catalog.changeStatus(programId, leadId, status, clock.instant())) {
                result.add(LeadIds.skipped(leadId, RestErrors.LEAD_NOT_FOUND,
                        "Lead " + leadId + " is not a member of program " + programId));
            } else {
                result.add(LeadSync.status(leadId, "updated"));
            }
        }
        return RestResponse.envelope(Envelope.success(result));
    }

    private int existingLead(RestRequest request) {
        int leadId = request.pathInt("leadId");
        if (store.findById(leadId).isEmpty()) {
            throw new RestApiException(RestErrors.LEAD_NOT_FOUND, "Lead " + leadId + " not found");
        }
        return leadId;
    }

    private Program program(int id) {
        return catalog.program(id).orElseThrow(() -> new RestApiException(RestErrors.OBJECT_NOT_FOUND,
                "Program " + id + " not found"));
    }

    private static Instant optionalDate(RestRequest request, String name) {
        String value = request.param(name);
        return value == null || value.isBlank() ? null : Json.parseDate(name, value);
    }

    private static ObjectNode membership(Membership m, boolean withStreamFields) {
        ObjectNode node = Json.object();
        node.put("progressionStatus", m.progressionStatus());
        node.put("acquiredBy", m.acquiredBy());
        node.put("reachedSuccess", m.reachedSuccess());
        node.put("membershipDate", Json.date(m.membershipDate()));
        if (m.stream() != null || withStreamFields) {
            // stream fields are strings in the document: left out, not null, outside engagement programs
            if (m.stream() != null) {
                node.put("stream", m.stream());
                node.put("nurtureCadence", m.nurtureCadence());
            }
            node.put("isExhausted", m.isExhausted());
        }
        return node;
    }
}

package io.github.camelmarketo.emulator.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.StaticList;

/**
 * Static lists from the store: {@code GET /rest/v1/lists.json} (by id/name), {@code lists/{listId}.json},
 * {@code lists/{listId}/leads.json} (and the older {@code list/{listId}/leads.json}) paged by nextPageToken, and
 * {@code leads/{leadId}/listMembership.json}; membership changes {@code POST|DELETE lists/{listId}/leads.json} and
 * {@code lists/{listId}/leads/ismember.json}.
 */
final class ListsResource {

    private final LeadStore store;
    private final LeadMapper mapper;
    private final Supplier<Instant> seededAt;

    ListsResource(LeadStore store, LeadMapper mapper, Supplier<Instant> seededAt) {
        this.store = store;
        this.mapper = mapper;
        this.seededAt = seededAt;
    }

    void register(Router router) {
        router.add("GET", "/rest/v1/lists.json", this::lists)
                .add("GET", "/rest/v1/lists/{listId}.json", this::listById)
                .add("GET", "/rest/v1/lists/{listId}/leads.json", this::leadsOfList)
                .add("GET", "/rest/v1/list/{listId}/leads.json", this::leadsOfList)
                .add("GET", "/rest/v1/leads/{leadId}/listMembership.json", this::listMembership)
                .add("GET", "/rest/v1/lists/{listId}/leads/ismember.json", this::isMember)
                .add("POST", "/rest/v1/lists/{listId}/leads.json", this::addMembers)
                .add("DELETE", "/rest/v1/lists/{listId}/leads.json", this::removeMembers);
    }

    RestResponse lists(RestRequest request) {
        List<String> ids = request.listParam("id");
        List<String> names = request.listParam("name");
        List<String> programNames = request.listParam("programName");
        List<StaticList> matching = new ArrayList<>();
        for (StaticList list : store.lists()) {
            if ((ids.isEmpty() || ids.contains(Integer.toString(list.id())))
                && (names.isEmpty() || names.contains(list.name()))
                && (programNames.isEmpty() || programNames.contains("Static Lists"))) {
                matching.add(list);
            }
        }
        Paging.Page<StaticList> page = Paging.page(matching, StaticList::id, request);
        ArrayNode result = Json.array();
        page.items().forEach(list -> result.add(toJson(list)));
        return RestResponse.envelope(Envelope.page(result, page.nextPageToken()));
    }

    RestResponse listById(RestRequest request) {
        StaticList list = list(request.pathInt("listId"));
        return RestResponse.envelope(Envelope.success(Json.array().add(toJson(list))));
    }

    RestResponse leadsOfList(RestRequest request) {
        StaticList list = list(request.pathInt("listId"));
        List<LeadField> fields = mapper.select(request.listParam("fields"));
        List<EmulatorLead> members = new ArrayList<>();
        list.memberIds().stream().sorted().forEach(id -> store.findById(id).ifPresent(members::add));
        Paging.Page<EmulatorLead> page = Paging.page(members, EmulatorLead::getId, request);
        ArrayNode result = Json.array();
        page.items().forEach(lead -> result.add(mapper.toJson(lead, fields)));
        return RestResponse.envelope(Envelope.page(result, page.nextPageToken()));
    }

    RestResponse listMembership(RestRequest request) {
        int leadId = request.pathInt("leadId");
        if (store.findById(leadId).isEmpty()) {
            throw RestApiException.of(RestErrors.LEAD_NOT_FOUND);
        }
        Paging.Page<StaticList> page = Paging.page(store.listsOf(leadId), StaticList::id, request);
        ArrayNode result = Json.array();
        for (StaticList list : page.items()) {
            ObjectNode node = toJson(list);
            node.put("listId", list.id());
            result.add(node);
        }
        return RestResponse.envelope(Envelope.page(result, page.nextPageToken()));
    }

    RestResponse addMembers(RestRequest request) {
        StaticList list = list(request.pathInt("listId"));
        List<Integer> ids = LeadIds.of(request, "add");
        List<Integer> existing = ids.stream().filter(id -> store.findById(id).isPresent()).toList();
        store.addToList(list.id(), existing);
        return membershipResult(ids, id -> existing.contains(id) ? "added" : null);
    }

    RestResponse removeMembers(RestRequest request) {
        StaticList list = list(request.pathInt("listId"));
        List<Integer> ids = LeadIds.of(request, "remove");
        List<Integer> members = ids.stream().filter(list.memberIds()::contains).toList();
        store.removeFromList(list.id(), members);
        return membershipResult(ids, id -> members.contains(id) ? "removed" : null);
    }

    RestResponse isMember(RestRequest request) {
        StaticList list = list(request.pathInt("listId"));
        return membershipResult(LeadIds.of(request, "check"),
                id -> list.memberIds().contains(id) ? "memberof" : "notmemberof");
    }

    /**
     * One {@code {id, status}} per lead: {@code status(id)} for existing leads (null = skipped, not in list), skipped
     * 1004 for unknown leads.
     */
    private RestResponse membershipResult(List<Integer> ids, IntFunction<String> status) {
        ArrayNode result = Json.array();
        for (int id : ids) {
            if (store.findById(id).isEmpty()) {
                result.add(LeadIds.skipped(id, RestErrors.LEAD_NOT_FOUND, RestErrors.message(RestErrors.LEAD_NOT_FOUND)));
                continue;
            }
            String value = status.apply(id);
            result.add(value != null ? LeadSync.status(id, value)
                    : LeadIds.skipped(id, RestErrors.LEAD_NOT_IN_LIST, RestErrors.message(RestErrors.LEAD_NOT_IN_LIST)));
        }
        return RestResponse.envelope(Envelope.success(result));
    }

    private StaticList list(int id) {
        return store.findList(id).orElseThrow(() -> new RestApiException(RestErrors.OBJECT_NOT_FOUND,
                "Static list " + id + " not found"));
    }

    private ObjectNode toJson(StaticList list) {
        ObjectNode node = Json.object();
        node.put("id", list.id());
        node.put("name", list.name());
        // the emulator's lists have no description: left out, as the document types it string
        node.put("programName", "Static Lists");
        node.put("workspaceName", LeadStore.DEFAULT_PARTITION);
        node.put("createdAt", Json.date(seededAt.get()));
        node.put("updatedAt", Json.date(seededAt.get()));
        return node;
    }
}

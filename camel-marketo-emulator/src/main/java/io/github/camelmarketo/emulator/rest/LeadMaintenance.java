package io.github.camelmarketo.emulator.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.StaticList;

/**
 * Delete ({@code POST /rest/v1/leads/delete.json}, {@code DELETE /rest/v1/leads.json} or POST with
 * {@code _method=DELETE}), merge ({@code leads/{leadId}/merge.json}, at most 25 losers, 1080 above) and associate
 * ({@code leads/{leadId}/associate.json?cookie=}).
 */
final class LeadMaintenance {

    static final int MAX_MERGE_LOSERS = 25;

    private final LeadStore store;
    private final ProgramCatalog catalog;

    LeadMaintenance(LeadStore store, ProgramCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    void register(Router router) {
        router.add("POST", "/rest/v1/leads/delete.json", this::delete)
                .add("DELETE", "/rest/v1/leads.json", this::delete)
                .add("POST", "/rest/v1/leads/{leadId}/merge.json", this::merge)
                .add("POST", "/rest/v1/leads/{leadId}/associate.json", this::associate);
    }

    RestResponse delete(RestRequest request) {
        List<Integer> ids = LeadIds.of(request, "delete");
        ArrayNode result = Json.array();
        for (int id : ids) {
            if (store.delete(id)) {
                catalog.remove(id);
                result.add(LeadSync.status(id, "deleted"));
            } else {
                result.add(LeadIds.skipped(id, RestErrors.LEAD_NOT_FOUND, RestErrors.message(RestErrors.LEAD_NOT_FOUND)));
            }
        }
        return RestResponse.envelope(Envelope.success(result));
    }

    RestResponse merge(RestRequest request) {
        int winnerId = request.pathInt("leadId");
        Set<Integer> losers = new LinkedHashSet<>();
        for (String name : List.of("leadId", "leadIds")) {
            for (String id : request.listParam(name)) {
                losers.add(LeadIds.parse(name, id));
            }
        }
        if (losers.isEmpty()) {
            throw RestApiException.invalid("Missing value for required parameter 'leadId' or 'leadIds'");
        }
        if (losers.size() > MAX_MERGE_LOSERS) {
            throw new RestApiException(RestErrors.TOO_MANY_MERGE_LEADS, "Too many leads to merge: " + losers.size()
                                                                       + " losing leads, at most " + MAX_MERGE_LOSERS);
        }
        if (losers.contains(winnerId)) {
            throw RestApiException.invalid("Lead " + winnerId + " cannot be merged into itself");
        }
        requireLead(winnerId);
        List<EmulatorLead> losingLeads = new ArrayList<>();
        for (int loserId : losers) {
            losingLeads.add(requireLead(loserId));
        }
        for (EmulatorLead loser : losingLeads) {
            store.update(winnerId, winner -> absorb(winner, loser));
            for (StaticList list : store.listsOf(loser.getId())) {
                store.addToList(list.id(), List.of(winnerId));
            }
            catalog.merge(winnerId, loser.getId());
            store.delete(loser.getId());
        }
        return RestResponse.envelope(Envelope.done());
    }

    /** The winner keeps its values; its empty fields take the loser's. */
    private static void absorb(EmulatorLead winner, EmulatorLead loser) {
        if (isBlank(winner.getEmail())) {
            winner.setEmail(loser.getEmail());
        }
        if (isBlank(winner.getForeignSysPersonId())) {
            winner.setForeignSysPersonId(loser.getForeignSysPersonId());
            winner.setForeignSysType(loser.getForeignSysType());
        }
        for (Map.Entry<String, String> attribute : loser.getAttributes().entrySet()) {
            if (isBlank(winner.getAttributes().get(attribute.getKey()))) {
                winner.getAttributes().put(attribute.getKey(), attribute.getValue());
            }
        }
        winner.getCookies().addAll(loser.getCookies());
    }

    RestResponse associate(RestRequest request) {
        int leadId = request.pathInt("leadId");
        String cookie = request.param("cookie");
        if (cookie == null || cookie.isBlank()) {
            throw RestApiException.invalid("Missing value for required parameter 'cookie'");
        }
        requireLead(leadId);
        store.update(leadId, lead -> lead.getCookies().add(cookie));
        return RestResponse.envelope(Envelope.done());
    }

    private EmulatorLead requireLead(int id) {
        return store.findById(id).orElseThrow(() -> new RestApiException(RestErrors.LEAD_NOT_FOUND,
                "Lead " + id + " not found"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

package io.github.camelmarketo.emulator.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.core.LeadStore;

/**
 * Lead reads: {@code GET /rest/v1/leads/describe.json}, {@code describe2.json}, {@code lead/{leadId}.json} and
 * {@code leads.json?filterType=&filterValues=} (at most 300 values, 1,000 matches, 300 per page).
 */
final class LeadsResource {

    static final int MAX_FILTER_VALUES = 300;
    static final int MAX_FILTER_RESULTS = 1000;

    private final LeadStore store;
    private final LeadMapper mapper;

    LeadsResource(LeadStore store, LeadMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    void register(Router router) {
        router.add("GET", "/rest/v1/leads/describe.json", this::describe)
                .add("GET", "/rest/v1/leads/describe2.json", this::describe2)
                .add("GET", "/rest/v1/lead/{leadId}.json", this::byId)
                .add("GET", "/rest/v1/leads.json", this::byFilter);
    }

    RestResponse describe(RestRequest request) {
        ArrayNode result = Json.array();
        int id = 1;
        for (LeadField field : store.fields()) {
            ObjectNode node = result.addObject();
            node.put("id", id++);
            node.put("displayName", LeadField.displayName(field.restName()));
            node.put("dataType", field.dataType());
            if (field.length() != null) {
                node.put("length", field.length());
            }
            node.putObject("rest").put("name", field.restName()).put("readOnly", field.readOnly());
            node.putObject("soap").put("name", field.soapName()).put("readOnly", field.readOnly());
        }
        return RestResponse.envelope(Envelope.success(result));
    }

    RestResponse describe2(RestRequest request) {
        ObjectNode lead = Json.object();
        lead.put("name", "API Lead");
        ArrayNode searchable = lead.putArray("searchableFields");
        ArrayNode fields = lead.putArray("fields");
        for (LeadField field : store.fields()) {
            if (isSearchable(field)) {
                searchable.addArray().add(field.restName());
            }
            ObjectNode node = fields.addObject();
            node.put("name", field.restName());
            node.put("displayName", LeadField.displayName(field.restName()));
            node.put("dataType", field.dataType());
            if (field.length() != null) {
                node.put("length", field.length());
            }
            node.put("updateable", !field.readOnly());
            node.put("crmManaged", false);
        }
        return RestResponse.envelope(Envelope.success(Json.array().add(lead)));
    }

    RestResponse byId(RestRequest request) {
        int id = request.pathInt("leadId");
        List<LeadField> fields = mapper.select(request.listParam("fields"));
        ArrayNode result = Json.array();
        store.findById(id).ifPresent(lead -> result.add(mapper.toJson(lead, fields)));
        return RestResponse.envelope(Envelope.success(result));
    }

    RestResponse byFilter(RestRequest request) {
        String filterType = request.param("filterType");
        if (filterType == null || filterType.isBlank()) {
            throw RestApiException.invalid("Missing value for required parameter 'filterType'");
        }
        List<String> values = request.listParam("filterValues");
        if (values.isEmpty()) {
            throw RestApiException.invalid("Missing value for required parameter 'filterValues'");
        }
        if (values.size() > MAX_FILTER_VALUES) {
            throw RestApiException.invalid("Too many filterValues: " + values.size() + ", at most "
                                           + MAX_FILTER_VALUES + " per call");
        }
        List<LeadField> fields = mapper.select(request.listParam("fields"));
        List<EmulatorLead> matches = find(filterType, values);
        if (matches.size() > MAX_FILTER_RESULTS) {
            throw RestApiException.invalid("Too many results match the filter");
        }
        Paging.Page<EmulatorLead> page = Paging.page(matches, EmulatorLead::getId, request);
        ArrayNode result = Json.array();
        page.items().forEach(lead -> result.add(mapper.toJson(lead, fields)));
        return RestResponse.envelope(Envelope.page(result, page.nextPageToken()));
    }

    /** Leads matching any of {@code values} on {@code filterType}, ordered by id, without duplicates. */
    List<EmulatorLead> find(String filterType, List<String> values) {
        Map<Integer, EmulatorLead> found = new TreeMap<>();
        String type = filterType.toLowerCase(Locale.ROOT);
        if ("cookie".equals(type) || "cookies".equals(type)) {
            values.forEach(v -> store.findByCookie(v).forEach(l -> found.put(l.getId(), l)));
            return new ArrayList<>(found.values());
        }
        LeadField field = mapper.field(filterType);
        if (!isSearchable(field)) {
            throw new RestApiException(RestErrors.UNSUPPORTED_FILTER,
                    "Unsupported filter type for target subscription: " + field.restName());
        }
        for (String value : values) {
            for (EmulatorLead lead : LeadLookup.find(store, field, value)) {
                found.put(lead.getId(), lead);
            }
        }
        return new ArrayList<>(found.values());
    }

    private static boolean isSearchable(LeadField field) {
        return !"datetime".equals(field.dataType());
    }
}

package io.github.camelmarketo.emulator.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.core.LeadStore;

/**
 * {@code POST /rest/v1/leads.json}: createOrUpdate | createOnly | updateOnly | createDuplicate by {@code lookupField}
 * (default email), at most 300 records, one result per record in input order: {@code created}, {@code updated} or
 * {@code skipped} with {@code reasons} (1004 not found, 1005 exists, 1006 unknown field, 1007 several match, 1003 bad
 * value). Upserts are serialized, so concurrent calls with the same key do not create duplicates.
 */
final class LeadSync {

    static final int MAX_BATCH = 300;

    /** The {@code action} values. */
    enum Action {
        createOrUpdate,
        createOnly,
        updateOnly,
        createDuplicate
    }

    private static final Set<String> NOT_WRITTEN = Set.of("id", "mkttoken");

    private final Object upsertLock = new Object();
    private final LeadStore store;
    private final LeadMapper mapper;
    private final LeadWriter writer;

    LeadSync(LeadStore store, LeadMapper mapper) {
        this.store = store;
        this.mapper = mapper;
        this.writer = new LeadWriter(mapper);
    }

    void register(Router router) {
        router.add("POST", "/rest/v1/leads.json", this::sync);
    }

    RestResponse sync(RestRequest request) {
        JsonNode body = request.json();
        Action action = action(body.path("action"));
        LeadField lookup = lookupField(body.path("lookupField"));
        if ("id".equals(lookup.restName()) && action != Action.updateOnly) {
            throw RestApiException.invalid("lookupField 'id' is allowed only with action updateOnly, not " + action);
        }
        String partition = LeadWriter.text(body.get("partitionName"));
        ArrayNode result = Json.array();
        for (JsonNode record : input(body)) {
            result.add(upsert(record, action, lookup, partition));
        }
        return RestResponse.envelope(Envelope.success(result));
    }

    /** The {@code input} array: present, not empty, at most 300 records (1003 otherwise). */
    static List<JsonNode> input(JsonNode body) {
        JsonNode input = body.get("input");
        if (input == null || !input.isArray() || input.isEmpty()) {
            throw RestApiException.invalid("Missing value for required parameter 'input' (a non-empty array)");
        }
        if (input.size() > MAX_BATCH) {
            throw RestApiException.invalid("Too many records in 'input': " + input.size() + ", at most " + MAX_BATCH);
        }
        List<JsonNode> records = new ArrayList<>(input.size());
        input.forEach(records::add);
        return records;
    }

    LeadField lookupField(JsonNode value) {
        String name = LeadWriter.text(value);
        return mapper.field(name == null || name.isBlank() ? "email" : name);
    }

    /** Syncs one record; a rejected record answers {@code skipped} with its reason. */
    ObjectNode upsert(JsonNode record, Action action, LeadField lookup, String partition) {
        try {
            synchronized (upsertLock) {
                return write(record, action, lookup, partition);
            }
        } catch (RestApiException e) {
            ObjectNode skipped = Json.object();
            skipped.put("status", "skipped");
            skipped.putArray("reasons").add(Envelope.reason(e.code(), e.getMessage()));
            return skipped;
        }
    }

    private ObjectNode write(JsonNode record, Action action, LeadField lookup, String partition) {
        Map<LeadField, String> values = writer.values(record, NOT_WRITTEN);
        if (record.has("id") && action != Action.updateOnly) {
            throw RestApiException.invalid("Field 'id' is allowed only with action updateOnly");
        }
        if (action == Action.createDuplicate) {
            return created(create(values, partition));
        }
        String key = lookupValue(record, lookup);
        List<EmulatorLead> matches = LeadLookup.find(store, lookup, key).stream()
                .filter(l -> partition == null || partition.equalsIgnoreCase(l.getPartition())).toList();
        if (matches.size() > 1) {
            throw new RestApiException(RestErrors.MULTIPLE_LEADS_MATCH, "Multiple lead match lookup criteria: "
                                                                      + matches.size() + " leads have " + lookup.restName() + " '" + key + "'");
        }
        if (matches.isEmpty()) {
            if (action == Action.updateOnly) {
                throw RestApiException.of(RestErrors.LEAD_NOT_FOUND);
            }
            return created(create(values, partition));
        }
        if (action == Action.createOnly) {
            throw RestApiException.of(RestErrors.LEAD_EXISTS);
        }
        EmulatorLead updated = store.update(matches.get(0).getId(), lead -> LeadWriter.apply(lead, values))
                .orElseThrow(() -> RestApiException.of(RestErrors.LEAD_NOT_FOUND));
        return status(updated.getId(), "updated");
    }

    private EmulatorLead create(Map<LeadField, String> values, String partition) {
        return store.create(lead -> {
            if (partition != null) {
                lead.setPartition(partition);
            }
            LeadWriter.apply(lead, values);
        });
    }

    private static String lookupValue(JsonNode record, LeadField lookup) {
        Iterator<Map.Entry<String, JsonNode>> it = record.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equalsIgnoreCase(lookup.restName())
                || entry.getKey().equalsIgnoreCase(lookup.soapName())) {
                String value = LeadWriter.text(entry.getValue());
                if (value != null && !value.isBlank()) {
                    return value;
                }
            }
        }
        throw RestApiException.invalid("Value for lookup field '" + lookup.restName() + "' not specified");
    }

    private static ObjectNode created(EmulatorLead lead) {
        return status(lead.getId(), "created");
    }

    static ObjectNode status(int id, String status) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("status", status);
        return node;
    }

    private static Action action(JsonNode value) {
        String name = LeadWriter.text(value);
        if (name == null || name.isBlank()) {
            return Action.createOrUpdate;
        }
        try {
            return Action.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw RestApiException.invalid("Invalid action '" + name + "', expected one of "
                                           + Arrays.toString(Action.values()));
        }
    }
}

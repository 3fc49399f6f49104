package io.github.camelmarketo.emulator.rest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lead ids of a delete or list-membership call: {@code input[{id}]} in a JSON body, or the {@code id} parameter. */
final class LeadIds {

    private LeadIds() {
    }

    /** The ids, at least one and at most 300 (1003 otherwise); {@code purpose} names the call in messages. */
    static List<Integer> of(RestRequest request, String purpose) {
        List<Integer> ids = new ArrayList<>();
        if (request.hasBody()) {
            for (JsonNode record : LeadSync.input(request.json())) {
                JsonNode id = record.get("id");
                if (id == null || !id.canConvertToInt() && !isInt(id.asText())) {
                    throw RestApiException.invalid("Each input record needs an integer 'id', got " + record);
                }
                ids.add(id.isNumber() ? id.asInt() : Integer.parseInt(id.asText().trim()));
            }
        } else {
            for (String id : request.listParam("id")) {
                ids.add(parse("id", id));
            }
        }
        if (ids.isEmpty()) {
            throw RestApiException.invalid("Missing lead ids to " + purpose + ": send input[{id}] or the 'id' parameter");
        }
        if (ids.size() > LeadSync.MAX_BATCH) {
            throw RestApiException.invalid("Too many leads to " + purpose + ": " + ids.size() + ", at most "
                                           + LeadSync.MAX_BATCH);
        }
        return ids;
    }

    /** A lead id parameter value; 1003 naming {@code name} when it is not an integer. */
    static int parse(String name, String value) {
        if (!isInt(value)) {
            throw RestApiException.invalid("Invalid value for '" + name + "': '" + value + "', expected lead ids");
        }
        return Integer.parseInt(value.trim());
    }

    /** A per-record {@code {id, status:"skipped", reasons:[{code, message}]}}. */
    static ObjectNode skipped(int id, String code, String message) {
        ObjectNode skipped = LeadSync.status(id, "skipped");
        skipped.putArray("reasons").add(Envelope.reason(code, message));
        return skipped;
    }

    private static boolean isInt(String value) {
        try {
            Integer.parseInt(value.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

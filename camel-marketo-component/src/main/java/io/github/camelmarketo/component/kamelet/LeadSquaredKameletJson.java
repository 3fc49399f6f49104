package io.github.camelmarketo.component.kamelet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmarketo.component.leadsquared.LeadSquaredLead;

/**
 * LeadSquared ids and leads as JSON, for {@code leadsquared-lead-action}: ids come in as a JSON array of ProspectIds
 * (or comma-separated text, which passes unchanged), leads go out as a JSON array of their field maps (each with
 * {@code ProspectId}), in the order of the ids.
 */
public final class LeadSquaredKameletJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LeadSquaredKameletJson() {
    }

    /**
     * The ids of the body for {@code leadsquared:getLeadsByIds}: the strings of a JSON array, else the text itself
     * (one id or comma-separated ids).
     */
    public static Object ids(String body) {
        String text = body == null ? "" : body.trim();
        if (!text.startsWith("[")) {
            return text.startsWith("\"") && text.endsWith("\"") && text.length() > 1 ? text.substring(1, text.length() - 1) : text;
        }
        try {
            return MAPPER.readValue(text, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read lead ids from the body: expected a JSON array of ProspectIds such as "
                                               + "[\"0acb9356-bcd1-4128-b63a-97f52cb8cc3c\"] (" + e.getOriginalMessage() + ")",
                    e);
        }
    }

    /** The leads as a JSON array of field maps. */
    public static String leadsToJson(List<LeadSquaredLead> leads) {
        List<Map<String, String>> records = new ArrayList<>(leads.size());
        leads.forEach(lead -> records.add(lead.getFields()));
        try {
            return MAPPER.writeValueAsString(records);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}

package io.github.camelmarketo.component.kamelet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmarketo.component.marketo.MarketoTypeConverters;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.Reason;
import io.github.camelmarketo.component.marketo.model.SyncResult;

/**
 * Marketo leads as flat JSON objects, the REST API's own record shape: {@code {"id":42,"email":"a@example.com",
 * "firstName":"Ada"}}. {@code marketo-lead-source} emits one such object per lead; {@code marketo-lead-sink} reads a
 * JSON array of them or a single one and answers with the sync results.
 */
public final class MarketoKameletJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MarketoKameletJson() {
    }

    /**
     * One lead as a flat JSON object: {@code id}, {@code email}, {@code foreignSysPersonId} and {@code foreignSysType}
     * when set, then every attribute under its own name.
     */
    public static String toJson(Lead lead) {
        Map<String, Object> record = new LinkedHashMap<>();
        putIfSet(record, "id", lead.getId());
        putIfSet(record, "email", lead.getEmail());
        putIfSet(record, "foreignSysPersonId", lead.getForeignSysPersonId());
        putIfSet(record, "foreignSysType", lead.getForeignSysType());
        lead.getAttributes().forEach(record::putIfAbsent);
        return write(record);
    }

    /**
     * The leads of a JSON array of lead objects, or of one JSON object, for {@code syncMultipleLeads} with the given
     * REST {@code action}. A record's {@code id} is kept only for {@code updateOnly}: Marketo accepts an id with no
     * other action, where the lookup field identifies the lead, so a lead read from one instance can be written to
     * another.
     */
    public static List<Lead> fromJson(String json, String action) {
        String text = json == null ? "" : json.trim();
        List<Lead> leads = text.startsWith("[") ? MarketoTypeConverters.toLeads(text)
                : new ArrayList<>(List.of(MarketoTypeConverters.toLead(text)));
        if (!"updateOnly".equals(action)) {
            leads.forEach(lead -> lead.setId(null));
        }
        return leads;
    }

    /**
     * The sync results as a JSON array, in input order: {@code [{"index":0,"id":42,"status":"created"},
     * {"index":1,"status":"skipped","reasons":[{"code":"1004","message":"Lead not found"}]}]}.
     */
    public static String resultsToJson(List<SyncResult> results) {
        List<Map<String, Object>> records = new ArrayList<>(results.size());
        for (SyncResult result : results) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("index", result.index());
            putIfSet(record, "id", result.leadId());
            record.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
            if (!result.reasons().isEmpty()) {
                List<Map<String, Object>> reasons = new ArrayList<>();
                for (Reason reason : result.reasons()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    putIfSet(r, "code", reason.code());
                    r.put("message", reason.message());
                    reasons.add(r);
                }
                record.put("reasons", reasons);
            }
            records.add(record);
        }
        return write(records);
    }

    private static void putIfSet(Map<String, Object> record, String name, Object value) {
        if (value != null) {
            record.put(name, value);
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}

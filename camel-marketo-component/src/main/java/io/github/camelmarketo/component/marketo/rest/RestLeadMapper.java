package io.github.camelmarketo.component.marketo.rest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadField;
import io.github.camelmarketo.component.marketo.model.LeadSchema;
import io.github.camelmarketo.component.marketo.model.Reason;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;

/**
 * Maps REST JSON to the shared model and back. REST field names are lowerCamel ({@code firstName}); a lead built
 * with SOAP names ({@code FirstName}) is sent with the first letter lowered, so one {@link Lead} works on both APIs.
 */
final class RestLeadMapper {

    private final ObjectMapper mapper;

    RestLeadMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A REST lead record ({@code {"id":1,"email":"..","firstName":".."}}) as a {@link Lead}. */
    Lead toLead(JsonNode record) {
        Lead lead = new Lead();
        Iterator<Map.Entry<String, JsonNode>> fields = record.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            apply(lead, field.getKey(), value.isContainerNode() ? value.toString() : textOf(value));
        }
        return lead;
    }

    /** A bulk export CSV row as a {@link Lead}; empty cells are null. */
    Lead toLead(List<String> header, List<String> row) {
        Lead lead = new Lead();
        for (int i = 0; i < header.size() && i < row.size(); i++) {
            String value = row.get(i);
            apply(lead, header.get(i), value == null || value.isEmpty() || "null".equals(value) ? null : value);
        }
        return lead;
    }

    private static void apply(Lead lead, String name, String value) {
        switch (name) {
            case "id" -> lead.setId(value == null ? null : Long.valueOf(value));
            case "email" -> lead.setEmail(value);
            case "foreignSysPersonId" -> lead.setForeignSysPersonId(value);
            case "foreignSysType" -> lead.setForeignSysType(value);
            default -> lead.set(name, value);
        }
    }

    List<Lead> toLeads(List<JsonNode> records) {
        List<Lead> leads = new ArrayList<>(records.size());
        records.forEach(r -> leads.add(toLead(r)));
        return leads;
    }

    /** A {@link Lead} as a REST input record; SOAP-style names get a lowercase first letter. */
    ObjectNode toJson(Lead lead) {
        ObjectNode node = mapper.createObjectNode();
        if (lead.getId() != null) {
            node.put("id", lead.getId());
        }
        if (lead.getEmail() != null) {
            node.put("email", lead.getEmail());
        }
        if (lead.getForeignSysPersonId() != null) {
            node.put("foreignSysPersonId", lead.getForeignSysPersonId());
        }
        if (lead.getForeignSysType() != null) {
            node.put("foreignSysType", lead.getForeignSysType());
        }
        lead.getAttributes().forEach((name, value) ->
                node.putIfAbsent(restName(name), value == null ? node.nullNode() : node.textNode(value)));
        return node;
    }

    ArrayNode toJson(List<Lead> leads) {
        ArrayNode input = mapper.createArrayNode();
        leads.forEach(lead -> input.add(toJson(lead)));
        return input;
    }

    /**
     * Per-record results ({@code {id, status, reasons[]}}) as {@link SyncResult}s in input order. Records carrying
     * {@code seq} are placed by it; {@code indexOffset} is added so chunked calls keep the caller's positions.
     */
    List<SyncResult> toSyncResults(List<JsonNode> records, int inputSize, int indexOffset) {
        SyncResult[] results = new SyncResult[inputSize];
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            int position = record.hasNonNull("seq") ? record.get("seq").asInt() : i;
            if (position < 0 || position >= inputSize) {
                continue;
            }
            Long id = record.hasNonNull("id") ? record.get("id").asLong() : null;
            results[position] = new SyncResult(indexOffset + position, id, status(record), reasons(record), null);
        }
        List<SyncResult> ordered = new ArrayList<>(inputSize);
        for (int i = 0; i < inputSize; i++) {
            ordered.add(results[i] != null ? results[i]
                    : new SyncResult(indexOffset + i, null, SyncStatus.FAILED,
                            List.of(new Reason(null, "Marketo returned no result for this record")), null));
        }
        return ordered;
    }

    private static SyncStatus status(JsonNode record) {
        String status = RestEnvelope.text(record, "status");
        if (status == null) {
            return SyncStatus.FAILED;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "created" -> SyncStatus.CREATED;
            case "updated" -> SyncStatus.UPDATED;
            case "added" -> SyncStatus.ADDED;
            case "removed" -> SyncStatus.REMOVED;
            case "memberof" -> SyncStatus.MEMBER;
            case "notmemberof" -> SyncStatus.NOT_MEMBER;
            case "deleted" -> SyncStatus.DELETED;
            case "skipped" -> SyncStatus.SKIPPED;
            default -> SyncStatus.FAILED;
        };
    }

    private static List<Reason> reasons(JsonNode record) {
        List<Reason> reasons = new ArrayList<>();
        record.path("reasons").forEach(r -> reasons.add(new Reason(RestEnvelope.text(r, "code"), RestEnvelope.text(r, "message"))));
        JsonNode single = record.get("reason");
        if (single != null && single.isObject()) {
            reasons.add(new Reason(RestEnvelope.text(single, "code"), RestEnvelope.text(single, "message")));
        }
        return reasons;
    }

    /** A describe.json field ({@code {id, displayName, dataType, length, rest{name,readOnly}, soap{name,readOnly}}}). */
    LeadField toLeadField(JsonNode field) {
        JsonNode rest = field.path("rest");
        JsonNode soap = field.path("soap");
        String name = rest.hasNonNull("name") ? rest.get("name").asText() : RestEnvelope.text(field, "name");
        Integer length = field.hasNonNull("length") ? field.get("length").asInt() : null;
        boolean readOnly = rest.path("readOnly").asBoolean(false);
        return new LeadField(name, soap.hasNonNull("name") ? soap.get("name").asText() : null,
                RestEnvelope.text(field, "dataType"), length, readOnly);
    }

    /** A describe2.json result ({@code {name, searchableFields[[..]], fields[{name, displayName, dataType, ..}]}}). */
    LeadSchema toLeadSchema(JsonNode node) {
        List<List<String>> searchable = new ArrayList<>();
        node.path("searchableFields").forEach(key -> {
            List<String> names = new ArrayList<>();
            if (key.isArray()) {
                key.forEach(name -> names.add(name.asText()));
            } else {
                names.add(key.asText());
            }
            searchable.add(names);
        });
        List<LeadSchema.Field> fields = new ArrayList<>();
        node.path("fields").forEach(f -> fields.add(new LeadSchema.Field(RestEnvelope.text(f, "name"),
                RestEnvelope.text(f, "displayName"), RestEnvelope.text(f, "dataType"),
                f.hasNonNull("length") ? f.get("length").asInt() : null, f.path("updateable").asBoolean(false),
                f.path("crmManaged").asBoolean(false))));
        return new LeadSchema(RestEnvelope.text(node, "name"), searchable, fields);
    }

    /** A REST object (list, program, campaign) as a plain map of JSON values. */
    @SuppressWarnings("unchecked")
    Map<String, Object> toMap(JsonNode node) {
        return mapper.convertValue(node, Map.class);
    }

    /** REST names of {@code fields}, {@code id} first, without duplicates. */
    static List<String> restNamesWithId(List<String> fields) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add("id");
        fields.forEach(f -> names.add(restName(f)));
        return new ArrayList<>(names);
    }

    /** REST names of {@code fields}, in order, without duplicates. */
    static List<String> restNames(List<String> fields) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        fields.forEach(f -> names.add(restName(f)));
        return new ArrayList<>(names);
    }

    /** The REST name of a field given by its SOAP or REST name ({@code FirstName} -> {@code firstName}). */
    static String restName(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        // an acronym prefix ("SFDCType") stays as it is
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String textOf(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}

package io.github.camelmarketo.emulator.rest;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadField;

/**
 * Turns one input record of a sync/push into validated field values and writes them onto a lead. A bad field or
 * value rejects the record (a per-record reason), never the whole call.
 */
final class LeadWriter {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final LeadMapper mapper;

    LeadWriter(LeadMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The record's fields and values (null = clear the field). Unknown fields give 1006, read-only fields and bad
     * values 1003; names in {@code ignored} (lower case) are skipped, such as {@code id} and {@code mktToken}.
     */
    Map<LeadField, String> values(JsonNode record, Set<String> ignored) {
        if (record == null || !record.isObject()) {
            throw RestApiException.invalid("Input record must be a JSON object");
        }
        Map<LeadField, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = record.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (ignored.contains(entry.getKey().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            LeadField field = mapper.field(entry.getKey());
            if (field.readOnly()) {
                throw RestApiException.invalid("Field '" + field.restName() + "' is read-only");
            }
            String value = text(entry.getValue());
            validate(field, value);
            values.put(field, value);
        }
        return values;
    }

    /** Writes {@code values} onto {@code lead} (called inside a store write). */
    static void apply(EmulatorLead lead, Map<LeadField, String> values) {
        values.forEach((field, value) -> {
            switch (field.restName()) {
                case "email":
                    lead.setEmail(value);
                    break;
                case "foreignSysPersonId":
                    lead.setForeignSysPersonId(value);
                    break;
                case "foreignSysType":
                    lead.setForeignSysType(value);
                    break;
                default:
                    if (value == null) {
                        lead.getAttributes().remove(field.soapName());
                    } else {
                        lead.getAttributes().put(field.soapName(), value);
                    }
            }
        });
    }

    /** Text of a JSON scalar; null for JSON null; 1003 for objects and arrays. */
    static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw RestApiException.invalid("Invalid value " + value + ": expected a string, number or boolean");
        }
        return value.asText();
    }

    private static void validate(LeadField field, String value) {
        if (value == null) {
            return;
        }
        String name = field.restName();
        if ("email".equals(field.dataType()) && !value.isEmpty() && !EMAIL.matcher(value).matches()) {
            throw RestApiException.invalid("Invalid value for field '" + name + "': '" + value
                                           + "' is not an email address");
        }
        if ("integer".equals(field.dataType()) && !value.isEmpty()) {
            try {
                Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw RestApiException.invalid("Invalid value for field '" + name + "': '" + value
                                               + "' is not an integer");
            }
        }
        if (field.length() != null && value.length() > field.length()) {
            throw RestApiException.invalid("Value for field '" + name + "' exceeds its maximum length of "
                                           + field.length());
        }
    }
}

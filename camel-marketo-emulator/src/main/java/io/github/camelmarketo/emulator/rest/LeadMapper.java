package io.github.camelmarketo.emulator.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.core.LeadStore;

/**
 * Lead records as REST shows them: field selection ({@code fields=...}, 1006 for unknown names), REST field names
 * from the schema ({@code firstName}), integers as numbers, dates as {@code 2026-01-01T00:00:00Z}.
 */
final class LeadMapper {

    /** Fields returned when a read names none. */
    static final List<String> DEFAULT_FIELDS = List.of("id", "email", "updatedAt", "createdAt", "firstName", "lastName");

    private final LeadStore store;

    LeadMapper(LeadStore store) {
        this.store = store;
    }

    /** The schema field named {@code name} (REST or SOAP name, any case), or 1006. */
    LeadField field(String name) {
        return store.field(name).orElseThrow(() -> new RestApiException(RestErrors.FIELD_NOT_FOUND,
                "Field '" + name + "' not found"));
    }

    /** Fields of a {@code fields} parameter, or the defaults when it is empty; {@code id} is always included. */
    List<LeadField> select(List<String> requested) {
        List<String> names = new ArrayList<>();
        names.add("id");
        names.addAll(requested.isEmpty() ? DEFAULT_FIELDS : requested);
        return resolve(names);
    }

    /** The schema fields named {@code names}, in order, without repeats; 1006 for an unknown name. */
    List<LeadField> resolve(List<String> names) {
        List<LeadField> fields = new ArrayList<>();
        for (String name : names) {
            LeadField field = field(name);
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        return fields;
    }

    ObjectNode toJson(EmulatorLead lead, List<LeadField> fields) {
        ObjectNode node = Json.object();
        for (LeadField field : fields) {
            put(node, field, lead);
        }
        return node;
    }

    /** The value of one field as CSV/JSON text, dates formatted the vendor's way; null when unset. */
    static String text(EmulatorLead lead, LeadField field) {
        if ("createdAt".equals(field.restName())) {
            return Json.date(lead.getCreatedAt());
        }
        if ("updatedAt".equals(field.restName())) {
            return Json.date(lead.getUpdatedAt());
        }
        String value = LeadStore.valueOf(lead, field.restName());
        if (value != null && "datetime".equals(field.dataType())) {
            try {
                return Json.date(Instant.parse(value));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    private static void put(ObjectNode node, LeadField field, EmulatorLead lead) {
        String name = field.restName();
        String value = text(lead, field);
        if (value == null) {
            node.putNull(name);
        } else if ("integer".equals(field.dataType().toLowerCase(Locale.ROOT)) && isLong(value)) {
            node.put(name, Long.parseLong(value));
        } else {
            node.put(name, value);
        }
    }

    private static boolean isLong(String value) {
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

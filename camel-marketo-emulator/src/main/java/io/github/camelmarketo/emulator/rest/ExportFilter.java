package io.github.camelmarketo.emulator.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.core.EmulatorLead;
import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.core.StaticList;

/**
 * The {@code filter} of a lead extract: {@code updatedAt} and/or {@code createdAt} ranges (each at most 31 days),
 * {@code staticListId} or {@code staticListName}; several filters combine (AND). Smart lists are not emulated (1035).
 *
 * @param updatedFrom  updatedAt start (inclusive) or null
 * @param updatedTo    updatedAt end (inclusive) or null
 * @param createdFrom  createdAt start or null
 * @param createdTo    createdAt end or null
 * @param staticListId static list id or null
 */
record ExportFilter(Instant updatedFrom, Instant updatedTo, Instant createdFrom, Instant createdTo,
                    Integer staticListId) {

    /** Longest date range of one extract. */
    static final Duration MAX_RANGE = Duration.ofDays(31);

    /** Parses and validates {@code filter} (1003 / 1035 on bad input). */
    static ExportFilter parse(JsonNode filter, LeadStore store) {
        if (filter == null || !filter.isObject() || filter.isEmpty()) {
            throw RestApiException.invalid("Missing value for required parameter 'filter'");
        }
        Instant[] updated = null;
        Instant[] created = null;
        Integer listId = null;
        Iterator<Map.Entry<String, JsonNode>> it = filter.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            switch (entry.getKey()) {
                case "updatedAt":
                    updated = range("updatedAt", entry.getValue());
                    break;
                case "createdAt":
                    created = range("createdAt", entry.getValue());
                    break;
                case "staticListId":
                    listId = list(store, entry.getValue());
                    break;
                case "staticListName":
                    String name = entry.getValue().asText();
                    listId = store.findListByName(name).map(StaticList::id).orElseThrow(
                            () -> RestApiException.invalid("Static list '" + name + "' not found"));
                    break;
                case "smartListId":
                case "smartListName":
                    throw new RestApiException(RestErrors.UNSUPPORTED_FILTER,
                            "Unsupported filter type for target subscription: " + entry.getKey());
                default:
                    throw RestApiException.invalid("Invalid filter '" + entry.getKey()
                                                   + "', expected updatedAt, createdAt, staticListId or staticListName");
            }
        }
        return new ExportFilter(updated == null ? null : updated[0], updated == null ? null : updated[1],
                created == null ? null : created[0], created == null ? null : created[1], listId);
    }

    private static Instant[] range(String name, JsonNode range) {
        String start = range.path("startAt").asText(null);
        String end = range.path("endAt").asText(null);
        if (start == null || end == null) {
            throw RestApiException.invalid("Filter '" + name + "' needs startAt and endAt");
        }
        Instant from = Json.parseDate(name + ".startAt", start);
        Instant to = Json.parseDate(name + ".endAt", end);
        if (to.isBefore(from)) {
            throw RestApiException.invalid("Filter '" + name + "': endAt is before startAt");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw RestApiException.invalid("Filter '" + name + "': date range exceeds 31 days");
        }
        return new Instant[] { from, to };
    }

    private static Integer list(LeadStore store, JsonNode value) {
        if (!value.canConvertToInt()) {
            throw RestApiException.invalid("Invalid value for 'staticListId': " + value);
        }
        int id = value.asInt();
        store.findList(id).orElseThrow(() -> RestApiException.invalid("Static list " + id + " not found"));
        return id;
    }

    /** The leads this filter selects now, ordered by id. */
    List<EmulatorLead> select(LeadStore store) {
        List<EmulatorLead> candidates = new ArrayList<>();
        if (staticListId != null) {
            store.findList(staticListId).ifPresent(list -> list.memberIds().stream().sorted()
                    .forEach(id -> store.findById(id).ifPresent(candidates::add)));
        } else {
            candidates.addAll(store.changesAfter(0, updatedFrom, updatedTo, Integer.MAX_VALUE));
            candidates.sort((a, b) -> Integer.compare(a.getId(), b.getId()));
        }
        return candidates.stream()
                .filter(l -> within(l.getUpdatedAt(), updatedFrom, updatedTo))
                .filter(l -> within(l.getCreatedAt(), createdFrom, createdTo))
                .toList();
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return (from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to));
    }
}

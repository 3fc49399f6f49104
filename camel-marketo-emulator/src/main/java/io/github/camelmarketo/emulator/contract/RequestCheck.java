package io.github.camelmarketo.emulator.contract;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The request half of the contract: parameters and body of one recorded call against its operation. */
final class RequestCheck {

    private RequestCheck() {
    }

    static List<String> check(OpenApiOperations.Operation operation, RecordedExchange exchange, ObjectMapper mapper,
                              ResponseSchemas schemas) {
        List<String> problems = new ArrayList<>();
        Set<String> documented = new HashSet<>(OpenApiContract.UNDOCUMENTED_PARAMETERS);
        for (String location : List.of("query", "formData")) {
            for (JsonNode parameter : operation.in(location)) {
                String name = parameter.path("name").asText();
                documented.add(name);
                List<String> values = exchange.params().get(name);
                boolean present = values != null && values.stream().anyMatch(v -> !v.isBlank())
                                  || "formData".equals(location) && hasMultipartPart(exchange, name);
                if (!present && parameter.path("required").asBoolean()) {
                    problems.add("required " + location + " parameter '" + name + "' missing");
                }
                if (present) {
                    checkValues(parameter, name, values, problems);
                }
            }
        }
        for (String name : exchange.params().keySet()) {
            if (!documented.contains(name)) {
                problems.add("undocumented parameter '" + name + "' (" + operation.label() + " documents "
                             + documented.stream().filter(n -> !OpenApiContract.UNDOCUMENTED_PARAMETERS.contains(n))
                                     .sorted().toList() + ")");
            }
        }
        for (JsonNode body : operation.in("body")) {
            checkBody(body, operation, exchange, mapper, schemas, problems);
        }
        return problems;
    }

    /** Whether a {@code multipart/form-data} request carries a part named {@code name} (a file upload). */
    private static boolean hasMultipartPart(RecordedExchange exchange, String name) {
        String contentType = exchange.requestContentType();
        String body = exchange.requestBody();
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
               && body != null && body.contains("name=\"" + name + "\"");
    }

    /**
     * Each value (of a comma-separated or repeated list) must fit the parameter's type: integers, booleans
     * ({@code true}/{@code false}), {@code date-time} strings (ISO-8601 with offset) and {@code enum} members.
     */
    private static void checkValues(JsonNode parameter, String name, List<String> values, List<String> problems) {
        if (values == null) {
            return; // a multipart file part: no text value to check
        }
        JsonNode item = "array".equals(parameter.path("type").asText()) ? parameter.path("items") : parameter;
        String type = item.path("type").asText();
        Set<String> allowed = new HashSet<>();
        item.path("enum").forEach(v -> allowed.add(v.asText()));
        parameter.path("enum").forEach(v -> allowed.add(v.asText()));
        for (String value : values) {
            for (String part : value.split(",")) {
                String v = part.trim();
                String problem = switch (type) {
                    case "integer" -> isLong(v) ? null : "must be an integer";
                    case "boolean" -> v.equals("true") || v.equals("false") ? null : "must be true or false";
                    default -> "date-time".equals(item.path("format").asText()) && !isDateTime(v)
                            ? "must be an ISO-8601 date-time with offset" : null;
                };
                if (problem == null && !allowed.isEmpty() && !allowed.contains(v)) {
                    problem = "must be one of " + allowed.stream().sorted().toList();
                }
                if (problem != null) {
                    problems.add("parameter '" + name + "' " + problem + ", was '" + part + "'");
                }
            }
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

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void checkBody(JsonNode parameter, OpenApiOperations.Operation operation,
                                  RecordedExchange exchange, ObjectMapper mapper, ResponseSchemas schemas,
                                  List<String> problems) {
        String text = exchange.requestBody();
        if (text == null || text.isBlank()) {
            if (parameter.path("required").asBoolean()) {
                problems.add("required body '" + parameter.path("name").asText() + "' missing");
            }
            return;
        }
        String contentType = exchange.requestContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return;
        }
        JsonNode body;
        try {
            body = mapper.readTree(text);
        } catch (IOException e) {
            problems.add("body is not JSON: " + e.getMessage());
            return;
        }
        schemas.validate("body " + operation.label(), parameter.path("schema"), body)
                .forEach(e -> problems.add("body " + e.getInstanceLocation() + ": " + e.getMessage()));
    }
}

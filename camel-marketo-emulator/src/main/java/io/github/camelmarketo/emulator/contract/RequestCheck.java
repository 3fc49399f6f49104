package io.github.camelmarketo.emulator.contract;

import java.io.IOException;
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

    /** Integer parameters must be integers (each value of a comma-separated or repeated list). */
    private static void checkValues(JsonNode parameter, String name, List<String> values, List<String> problems) {
        String type = "array".equals(parameter.path("type").asText())
                ? parameter.path("items").path("type").asText() : parameter.path("type").asText();
        if (!"integer".equals(type)) {
            return;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                try {
                    Long.parseLong(part.trim());
                } catch (NumberFormatException e) {
                    problems.add("parameter '" + name + "' must be an integer, was '" + part + "'");
                }
            }
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

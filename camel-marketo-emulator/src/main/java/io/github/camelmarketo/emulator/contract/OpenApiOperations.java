package io.github.camelmarketo.emulator.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operations of a Swagger 2.0 document, found by method and concrete path: {@code GET /rest/v1/lead/5.json}
 * finds {@code GET /rest/v1/lead/{leadId}.json}. A literal template wins over one with variables.
 */
final class OpenApiOperations {

    /** One documented operation: its template, operation object and the parameters that apply (path + operation). */
    record Operation(String method, String template, JsonNode node, List<JsonNode> parameters) {

        String label() {
            return method + " " + template;
        }

        /** The documented parameters located {@code in} query, formData, body, path or header. */
        List<JsonNode> in(String location) {
            return parameters.stream().filter(p -> location.equals(p.path("in").asText())).toList();
        }
    }

    private record Entry(Pattern pattern, int variables, Operation operation) {
    }

    private final List<Entry> entries = new ArrayList<>();

    OpenApiOperations(JsonNode document) {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String template = path.getKey();
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if ("parameters".equals(method.getKey())) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>(shared);
                method.getValue().path("parameters").forEach(parameters::add);
                Operation operation = new Operation(method.getKey().toUpperCase(Locale.ROOT), template,
                        method.getValue(), List.copyOf(parameters));
                entries.add(new Entry(pattern(template), count(template), operation));
            }
        }
        entries.sort(Comparator.comparingInt(Entry::variables));
    }

    /** The operation for {@code method path}, or null when the document has none. */
    Operation find(String method, String path) {
        for (Entry entry : entries) {
            if (entry.operation.method().equals(method) && entry.pattern.matcher(path).matches()) {
                return entry.operation;
            }
        }
        return null;
    }

    int size() {
        return entries.size();
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int last = 0;
        int open = template.indexOf('{');
        while (open >= 0) {
            int close = template.indexOf('}', open);
            regex.append(Pattern.quote(template.substring(last, open))).append("[^/]+");
            last = close + 1;
            open = template.indexOf('{', last);
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private static int count(String template) {
        return (int) template.chars().filter(c -> c == '{').count();
    }
}

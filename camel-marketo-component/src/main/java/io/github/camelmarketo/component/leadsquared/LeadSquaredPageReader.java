package io.github.camelmarketo.component.leadsquared;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a successful ByIds answer, {@code {"RecordCount":n,"Leads":[{column:value,...}]}}, into a
 * {@link LeadSquaredPage}. A lead whose answer has no {@code ProspectId} (or a null one), as in the vendor's own
 * example answer, gets a {@code null} id. Anything that is not this shape (not JSON, not an object, no {@code Leads}
 * array, a lead that is not an object, a {@code ProspectId} that is not a GUID, or an error body despite the status)
 * is a {@link LeadSquaredException} saying what was wrong.
 */
final class LeadSquaredPageReader {

    static final String PROSPECT_ID = "ProspectId";

    private final ObjectMapper json;
    private final String operation;
    private final String host;

    LeadSquaredPageReader(ObjectMapper json, LeadSquaredOperation operation, String host) {
        this.json = json;
        this.operation = operation.name();
        this.host = host;
    }

    LeadSquaredPage read(byte[] body, int status, int attempts) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            throw unexpected(status, "the answer is not JSON", attempts, e);
        }
        if (root == null || root.isMissingNode()) {
            throw unexpected(status, "the answer is empty", attempts, null);
        }
        if (!root.isObject()) {
            throw unexpected(status, "the answer is a JSON " + kind(root) + ", not an object", attempts, null);
        }
        if (text(root, "ExceptionType") != null || "Error".equalsIgnoreCase(text(root, "Status"))) {
            throw LeadSquaredException.unexpectedAnswer(operation, host, status,
                    text(root, "ExceptionType") != null ? text(root, "ExceptionType") : "Error", text(root, "ExceptionMessage"),
                    attempts, null);
        }
        JsonNode leads = root.get("Leads");
        if (leads == null || leads.isNull()) {
            throw unexpected(status, "it has no Leads", attempts, null);
        }
        if (!leads.isArray()) {
            throw unexpected(status, "Leads is a JSON " + kind(leads) + ", not an array", attempts, null);
        }
        List<LeadSquaredLead> page = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            JsonNode node = leads.get(i);
            if (!node.isObject()) {
                throw unexpected(status, "lead #" + i + " of Leads is a JSON " + kind(node) + ", not an object", attempts, null);
            }
            page.add(toLead(node, i, status, attempts));
        }
        return new LeadSquaredPage(recordCount(root.get("RecordCount")), page);
    }

    private LeadSquaredLead toLead(JsonNode node, int index, int status, int attempts) {
        LeadSquaredLead lead = new LeadSquaredLead(id(node, index, status, attempts));
        node.fields().forEachRemaining(f -> lead.set(f.getKey(), valueOf(f.getValue())));
        return lead;
    }

    private UUID id(JsonNode node, int index, int status, int attempts) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (PROSPECT_ID.equalsIgnoreCase(field.getKey())) {
                JsonNode value = field.getValue();
                if (value.isNull() || value.isTextual() && value.asText().isBlank()) {
                    return null;
                }
                try {
                    if (value.isTextual()) {
                        return UUID.fromString(value.asText().trim());
                    }
                } catch (IllegalArgumentException e) {
                    // reported below
                }
                String shown = value.isValueNode() ? value.asText() : value.toString();
                throw unexpected(status, "lead #" + index + " has ProspectId '"
                                         + (shown.length() > 60 ? shown.substring(0, 60) + "..." : shown) + "', which is not a GUID",
                        attempts, null);
            }
        }
        return null;
    }

    private static int recordCount(JsonNode count) {
        if (count != null && count.isIntegralNumber() && count.canConvertToInt()) {
            return count.intValue();
        }
        if (count != null && count.isTextual()) {
            try {
                return Integer.parseInt(count.asText().trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private LeadSquaredException unexpected(int status, String problem, int attempts, Throwable cause) {
        return LeadSquaredException.unexpectedAnswer(operation, host, status, null, problem, attempts, cause);
    }

    private static String valueOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** A field's text, or null when absent or JSON null. */
    static String text(JsonNode root, String field) {
        JsonNode node = root == null ? null : root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}

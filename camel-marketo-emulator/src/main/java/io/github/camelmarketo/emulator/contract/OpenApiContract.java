package io.github.camelmarketo.emulator.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;

/**
 * Checks recorded REST calls ({@link RestRecorder}) against Adobe's OpenAPI documents: {@code swagger-mapi.json}
 * (the REST and bulk API) and, when it lies beside it, {@code swagger-identity.json} (the token call): the method and path exist, required parameters are present, no undocumented query or
 * form parameter is sent ({@code access_token} aside; {@code _method=GET} form posts count as the GET they stand
 * for), parameter values fit their type (integer, boolean, date-time, enum), a JSON request body validates against its {@code body} parameter, and a JSON
 * response validates against the documented {@code 200} schema ({@code $ref}s resolved to the document's
 * definitions). Known spec gaps are listed once, in {@link #SPEC_GAPS}.
 *
 * <pre>
 * OpenApiContract contract = OpenApiContract.load(); // finds shared/vendor-docs/swagger-mapi.json
 * ContractReport report = contract.check(emulator.recorder().exchanges());
 * assertThat(report.violations()).isEmpty();
 * </pre>
 */
public final class OpenApiContract {

    /** Where the document lives relative to a folder at or above the working directory. */
    public static final String DOCUMENT = "shared/vendor-docs/swagger-mapi.json";

    /** The identity document, read from the folder of the main document when it is there. */
    public static final String IDENTITY_DOCUMENT = "swagger-identity.json";

    /** Parameters the vendor accepts on every call without documenting them per operation. */
    public static final Set<String> UNDOCUMENTED_PARAMETERS = Set.of("access_token");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String REMOVE_FROM_LIST = "/paths/~1rest~1v1~1lists~1{listId}~1leads.json/delete/parameters";
    private static final String REMOVE_FROM_LIST_REASON = "Remove from List marks both its body (input[{id}]) and"
                                                          + " its 'id' query parameter required; the vendor takes the lead ids in either one";

    private static final String EXPORT_JOBS = "/paths/~1bulk~1v1~1leads~1export.json/get/parameters/0";
    private static final String EXPORT_STATUSES = "[\"created\",\"queued\",\"processing\",\"cancelled\",\"completed\","
                                                  + "\"failed\",\"Created\",\"Queued\",\"Processing\",\"Canceled\","
                                                  + "\"Completed\",\"Failed\"]";
    private static final String EXPORT_STATUS_REASON = "The export job list's status filter enumerates lower-case names"
                                                       + " ('cancelled'), while the document's own ExportResponse.status"
                                                       + " names the statuses 'Created', 'Queued', 'Processing', 'Canceled',"
                                                       + " 'Completed', 'Failed': either spelling is accepted";

    /**
     * Where the document and the vendor part ways; the checker reads the replacement schema instead. Beyond these,
     * responses with {@code success:false} are validated against {@code {requestId, success, errors[Error],
     * warnings[Warning]}}: the document declares one response schema per operation, whose required {@code result} an
     * error answer does not carry.
     */
    public static final List<SpecGap> SPEC_GAPS = List.of(
            new SpecGap("/definitions/Attribute/properties/value", MAPPER.createObjectNode(),
                    "Activity attributes are documented as type object, but the vendor sends the attribute's scalar"
                    + " value (string, number or boolean), e.g. {\"name\":\"New Value\",\"value\":\"Ada\"}"),
            new SpecGap("/definitions/LeadChangeField/properties/newValue", json("{\"type\":[\"string\",\"null\"]}"),
                    "A Change Data Value that clears a field has no new value; the document types newValue as a"
                    + " string only"),
            new SpecGap("/definitions/ExportLeadFilter/required", null,
                    "The document marks all six lead export filters required, but the vendor's Bulk Lead Extract page"
                    + " says one filter type per job (createdAt, updatedAt, staticListId/-Name, smartListId/-Name)"),
            new SpecGap(REMOVE_FROM_LIST + "/1/required", BooleanNode.FALSE, REMOVE_FROM_LIST_REASON),
            new SpecGap(REMOVE_FROM_LIST + "/2/required", BooleanNode.FALSE, REMOVE_FROM_LIST_REASON),
            new SpecGap(EXPORT_JOBS + "/enum", json(EXPORT_STATUSES), EXPORT_STATUS_REASON),
            new SpecGap(EXPORT_JOBS.replace("leads", "activities") + "/enum", json(EXPORT_STATUSES), EXPORT_STATUS_REASON));

    private final Path source;
    private final OpenApiOperations operations;
    private final ResponseSchemas schemas;

    private OpenApiContract(Path source, JsonNode document) {
        this.source = source;
        this.operations = new OpenApiOperations(document);
        this.schemas = new ResponseSchemas(MAPPER, document.path("definitions"));
    }

    /** Loads the document found by walking up from the working directory (see {@link #locate(Path)}). */
    public static OpenApiContract load() {
        return load(locate(Path.of("").toAbsolutePath()));
    }

    /**
     * Loads the document at {@code document} and the {@value #IDENTITY_DOCUMENT} beside it (if present), applying
     * {@link #SPEC_GAPS}.
     */
    public static OpenApiContract load(Path document) {
        if (!Files.isRegularFile(document)) {
            throw new IllegalStateException("OpenAPI document not found: " + document.toAbsolutePath());
        }
        try {
            JsonNode tree = MAPPER.readTree(document.toFile());
            Path identity = document.resolveSibling(IDENTITY_DOCUMENT);
            if (Files.isRegularFile(identity)) {
                merge(tree, MAPPER.readTree(identity.toFile()), identity);
            }
            for (SpecGap gap : SPEC_GAPS) {
                patch(tree, gap);
            }
            return new OpenApiContract(document, tree);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI document " + document.toAbsolutePath(), e);
        }
    }

    /**
     * Finds {@code shared/vendor-docs/swagger-mapi.json} in {@code start} or the nearest folder above it (CI keeps
     * {@code shared/} beside the clone); fails naming every path tried.
     */
    public static Path locate(Path start) {
        List<Path> tried = new ArrayList<>();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DOCUMENT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException("OpenAPI document " + DOCUMENT + " not found at or above " + start
                                        + "; tried " + tried);
    }

    /** The document's path. */
    public Path source() {
        return source;
    }

    /** Number of operations (method + path) in the document. */
    public int operationCount() {
        return operations.size();
    }

    /** Checks every exchange; never throws for a violation, reports it. */
    public ContractReport check(List<RecordedExchange> exchanges) {
        List<Violation> violations = new ArrayList<>();
        int requests = 0;
        int validated = 0;
        int skipped = 0;
        for (RecordedExchange exchange : exchanges) {
            requests++;
            OpenApiOperations.Operation operation = operations.find(exchange.method(), exchange.path());
            if (operation == null) {
                violations.add(new Violation(exchange, "request", "no operation " + exchange.method() + " "
                                                                  + exchange.path() + " in the document"));
                skipped++;
                continue;
            }
            RequestCheck.check(operation, exchange, MAPPER, schemas)
                    .forEach(message -> violations.add(new Violation(exchange, "request", message)));
            JsonNode schema = operation.node().path("responses").path("200").path("schema");
            if (exchange.status() != 200 || !exchange.jsonResponse() || schema.isMissingNode()) {
                skipped++;
                continue;
            }
            validated++;
            for (String message : validateResponse(operation, schema, exchange)) {
                violations.add(new Violation(exchange, "response", message));
            }
        }
        return new ContractReport(requests, validated, skipped, List.copyOf(violations));
    }

    private List<String> validateResponse(OpenApiOperations.Operation operation, JsonNode schema,
                                          RecordedExchange exchange) {
        JsonNode body;
        try {
            body = MAPPER.readTree(exchange.responseBody());
        } catch (IOException e) {
            return List.of("response is not JSON: " + e.getMessage());
        }
        List<Error> errors = body.path("success").isBoolean() && !body.path("success").asBoolean()
                ? schemas.validateError(body)
                : schemas.validate(operation.label(), schema, body);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** Adds the paths and definitions of {@code other} (both documents have basePath {@code /}); no name may clash. */
    private static void merge(JsonNode document, JsonNode other, Path source) {
        for (String section : List.of("paths", "definitions")) {
            ObjectNode into = (ObjectNode) document.path(section);
            other.path(section).fields().forEachRemaining(entry -> {
                if (into.has(entry.getKey())) {
                    throw new IllegalStateException(source + " redefines " + section + " member " + entry.getKey());
                }
                into.set(entry.getKey(), entry.getValue());
            });
        }
    }

    private static void patch(JsonNode document, SpecGap gap) {
        int slash = gap.pointer().lastIndexOf('/');
        JsonNode parent = document.at(gap.pointer().substring(0, slash));
        if (parent.isArray() || gap.pointer().substring(slash + 1).contains("~")) {
            throw new IllegalStateException("Spec gap " + gap.pointer() + " must end in an object member");
        }
        if (!(parent instanceof ObjectNode object) || !object.has(gap.pointer().substring(slash + 1))) {
            throw new IllegalStateException("Spec gap " + gap.pointer() + " names nothing in the document");
        }
        if (gap.replacement() == null) {
            object.remove(gap.pointer().substring(slash + 1));
        } else {
            object.set(gap.pointer().substring(slash + 1), gap.replacement());
        }
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

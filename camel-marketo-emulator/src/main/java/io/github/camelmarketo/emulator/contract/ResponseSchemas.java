package io.github.camelmarketo.emulator.contract;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * JSON Schema (draft 4, the dialect of Swagger 2.0) validation of bodies against schemas of the document: each schema
 * is compiled once, beside the document's {@code definitions} so its {@code $ref}s resolve.
 */
final class ResponseSchemas {

    /** {@code success:false} envelopes carry no {@code result}; they are checked against this shape instead. */
    private static final String ERROR_ENVELOPE = "{\"type\":\"object\",\"required\":[\"requestId\",\"success\",\"errors\"],"
                                                 + "\"properties\":{\"requestId\":{\"type\":\"string\"},\"success\":{\"enum\":[false]},"
                                                 + "\"errors\":{\"type\":\"array\",\"minItems\":1,\"items\":{\"$ref\":\"#/definitions/Error\"}},"
                                                 + "\"warnings\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/Warning\"}}}}";

    private final ObjectMapper mapper;
    private final JsonNode definitions;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    ResponseSchemas(ObjectMapper mapper, JsonNode definitions) {
        this.mapper = mapper;
        this.definitions = definitions;
    }

    /** Errors of {@code body} against {@code schema} (a schema object of the document), keyed for caching. */
    List<Error> validate(String key, JsonNode schema, JsonNode body) {
        return compiled.computeIfAbsent(key, k -> compile(schema)).validate(body);
    }

    /** Errors of an error envelope against the error shape. */
    List<Error> validateError(JsonNode body) {
        return compiled.computeIfAbsent("#error-envelope", k -> {
            try {
                return compile(mapper.readTree(ERROR_ENVELOPE));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).validate(body);
    }

    private Schema compile(JsonNode schema) {
        ObjectNode root = mapper.createObjectNode();
        root.putArray("allOf").add(schema);
        root.set("definitions", definitions);
        return registry.getSchema(root);
    }
}

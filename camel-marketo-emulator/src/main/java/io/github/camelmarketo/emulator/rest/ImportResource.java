package io.github.camelmarketo.emulator.rest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.core.LeadStore;

/**
 * Bulk Lead Import: {@code POST /bulk/v1/leads.json} (multipart {@code file}; query {@code format} (required: csv,
 * tsv), {@code lookupField} (default email), {@code partitionName}, {@code listId}), {@code GET
 * /bulk/v1/leads/batch/{batchId}.json} (status and counts), {@code .../failures.json} and {@code .../warnings.json}
 * (CSV of the rejected or warned rows with the reason in the last column). The queue's limits are in
 * {@link ImportQueue}.
 */
final class ImportResource {

    private static final Map<String, Character> FORMATS = Map.of("csv", ',', "tsv", '\t');

    private final LeadStore store;
    private final LeadMapper mapper;
    private final ImportQueue queue;

    ImportResource(LeadStore store, LeadMapper mapper, ImportQueue queue) {
        this.store = store;
        this.mapper = mapper;
        this.queue = queue;
    }

    void register(Router router) {
        router.add("POST", "/bulk/v1/leads.json", this::submit)
                .add("GET", "/bulk/v1/leads/batch/{batchId}.json", this::status)
                .add("GET", "/bulk/v1/leads/batch/{batchId}/failures.json", r -> file(r, true))
                .add("GET", "/bulk/v1/leads/batch/{batchId}/warnings.json", r -> file(r, false));
    }

    RestResponse submit(RestRequest request) {
        String format = request.param("format");
        if (format == null || format.isBlank()) {
            throw RestApiException.invalid("Missing value for required parameter 'format'");
        }
        Character separator = FORMATS.get(format.trim().toLowerCase(Locale.ROOT));
        if (separator == null) {
            throw RestApiException.invalid("Invalid format '" + format + "', expected one of " + FORMATS.keySet());
        }
        String lookupName = request.param("lookupField");
        LeadField lookup = mapper.field(lookupName == null || lookupName.isBlank() ? "email" : lookupName.trim());
        Integer listId = null;
        String listParam = request.param("listId");
        if (listParam != null && !listParam.isBlank()) {
            listId = LeadIds.parse("listId", listParam);
            if (store.findList(listId).isEmpty()) {
                throw new RestApiException(RestErrors.OBJECT_NOT_FOUND, "Static list " + listId + " not found");
            }
        }
        Multipart.Part file = Multipart.parse(request.contentType(), request.body()).get("file");
        if (file == null) {
            throw RestApiException.invalid("Missing value for required parameter 'file'");
        }
        ImportJob job = queue.submit(file.content(), separator, lookup, request.param("partitionName"), listId);
        return RestResponse.envelope(Envelope.success(Json.array().add(toJson(job))));
    }

    RestResponse status(RestRequest request) {
        ImportJob job = queue.job(request.pathInt("batchId"));
        return RestResponse.envelope(Envelope.success(Json.array().add(toJson(job))));
    }

    RestResponse file(RestRequest request, boolean failures) {
        ImportJob job = queue.job(request.pathInt("batchId"));
        ImportJob.Outcome outcome = job.outcome();
        String text = outcome == null ? "" : failures ? outcome.failures() : outcome.warnings();
        return new RestResponse(200, "text/csv;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), Map.of(), "200");
    }

    private static ObjectNode toJson(ImportJob job) {
        ObjectNode node = Json.object();
        node.put("batchId", job.batchId());
        node.put("importId", Integer.toString(job.batchId()));
        node.put("status", job.status().name());
        ImportJob.Outcome outcome = job.outcome();
        node.put("numOfLeadsProcessed", outcome == null ? 0 : outcome.imported());
        node.put("numOfRowsFailed", outcome == null ? 0 : outcome.failed());
        node.put("numOfRowsWithWarning", outcome == null ? 0 : outcome.warned());
        if (outcome != null) {
            node.put("message", outcome.message());
        }
        return node;
    }
}

package io.github.camelmarketo.emulator.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.core.LeadStore;

/**
 * Bulk Lead Extract under {@code /bulk/v1/leads/export}: {@code create.json}, {@code {exportId}/enqueue.json},
 * {@code {exportId}/status.json}, {@code {exportId}/file.json} (with {@code Range}), {@code {exportId}/cancel.json}
 * and the job list {@code export.json}.
 */
final class ExportResource {

    private static final String BASE = "/bulk/v1/leads/export";
    private static final List<String> FORMATS = List.of("CSV", "TSV", "SSV");

    private final LeadStore store;
    private final LeadMapper mapper;
    private final ExportQueue queue;
    private final ExportLimits limits;

    ExportResource(LeadStore store, LeadMapper mapper, ExportQueue queue, ExportLimits limits) {
        this.store = store;
        this.mapper = mapper;
        this.queue = queue;
        this.limits = limits;
    }

    void register(Router router) {
        router.add("POST", BASE + "/create.json", this::create)
                .add("GET", BASE + ".json", this::list)
                .add("POST", BASE + "/{exportId}/enqueue.json", this::enqueue)
                .add("GET", BASE + "/{exportId}/status.json", this::status)
                .add("GET", BASE + "/{exportId}/file.json", this::file)
                .add("POST", BASE + "/{exportId}/cancel.json", this::cancel);
    }

    RestResponse create(RestRequest request) {
        JsonNode body = request.json();
        JsonNode fieldNames = body.get("fields");
        if (fieldNames == null || !fieldNames.isArray() || fieldNames.isEmpty()) {
            throw RestApiException.invalid("Missing value for required parameter 'fields' (a non-empty array)");
        }
        List<String> names = new ArrayList<>();
        fieldNames.forEach(f -> names.add(f.asText()));
        List<LeadField> fields = mapper.resolve(names);
        if (fields.size() != names.size()) {
            throw RestApiException.invalid("Field names in 'fields' must be unique: " + names);
        }
        String format = body.path("format").asText("CSV").toUpperCase(java.util.Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw RestApiException.invalid("Invalid format '" + format + "', expected one of " + FORMATS);
        }
        ExportFilter filter = ExportFilter.parse(body.get("filter"), store);
        limits.checkFilter(filter);
        queue.checkAllowance();
        List<String> headers = new ArrayList<>();
        JsonNode overrides = body.path("columnHeaderNames");
        for (int i = 0; i < fields.size(); i++) {
            String requested = names.get(i);
            JsonNode header = overrides.get(requested);
            headers.add(header != null && header.isTextual() ? header.asText() : fields.get(i).restName());
        }
        ExportJob job = new ExportJob(UUID.randomUUID().toString(), queue.nextSequence(), format, fields, headers,
                filter, store.clock().instant());
        queue.add(job);
        return RestResponse.envelope(Envelope.success(Json.array().add(job.toJson())));
    }

    RestResponse enqueue(RestRequest request) {
        return answerJob(request, queue::enqueue);
    }

    RestResponse status(RestRequest request) {
        return answerJob(request, job -> {
        });
    }

    RestResponse cancel(RestRequest request) {
        return answerJob(request, queue::cancel);
    }

    /** Applies {@code action} to the job of the path's {@code exportId} and answers the job's state. */
    private RestResponse answerJob(RestRequest request, Consumer<ExportJob> action) {
        ExportJob job = queue.job(request.pathVariable("exportId"));
        action.accept(job);
        return RestResponse.envelope(Envelope.success(Json.array().add(job.toJson())));
    }

    RestResponse list(RestRequest request) {
        List<String> statuses = request.listParam("status");
        List<ExportJob> matching = queue.jobs().stream()
                .filter(limits::listed)
                .filter(j -> statuses.isEmpty() || statuses.stream().anyMatch(s -> s.equalsIgnoreCase(j.status().name())))
                .toList();
        Paging.Page<ExportJob> page = Paging.page(matching, ExportJob::sequence, request);
        ArrayNode result = Json.array();
        page.items().forEach(job -> result.add(job.toJson()));
        return RestResponse.envelope(Envelope.page(result, page.nextPageToken()));
    }

    RestResponse file(RestRequest request) {
        ExportJob job = queue.job(request.pathVariable("exportId"));
        ExportFile file = job.file();
        if (file != null && limits.fileExpired(job)) {
            throw RestApiException.invalid("File of export job " + job.id() + " is no longer available: files are kept "
                                           + ExportLimits.FILE_RETENTION.toDays() + " days after the job completed ("
                                           + Json.date(job.finishedAt()) + ")");
        }
        if (file == null) {
            throw RestApiException.invalid("Export job " + job.id() + " is " + job.status()
                                           + "; its file is available once Completed");
        }
        byte[] bytes = file.bytes();
        String contentType = ("TSV".equals(job.format()) ? "text/tab-separated-values" : "text/csv") + ";charset=UTF-8";
        String range = request.header("Range");
        if (range == null || range.isBlank()) {
            return new RestResponse(200, contentType, bytes, Map.of("Accept-Ranges", "bytes"), "200");
        }
        long[] span = ByteRange.parse(range, bytes.length);
        if (span == null) {
            return new RestResponse(416, "text/plain;charset=UTF-8", new byte[0],
                    Map.of("Content-Range", "bytes */" + bytes.length), "416");
        }
        byte[] part = Arrays.copyOfRange(bytes, (int) span[0], (int) span[1] + 1);
        return new RestResponse(206, contentType, part, Map.of("Accept-Ranges", "bytes",
                "Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + bytes.length), "200");
    }
}

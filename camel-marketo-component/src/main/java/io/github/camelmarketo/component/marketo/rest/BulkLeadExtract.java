package io.github.camelmarketo.component.marketo.rest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.support.CallFailure;
import io.github.camelmarketo.component.support.FailureKind;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * getMultipleLeads by last update over REST: Bulk Lead Extract jobs with an {@code updatedAt} filter, one job per
 * window of at most 31 days. A job is created, enqueued and polled (with growing intervals from
 * {@code extractPollInterval}) until Completed; Failed, Cancelled and a job still unfinished after
 * {@code extractJobTimeout} fail clearly. The CSV file is never loaded whole: each page reads
 * {@code Range: bytes=<offset>-}, parses {@code batchSize} rows and drops the connection, and the page's position
 * ({@link ExtractPosition}) records where the next page starts.
 */
final class BulkLeadExtract {

    static final List<String> DEFAULT_FIELDS = List.of("id", "email", "firstName", "lastName", "createdAt", "updatedAt");

    private static final Logger LOG = LoggerFactory.getLogger(BulkLeadExtract.class);
    private static final long MAX_POLL_INTERVAL = 60_000;
    private static final String OPERATION = "getMultipleLeads";

    private final RestTransport transport;
    private final RestLeadMapper mapper;
    private final long pollIntervalMillis;
    private final long jobTimeoutMillis;

    BulkLeadExtract(RestTransport transport, RestLeadMapper mapper, long pollIntervalMillis, long jobTimeoutMillis) {
        this.transport = transport;
        this.mapper = mapper;
        this.pollIntervalMillis = Math.max(1, pollIntervalMillis);
        this.jobTimeoutMillis = jobTimeoutMillis;
    }

    /**
     * One page of leads updated in the selector's range, starting at {@code position} (null: the beginning).
     *
     * @param checkpoint receives the position of a window's export job as soon as the job is created (before waiting
     *                   for it), so a consumer can store the job id and reuse the job after a restart instead of leaving
     *                   it orphaned; may be null
     */
    LeadPage page(LeadSelector.ByLastUpdate selector, String position, int batchSize, List<String> fields,
                  Consumer<String> checkpoint) {
        ExtractPosition pos = position == null
                ? ExtractPosition.start(selector.oldestUpdatedAt().toInstant(), selector.latestUpdatedAt() != null
                        ? selector.latestUpdatedAt().toInstant() : transport.serverClock().now(Clock.systemUTC()))
                : ExtractPosition.decode(position);
        List<Lead> leads = new ArrayList<>();
        while (true) {
            if (pos.exportId() == null) {
                pos = pos.withExport(createJob(pos, fields));
                if (checkpoint != null && leads.isEmpty()) {
                    checkpoint.accept(pos.encode());
                }
            }
            if (pos.offset() == 0) {
                // a job created just now, or one named by a stored position: its file can be read once it is completed
                awaitCompleted(transport.urls().bulk() + "/v1/leads/export", pos.exportId());
            }
            Slice slice = readSlice(pos, batchSize - leads.size());
            leads.addAll(slice.leads);
            if (!slice.endOfFile) {
                return new LeadPage(leads, slice.next.encode(), -1, true);
            }
            if (pos.isLastWindow()) {
                return LeadPage.last(leads);
            }
            pos = pos.nextWindow();
            if (leads.size() >= batchSize) {
                return new LeadPage(leads, pos.encode(), -1, true);
            }
        }
    }

    /** Creates and enqueues the export job of the position's window; returns its id. */
    private String createJob(ExtractPosition pos, List<String> fields) {
        ObjectNode request = transport.mapper().createObjectNode();
        request.putArray("fields").addAll(fieldNames(fields));
        request.put("format", "CSV");
        ObjectNode updatedAt = request.putObject("filter").putObject("updatedAt");
        updatedAt.put("startAt", pos.windowStart().toString());
        updatedAt.put("endAt", pos.windowEnd().toString());
        String base = transport.urls().bulk() + "/v1/leads/export";
        RestEnvelope created = transport.call(RestRequest.post(OPERATION, base + "/create.json").json(request));
        String exportId = created.result().isEmpty() ? null : RestEnvelope.text(created.result().get(0), "exportId");
        if (exportId == null) {
            throw new MarketoException(OPERATION, null, "bulk export create.json returned no exportId", created.requestId(), null);
        }
        transport.call(RestRequest.post(OPERATION, base + "/" + exportId + "/enqueue.json"));
        LOG.debug("Bulk lead export {} enqueued for updatedAt {} .. {}", exportId, pos.windowStart(), pos.windowEnd());
        return exportId;
    }

    private void awaitCompleted(String base, String exportId) {
        long deadline = System.nanoTime() + jobTimeoutMillis * 1_000_000L;
        long interval = pollIntervalMillis;
        while (true) {
            RestEnvelope status = transport.call(RestRequest.get(OPERATION, base + "/" + exportId + "/status.json"));
            JsonNode job = status.result().isEmpty() ? transport.mapper().createObjectNode() : status.result().get(0);
            String state = RestEnvelope.text(job, "status");
            if ("Completed".equals(state)) {
                return;
            }
            if ("Failed".equals(state) || "Cancelled".equals(state)) {
                String reason = RestEnvelope.text(job, "errorMsg");
                throw new MarketoException(OPERATION, null, "bulk export job " + exportId + " " + state
                                                            + (reason == null ? "" : ": " + reason),
                        status.requestId(), "The extract stops here; the next poll starts a new job for the same window");
            }
            long remaining = (deadline - System.nanoTime()) / 1_000_000L;
            if (remaining <= 0) {
                cancelQuietly(base, exportId);
                throw new MarketoException(OPERATION, null, "bulk export job " + exportId + " still " + state + " after "
                                                            + jobTimeoutMillis + " ms",
                        status.requestId(), "Cancelled it; raise extractJobTimeout if the instance's export queue is busy");
            }
            sleep(Math.min(interval, remaining));
            interval = Math.min(interval * 2, MAX_POLL_INTERVAL);
        }
    }

    private void cancelQuietly(String base, String exportId) {
        try {
            transport.call(RestRequest.post(OPERATION, base + "/" + exportId + "/cancel.json"));
        } catch (MarketoException e) {
            LOG.debug("Cancelling bulk export job {} failed: {}", exportId, e.getMessage());
        }
    }

    /** Up to {@code rows} leads from the file of the position's job, starting at its offset. */
    private Slice readSlice(ExtractPosition pos, int rows) {
        String url = transport.urls().bulk() + "/v1/leads/export/" + pos.exportId() + "/file.json";
        RestRequest request = RestRequest.get(OPERATION, url).header("Range", "bytes=" + pos.offset() + "-");
        return transport.stream(request, response -> readRows(response, pos, rows));
    }

    private Slice readRows(ClassicHttpResponse response, ExtractPosition pos, int rows) throws IOException, CallFailure {
        int status = response.getCode();
        if (status == 416) {
            // the offset is at the end of the file
            return new Slice(List.of(), pos, true);
        }
        if (status != 200 && status != 206) {
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            transport.parseEnvelope(status, response.getReasonPhrase(), body);
            throw new CallFailure(FailureKind.PERMANENT, Integer.toString(status), "unexpected HTTP status for an export file", null, null);
        }
        try (InputStream in = new BufferedInputStream(RestTransport.content(response), 16 * 1024)) {
            CsvRowReader reader = new CsvRowReader(in);
            long base = pos.offset();
            if (status == 200) {
                // the server ignored the Range header: skip to the offset ourselves
                reader.skip(pos.offset());
                base = 0;
            }
            List<String> header = pos.header();
            if (pos.offset() == 0 || header.isEmpty()) {
                List<String> headerRow = reader.nextRow();
                header = headerRow == null ? List.of() : headerRow;
            }
            List<Lead> leads = new ArrayList<>(Math.max(0, rows));
            while (leads.size() < rows) {
                List<String> row = reader.nextRow();
                if (row == null) {
                    break;
                }
                leads.add(mapper.toLead(header, row));
            }
            boolean endOfFile = reader.atEnd();
            return new Slice(leads, pos.at(base + reader.consumed(), header), endOfFile);
        }
    }

    private static List<TextNode> fieldNames(List<String> fields) {
        List<TextNode> nodes = new ArrayList<>();
        RestLeadMapper.restNamesWithId(fields.isEmpty() ? DEFAULT_FIELDS : fields).forEach(name -> nodes.add(TextNode.valueOf(name)));
        return nodes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketoException(OPERATION, null, "interrupted while waiting for a bulk export job", null, null, e);
        }
    }

    private record Slice(List<Lead> leads, ExtractPosition next, boolean endOfFile) {
    }
}

package io.github.camelmarketo.component.marketo.rest;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * getMultipleLeads by last update over REST: Bulk Lead Extract jobs with an {@code updatedAt} filter, one job per
 * window of at most 31 days. A job is created, enqueued and polled (with growing intervals from
 * {@code extractPollInterval}) until Completed; Failed, Cancelled and a job still unfinished after
 * {@code extractJobTimeout} fail clearly. The CSV file is never loaded whole: it is fetched in chunks of at most
 * {@link #CHUNK_BYTES} ({@code Range: bytes=<offset>-<offset + chunk - 1>}, one API call each), and pages of
 * {@code batchSize} rows are parsed from the chunk in memory, so a file costs one call per chunk rather than one per
 * page (the vendor counts every file.json call against the 100 calls / 20 s window). The page's position
 * ({@link ExtractPosition}) records the byte offset where the next page starts; a position that is not inside the
 * chunk at hand (a restart, another reader) simply fetches a new chunk from that offset.
 */
final class BulkLeadExtract {

    /** Largest slice of an export file fetched by one call (and held in memory while its pages are read). */
    static final int CHUNK_BYTES = 4 * 1024 * 1024;

    static final List<String> DEFAULT_FIELDS = List.of("id", "email", "firstName", "lastName", "createdAt", "updatedAt");

    private static final Logger LOG = LoggerFactory.getLogger(BulkLeadExtract.class);
    private static final long MAX_POLL_INTERVAL = 60_000;
    private static final String OPERATION = "getMultipleLeads";
    /** The vendor's "unsupported filter type for this subscription". */
    static final String UNSUPPORTED_FILTER = "1035";

    private final RestTransport transport;
    private final RestLeadMapper mapper;
    private final long pollIntervalMillis;
    private final long jobTimeoutMillis;
    private final int chunkBytes;
    /** The chunk the last page was read from (immutable; replaced, never changed). */
    private volatile Chunk chunk;

    BulkLeadExtract(RestTransport transport, RestLeadMapper mapper, long pollIntervalMillis, long jobTimeoutMillis) {
        this(transport, mapper, pollIntervalMillis, jobTimeoutMillis, CHUNK_BYTES);
    }

    BulkLeadExtract(RestTransport transport, RestLeadMapper mapper, long pollIntervalMillis, long jobTimeoutMillis,
                    int chunkBytes) {
        this.transport = transport;
        this.mapper = mapper;
        this.pollIntervalMillis = Math.max(1, pollIntervalMillis);
        this.jobTimeoutMillis = jobTimeoutMillis;
        this.chunkBytes = Math.max(1, chunkBytes);
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
                pos = slice.next;
                if (leads.size() >= batchSize) {
                    return new LeadPage(leads, pos.encode(), -1, true);
                }
                // the chunk ended before the page was full: the rest comes from the next chunk
                continue;
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
        RestEnvelope created = create(base, request);
        String exportId = created.result().isEmpty() ? null : RestEnvelope.text(created.result().get(0), "exportId");
        if (exportId == null) {
            throw new MarketoException(OPERATION, null, "bulk export create.json returned no exportId", created.requestId(), null);
        }
        transport.call(RestRequest.post(OPERATION, base + "/" + exportId + "/enqueue.json"));
        LOG.debug("Bulk lead export {} enqueued for updatedAt {} .. {}", exportId, pos.windowStart(), pos.windowEnd());
        return exportId;
    }

    /** {@code create.json}; a refused updatedAt filter (1035) says what to use instead. */
    private RestEnvelope create(String base, ObjectNode request) {
        try {
            return transport.call(RestRequest.post(OPERATION, base + "/create.json").json(request));
        } catch (MarketoException e) {
            if (!UNSUPPORTED_FILTER.equals(e.getCode())) {
                throw e;
            }
            throw new MarketoException(OPERATION, e.getCode(), e.getVendorMessage(), e.getRequestId(),
                    "This subscription's Bulk Lead Extract refuses the updatedAt filter, so leadSelector=lastUpdateAt cannot "
                    + "run over REST here: consume leadSelector=leadChanges (the activity feed, which every subscription "
                    + "has) instead, or set extractFallback=leadChanges to switch to it automatically", e);
        }
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
            // by half each time: a short job is seen at most half its age late, and a long one still costs few polls
            // once the interval reaches the cap
            interval = Math.min(interval + Math.max(1, interval / 2), MAX_POLL_INTERVAL);
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
        Chunk current = chunk;
        if (current == null || !current.contains(pos)) {
            current = fetchChunk(pos);
            if (current == null) {
                // the offset is at the end of the file
                return new Slice(List.of(), pos, true);
            }
            chunk = current;
        }
        try {
            Slice slice = current.read(pos, rows, mapper);
            if (slice.endOfFile) {
                chunk = null;
            }
            return slice;
        } catch (IOException e) {
            throw new MarketoException(OPERATION, null, "cannot parse export file " + pos.exportId() + ": " + e.getMessage(),
                    null, null, e);
        }
    }

    /**
     * Fetches the chunk that starts at the position's offset, grown until it holds at least one whole row; null when
     * the offset is at the end of the file. A server that ignores {@code Range} answers the whole file (200): then
     * the rows of this page are read from it and the connection is dropped.
     */
    private Chunk fetchChunk(ExtractPosition pos) {
        String url = transport.urls().bulk() + "/v1/leads/export/" + pos.exportId() + "/file.json";
        long size = chunkBytes;
        while (true) {
            long last = pos.offset() + size - 1;
            RestRequest request = RestRequest.get(OPERATION, url).header("Range", "bytes=" + pos.offset() + "-" + last);
            long requested = size;
            Chunk fetched = transport.stream(request, response -> readChunk(response, pos, requested));
            if (fetched == null || fetched.usable() > 0 || fetched.endOfFile()) {
                return fetched;
            }
            // one row is longer than the chunk: ask for more
            size *= 2;
        }
    }

    private Chunk readChunk(ClassicHttpResponse response, ExtractPosition pos, long size) throws IOException, CallFailure {
        int status = response.getCode();
        if (status == 416) {
            return null;
        }
        if (status != 200 && status != 206) {
            byte[] body = transport.body(response);
            transport.parseEnvelope(status, response.getReasonPhrase(), body);
            throw new CallFailure(FailureKind.PERMANENT, Integer.toString(status), "unexpected HTTP status for an export file", null, null);
        }
        int max = (int) Math.min(size, Integer.MAX_VALUE - 16);
        byte[] bytes;
        boolean endOfFile;
        try (InputStream in = RestTransport.content(response)) {
            if (status == 200) {
                // the server ignored the Range header and sent the whole file: skip to the offset, keep one chunk,
                // and drop the connection (it is not drained)
                long skipped = in.skip(pos.offset());
                while (skipped < pos.offset() && in.read() >= 0) {
                    skipped++;
                }
                bytes = in.readNBytes(max);
                endOfFile = bytes.length < max || in.read() < 0;
            } else {
                bytes = in.readNBytes(max);
                long total = totalLength(response.getFirstHeader("Content-Range") == null
                        ? null : response.getFirstHeader("Content-Range").getValue());
                endOfFile = total >= 0 ? pos.offset() + bytes.length >= total : bytes.length < max;
            }
        }
        if (bytes.length == 0 && endOfFile) {
            return null;
        }
        int usable = endOfFile ? bytes.length : lastRowEnd(bytes);
        return new Chunk(pos.exportId(), pos.offset(), bytes, usable, endOfFile);
    }

    /** Length after the last row terminator (LF outside quotes) of a chunk that starts at a row boundary. */
    static int lastRowEnd(byte[] bytes) {
        boolean inQuotes = false;
        int end = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                inQuotes = !inQuotes;
            } else if (b == '\n' && !inQuotes) {
                end = i + 1;
            }
        }
        return end;
    }

    /** The total of {@code Content-Range: bytes a-b/total}, or -1 when absent or {@code *}. */
    static long totalLength(String contentRange) {
        if (contentRange == null) {
            return -1;
        }
        int slash = contentRange.lastIndexOf('/');
        try {
            return slash < 0 ? -1 : Long.parseLong(contentRange.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
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

    /**
     * Bytes {@code [start, start + usable)} of an export file, whole rows only, held while their pages are read.
     *
     * @param endOfFile whether the file ends at {@code start + usable}
     */
    private record Chunk(String exportId, long start, byte[] bytes, int usable, boolean endOfFile) {

        /** Whether the position's next row is in this chunk (a position at its end is not: the next chunk is). */
        boolean contains(ExtractPosition pos) {
            return exportId.equals(pos.exportId()) && pos.offset() >= start
                   && (pos.offset() < start + usable || endOfFile && pos.offset() == start + usable);
        }

        Slice read(ExtractPosition pos, int rows, RestLeadMapper mapper) throws IOException {
            int from = (int) (pos.offset() - start);
            CsvRowReader reader = new CsvRowReader(bytes, from, usable);
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
            boolean atEnd = endOfFile && reader.atEnd();
            return new Slice(leads, pos.at(pos.offset() + reader.consumed(), header), atEnd);
        }
    }
}

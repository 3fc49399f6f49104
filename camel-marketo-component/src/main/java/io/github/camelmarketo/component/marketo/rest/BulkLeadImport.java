package io.github.camelmarketo.component.marketo.rest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.component.marketo.model.ImportResult;
import io.github.camelmarketo.component.marketo.model.ImportRow;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.support.CallFailure;
import io.github.camelmarketo.component.support.FailureKind;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * importLeads over the Bulk Lead Import API: the input is cut into CSV files of at most 10 MB
 * ({@link ImportFileSplitter}); each file is uploaded ({@code POST /bulk/v1/leads.json}, multipart, {@code format=csv},
 * {@code lookupField}, {@code partitionName}, {@code listId}), its batch polled ({@code GET
 * /bulk/v1/leads/batch/{batchId}.json}, intervals from {@code importPollInterval} doubling up to 60 s) until
 * Complete, and when it reports failed or warned rows its {@code failures.json} / {@code warnings.json} file is read
 * and each row matched back to its input record. Files go one after the other, so memory holds one file. A full
 * import queue (1016) is waited out, as the upload provably did not happen; a Failed batch or one unfinished after
 * {@code importJobTimeout} fails clearly with the batch id.
 */
final class BulkLeadImport {

    private static final Logger LOG = LoggerFactory.getLogger(BulkLeadImport.class);
    private static final String OPERATION = "importLeads";
    private static final String TOO_MANY_IMPORTS = "1016";
    private static final long MAX_POLL_INTERVAL = 60_000;

    private final RestTransport transport;
    private final RestLeadMapper mapper;
    private final long pollIntervalMillis;
    private final long jobTimeoutMillis;
    private final int maxFileBytes;

    BulkLeadImport(RestTransport transport, RestLeadMapper mapper, long pollIntervalMillis, long jobTimeoutMillis,
                   int maxFileBytes) {
        this.transport = transport;
        this.mapper = mapper;
        this.pollIntervalMillis = Math.max(1, pollIntervalMillis);
        this.jobTimeoutMillis = jobTimeoutMillis;
        this.maxFileBytes = maxFileBytes;
    }

    ImportResult importLeads(Iterator<Lead> leads, String lookupField, String partitionName, Long listId) {
        return run(ImportFileSplitter.ofLeads(mapper, maxFileBytes, leads), lookupField, partitionName, listId);
    }

    ImportResult importCsv(InputStream csv, String lookupField, String partitionName, Long listId) {
        InputStream in = csv instanceof BufferedInputStream ? csv : new BufferedInputStream(csv, 64 * 1024);
        return run(ImportFileSplitter.ofCsv(mapper, maxFileBytes, in), lookupField, partitionName, listId);
    }

    private ImportResult run(ImportFileSplitter files, String lookupField, String partitionName, Long listId) {
        List<Long> batchIds = new ArrayList<>();
        List<ImportRow> failures = new ArrayList<>();
        List<ImportRow> warnings = new ArrayList<>();
        long rows = 0;
        long imported = 0;
        long failed = 0;
        long warned = 0;
        while (files.hasNext()) {
            ImportFile file = files.next();
            long batchId = submit(file, lookupField, partitionName, listId);
            batchIds.add(batchId);
            JsonNode batch = awaitComplete(batchId);
            rows += file.leads().size();
            imported += batch.path("numOfLeadsProcessed").asLong();
            long batchFailed = batch.path("numOfRowsFailed").asLong();
            long batchWarned = batch.path("numOfRowsWithWarning").asLong();
            failed += batchFailed;
            warned += batchWarned;
            if (batchFailed > 0) {
                failures.addAll(rowsOf(batchId, "failures", file));
            }
            if (batchWarned > 0) {
                warnings.addAll(rowsOf(batchId, "warnings", file));
            }
            LOG.debug("Import batch {}: {} rows, {} imported, {} failed, {} warned", batchId, file.leads().size(),
                    batch.path("numOfLeadsProcessed").asLong(), batchFailed, batchWarned);
        }
        if (batchIds.isEmpty()) {
            throw new IllegalArgumentException("importLeads needs at least one lead (or CSV data row) in the body");
        }
        return new ImportResult(batchIds, rows, imported, failed, warned, failures, warnings);
    }

    /** Uploads one file; waits while the instance's import queue is full (1016). */
    private long submit(ImportFile file, String lookupField, String partitionName, Long listId) {
        long deadline = System.nanoTime() + jobTimeoutMillis * 1_000_000L;
        long interval = pollIntervalMillis;
        while (true) {
            RestRequest request = RestRequest.post(OPERATION, transport.urls().bulk() + "/v1/leads.json")
                    .param("format", "csv").param("lookupField", lookupField).param("partitionName", partitionName)
                    .param("listId", listId)
                    .entity(MultipartEntityBuilder.create()
                            .addBinaryBody("file", file.csv(), ContentType.create("text/csv", "UTF-8"), "leads.csv")
                            .build());
            try {
                RestEnvelope envelope = transport.call(request);
                JsonNode batch = envelope.result().isEmpty() ? null : envelope.result().get(0);
                if (batch == null || !batch.hasNonNull("batchId")) {
                    throw new MarketoException(OPERATION, null, "bulk import returned no batchId", envelope.requestId(), null);
                }
                return batch.get("batchId").asLong();
            } catch (MarketoException e) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000L;
                if (!TOO_MANY_IMPORTS.equals(e.getCode()) || remaining <= 0) {
                    throw e;
                }
                LOG.debug("Import queue full (1016), uploading again in {} ms", Math.min(interval, remaining));
                sleep(Math.min(interval, remaining));
                interval = Math.min(interval * 2, MAX_POLL_INTERVAL);
            }
        }
    }

    private JsonNode awaitComplete(long batchId) {
        long deadline = System.nanoTime() + jobTimeoutMillis * 1_000_000L;
        long interval = pollIntervalMillis;
        String url = transport.urls().bulk() + "/v1/leads/batch/" + batchId + ".json";
        while (true) {
            RestEnvelope status = transport.call(RestRequest.get(OPERATION, url));
            JsonNode batch = status.result().isEmpty() ? transport.mapper().createObjectNode() : status.result().get(0);
            String state = RestEnvelope.text(batch, "status");
            if ("Complete".equals(state)) {
                return batch;
            }
            if ("Failed".equals(state)) {
                throw new MarketoException(OPERATION, null, "bulk import batch " + batchId + " Failed: "
                                                            + RestEnvelope.text(batch, "message"),
                        status.requestId(), "Check the CSV header (REST field names) and lookupField");
            }
            long remaining = (deadline - System.nanoTime()) / 1_000_000L;
            if (remaining <= 0) {
                throw new MarketoException(OPERATION, null, "bulk import batch " + batchId + " still " + state + " after "
                                                            + jobTimeoutMillis + " ms",
                        status.requestId(), "The batch may still complete on Marketo's side; raise importJobTimeout "
                                            + "if the import queue is busy");
            }
            sleep(Math.min(interval, remaining));
            interval = Math.min(interval * 2, MAX_POLL_INTERVAL);
        }
    }

    /**
     * The rows of a failures/warnings file, matched to the file's input rows: the file repeats each row as uploaded
     * (in upload order) plus the reason in its last column.
     */
    private List<ImportRow> rowsOf(long batchId, String kind, ImportFile file) {
        String url = transport.urls().bulk() + "/v1/leads/batch/" + batchId + "/" + kind + ".json";
        List<List<String>> reported = transport.stream(RestRequest.get(OPERATION, url), response -> readCsv(response));
        List<ImportRow> result = new ArrayList<>();
        int cursor = 0;
        for (List<String> row : reported.subList(Math.min(1, reported.size()), reported.size())) {
            if (row.isEmpty()) {
                continue;
            }
            String reason = row.get(row.size() - 1);
            List<String> cells = row.subList(0, row.size() - 1);
            int match = -1;
            for (int i = cursor; i < file.cells().size(); i++) {
                if (sameCells(file.cells().get(i), cells)) {
                    match = i;
                    break;
                }
            }
            if (match >= 0) {
                result.add(new ImportRow(file.firstIndex() + match, file.leads().get(match), reason));
                cursor = match + 1;
            } else {
                result.add(new ImportRow(-1, mapper.toLead(reported.get(0), cells), reason));
            }
        }
        return result;
    }

    private List<List<String>> readCsv(ClassicHttpResponse response) throws IOException, CallFailure {
        if (response.getCode() != 200) {
            byte[] body = transport.body(response);
            transport.parseEnvelope(response.getCode(), response.getReasonPhrase(), body);
            throw new CallFailure(FailureKind.PERMANENT, Integer.toString(response.getCode()),
                    "unexpected HTTP status for an import result file", null, null);
        }
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(RestTransport.content(response), 16 * 1024)) {
            CsvRowReader reader = new CsvRowReader(in);
            for (List<String> row = reader.nextRow(); row != null; row = reader.nextRow()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static boolean sameCells(List<String> sent, List<String> reported) {
        int n = Math.max(sent.size(), reported.size());
        for (int i = 0; i < n; i++) {
            String a = i < sent.size() ? sent.get(i) : "";
            String b = i < reported.size() ? reported.get(i) : "";
            if (!a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketoException(OPERATION, null, "interrupted while waiting for a bulk import batch", null, null, e);
        }
    }
}

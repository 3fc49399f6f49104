package io.github.camelmarketo.emulator.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmarketo.emulator.core.LeadField;

/** One Bulk Lead Extract job and, once processed, its file (a snapshot taken when processing started). */
final class ExportJob {

    /** Job states, as the vendor names them. */
    enum Status {
        Created,
        Queued,
        Processing,
        Completed,
        Failed,
        Cancelled
    }

    private final String id;
    private final long sequence;
    private final String format;
    private final List<LeadField> fields;
    private final List<String> headers;
    private final ExportFilter filter;
    private final Instant createdAt;
    private Status status = Status.Created;
    private Instant queuedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private boolean ready;
    private ExportFile file;

    ExportJob(String id, long sequence, String format, List<LeadField> fields, List<String> headers,
              ExportFilter filter, Instant createdAt) {
        this.id = id;
        this.sequence = sequence;
        this.format = format;
        this.fields = fields;
        this.headers = headers;
        this.filter = filter;
        this.createdAt = createdAt;
    }

    String id() {
        return id;
    }

    long sequence() {
        return sequence;
    }

    String format() {
        return format;
    }

    List<LeadField> fields() {
        return fields;
    }

    List<String> headers() {
        return headers;
    }

    ExportFilter filter() {
        return filter;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** When the job reached Completed, Failed or Cancelled; null before. */
    synchronized Instant finishedAt() {
        return finishedAt;
    }

    /** Size of the completed job's file in bytes, 0 without one. */
    synchronized long fileSize() {
        return status == Status.Completed && file != null ? file.bytes().length : 0;
    }

    synchronized Status status() {
        return status;
    }

    synchronized void queued(Instant at) {
        status = Status.Queued;
        queuedAt = at;
    }

    /** Marks a queued job as past its queueing delay, so the next free slot may take it. */
    synchronized void ready() {
        ready = true;
    }

    synchronized boolean isReady() {
        return ready && status == Status.Queued;
    }

    synchronized void processing(Instant at, ExportFile snapshot) {
        status = Status.Processing;
        startedAt = at;
        file = snapshot;
    }

    synchronized void finish(Status finalStatus, Instant at) {
        status = finalStatus;
        finishedAt = at;
        if (finalStatus != Status.Completed) {
            file = null;
        }
    }

    /** The file of a completed job, else null. */
    synchronized ExportFile file() {
        return status == Status.Completed ? file : null;
    }

    synchronized ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("exportId", id);
        node.put("format", format);
        node.put("status", status.name());
        node.put("createdAt", Json.date(createdAt));
        if (queuedAt != null) {
            node.put("queuedAt", Json.date(queuedAt));
        }
        if (startedAt != null) {
            node.put("startedAt", Json.date(startedAt));
        }
        if (finishedAt != null) {
            node.put("finishedAt", Json.date(finishedAt));
        }
        if (status == Status.Completed) {
            node.put("numberOfRecords", file.records());
            node.put("fileSize", file.bytes().length);
            node.put("fileChecksum", file.checksum());
        }
        return node;
    }
}

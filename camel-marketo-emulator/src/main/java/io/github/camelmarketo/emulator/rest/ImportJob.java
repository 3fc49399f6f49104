package io.github.camelmarketo.emulator.rest;

import java.time.Instant;

import io.github.camelmarketo.emulator.core.LeadField;

/**
 * One Bulk Lead Import batch: the uploaded file and its options, then its progress
 * ({@code Queued -> Importing -> Complete | Failed}), counts, message and the failure and warning files (the
 * failed/warned rows as uploaded plus an {@code Import Failure Reason} / {@code Import Warning Reason} column).
 * Guarded by the {@link ImportQueue}'s lock.
 */
final class ImportJob {

    /** Batch states as the vendor names them. */
    enum Status {
        Queued,
        Importing,
        Complete,
        Failed
    }

    /** What processing the file produced. */
    record Outcome(Status status, int imported, int failed, int warned, String message, String failures,
                   String warnings) {
    }

    private final int batchId;
    private final long sequence;
    private final char separator;
    private final LeadField lookupField;
    private final String partitionName;
    private final Integer listId;
    private final Instant queuedAt;
    private final int fileBytes;
    private byte[] file;
    private Status status = Status.Queued;
    private boolean ready;
    private Outcome outcome;

    ImportJob(int batchId, long sequence, byte[] file, char separator, LeadField lookupField, String partitionName,
              Integer listId, Instant queuedAt) {
        this.batchId = batchId;
        this.sequence = sequence;
        this.file = file;
        this.fileBytes = file.length;
        this.separator = separator;
        this.lookupField = lookupField;
        this.partitionName = partitionName;
        this.listId = listId;
        this.queuedAt = queuedAt;
    }

    int batchId() {
        return batchId;
    }

    long sequence() {
        return sequence;
    }

    char separator() {
        return separator;
    }

    LeadField lookupField() {
        return lookupField;
    }

    String partitionName() {
        return partitionName;
    }

    Integer listId() {
        return listId;
    }

    Instant queuedAt() {
        return queuedAt;
    }

    int fileBytes() {
        return fileBytes;
    }

    byte[] file() {
        return file;
    }

    Status status() {
        return status;
    }

    boolean isReady() {
        return ready && status == Status.Queued;
    }

    void ready() {
        ready = true;
    }

    void importing() {
        status = Status.Importing;
    }

    /** Records the outcome and drops the uploaded file. */
    void finish(Outcome outcome) {
        this.outcome = outcome;
        this.status = outcome.status();
        this.file = null;
    }

    /** The outcome once Complete or Failed, else null. */
    Outcome outcome() {
        return outcome;
    }
}

package io.github.camelmarketo.emulator.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.camelmarketo.emulator.core.LeadField;
import io.github.camelmarketo.emulator.rest.ImportJob.Status;

/**
 * The Bulk Lead Import queue with the vendor's limits: files of at most 10 MB and at most 10 batches Queued or
 * Importing per instance (1016 "Too many imports" beyond). Batches import one at a time, oldest first: a batch
 * becomes eligible {@code queuedDelay} after its upload, imports its rows, and is Complete {@code processingDelay}
 * after its rows are in the store.
 */
final class ImportQueue {

    static final int MAX_QUEUED = 10;
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    static final String TOO_MANY_IMPORTS = "1016";
    static final Duration DEFAULT_QUEUED_DELAY = Duration.ofMillis(100);
    static final Duration DEFAULT_PROCESSING_DELAY = Duration.ofMillis(200);

    private final Clock clock;
    private final ImportProcessor processor;
    private final Map<Integer, ImportJob> jobs = new LinkedHashMap<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private Duration queuedDelay = DEFAULT_QUEUED_DELAY;
    private Duration processingDelay = DEFAULT_PROCESSING_DELAY;
    private ImportJob importing;
    private long generation;
    private long sequence;
    private int nextBatchId = 1001;

    ImportQueue(Clock clock, ImportProcessor processor) {
        this.clock = clock;
        this.processor = processor;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "marketo-emulator-bulk-import");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setKeepAliveTime(2, TimeUnit.SECONDS);
        scheduler.allowCoreThreadTimeOut(true);
        scheduler.setRemoveOnCancelPolicy(true);
    }

    synchronized void timing(Duration queued, Duration processing) {
        this.queuedDelay = queued;
        this.processingDelay = processing;
    }

    /** Queues a batch; 1003 for a file over 10 MB, 1016 when 10 batches are queued or importing already. */
    synchronized ImportJob submit(byte[] file, char separator, LeadField lookupField, String partitionName,
                                  Integer listId) {
        if (file.length > MAX_FILE_BYTES) {
            throw RestApiException.invalid("File size " + file.length + " bytes exceeds the limit of " + MAX_FILE_BYTES
                                           + " bytes (10 MB)");
        }
        long waiting = jobs.values().stream().filter(j -> j.status() == Status.Queued || j.status() == Status.Importing)
                .count();
        if (waiting >= MAX_QUEUED) {
            throw new RestApiException(TOO_MANY_IMPORTS, "Too many imports: " + MAX_QUEUED
                                                         + " import batches are queued or importing already");
        }
        ImportJob job = new ImportJob(nextBatchId++, ++sequence, file, separator, lookupField, partitionName, listId,
                clock.instant());
        jobs.put(job.batchId(), job);
        long scheduledIn = generation;
        scheduler.schedule(() -> ready(job, scheduledIn), queuedDelay.toMillis(), TimeUnit.MILLISECONDS);
        return job;
    }

    /** The batch, or 1003 naming the unknown id. */
    synchronized ImportJob job(int batchId) {
        ImportJob job = jobs.get(batchId);
        if (job == null) {
            throw RestApiException.invalid("Import batch " + batchId + " not found");
        }
        return job;
    }

    synchronized List<ImportJob> jobs() {
        return new ArrayList<>(jobs.values());
    }

    private synchronized void ready(ImportJob job, long scheduledIn) {
        if (scheduledIn == generation) {
            job.ready();
            pump();
        }
    }

    /** Starts the oldest eligible batch when none is importing. */
    private void pump() {
        if (importing != null) {
            return;
        }
        for (ImportJob job : jobs.values()) {
            if (job.isReady()) {
                importing = job;
                job.importing();
                long scheduledIn = generation;
                scheduler.execute(() -> run(job, scheduledIn));
                return;
            }
        }
    }

    private void run(ImportJob job, long scheduledIn) {
        ImportJob.Outcome outcome;
        try {
            outcome = processor.process(job);
        } catch (RuntimeException e) {
            outcome = new ImportJob.Outcome(Status.Failed, 0, 0, 0, "Import failed: " + e.getMessage(), "", "");
        }
        ImportJob.Outcome result = outcome;
        long delay;
        synchronized (this) {
            delay = processingDelay.toMillis();
        }
        scheduler.schedule(() -> complete(job, scheduledIn, result), delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void complete(ImportJob job, long scheduledIn, ImportJob.Outcome outcome) {
        if (scheduledIn == generation) {
            job.finish(outcome);
            importing = null;
            pump();
        }
    }

    /** Drops every batch and restores the default timing. */
    synchronized void reset() {
        generation++;
        jobs.clear();
        importing = null;
        scheduler.getQueue().clear();
        queuedDelay = DEFAULT_QUEUED_DELAY;
        processingDelay = DEFAULT_PROCESSING_DELAY;
    }

    synchronized void stop() {
        generation++;
        scheduler.getQueue().clear();
    }
}

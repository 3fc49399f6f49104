package io.github.camelmarketo.emulator.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.camelmarketo.emulator.core.LeadStore;
import io.github.camelmarketo.emulator.rest.ExportJob.Status;

/**
 * The extract job queue with the vendor's limits: at most 2 jobs Processing and 10 Queued (1029 beyond). A queued
 * job becomes eligible after {@code queuedDelay}; when a slot is free it starts Processing, which snapshots the
 * selected leads into its file, and Completes {@code processingDelay} later.
 */
final class ExportQueue {

    static final int MAX_PROCESSING = 2;
    static final int MAX_QUEUED = 10;
    static final Duration DEFAULT_QUEUED_DELAY = Duration.ofMillis(200);
    static final Duration DEFAULT_PROCESSING_DELAY = Duration.ofMillis(300);

    private final LeadStore store;
    private final ExportLimits limits;
    private final Clock clock;
    private final Map<String, ExportJob> jobs = new LinkedHashMap<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private Duration queuedDelay = DEFAULT_QUEUED_DELAY;
    private Duration processingDelay = DEFAULT_PROCESSING_DELAY;
    /** Bumped by reset so tasks scheduled before it do nothing. */
    private long generation;
    private long sequence;

    ExportQueue(LeadStore store, ExportLimits limits) {
        this.store = store;
        this.limits = limits;
        this.clock = store.clock();
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "marketo-emulator-bulk-export");
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

    synchronized long nextSequence() {
        return ++sequence;
    }

    synchronized void add(ExportJob job) {
        jobs.put(job.id(), job);
    }

    /** The job, or 1003 naming the unknown id (also for a job finished more than 30 days ago). */
    synchronized ExportJob job(String exportId) {
        ExportJob job = jobs.get(exportId);
        if (job != null && limits.statusExpired(job)) {
            jobs.remove(exportId);
            job = null;
        }
        if (job == null) {
            throw RestApiException.invalid("Export job '" + exportId + "' not found");
        }
        return job;
    }

    synchronized List<ExportJob> jobs() {
        List<ExportJob> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparingLong(ExportJob::sequence));
        return all;
    }

    /** 1029 when today's export allowance is used up. */
    synchronized void checkAllowance() {
        limits.checkAllowance(jobs());
    }

    /** Bytes of files completed today (US Central day of the emulator clock). */
    synchronized long exportedToday() {
        return limits.usedToday(jobs());
    }

    /** Created -> Queued; 1029 when the job is not new, 10 jobs are queued already or the allowance is used up. */
    synchronized void enqueue(ExportJob job) {
        if (job.status() != Status.Created) {
            throw new RestApiException(RestErrors.TOO_MANY_JOBS, "Job already queued: export " + job.id() + " is "
                                                                 + job.status());
        }
        checkAllowance();
        if (count(Status.Queued) >= MAX_QUEUED) {
            throw new RestApiException(RestErrors.TOO_MANY_JOBS, "Too many jobs in queue: " + MAX_QUEUED
                                                                 + " export jobs are queued already");
        }
        job.queued(clock.instant());
        long scheduledIn = generation;
        scheduler.schedule(() -> ready(job, scheduledIn), queuedDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Cancels a job that has not finished; 1003 otherwise. */
    synchronized void cancel(ExportJob job) {
        Status status = job.status();
        if (status == Status.Completed || status == Status.Failed || status == Status.Cancelled) {
            throw RestApiException.invalid("Export job " + job.id() + " is " + status + " and cannot be cancelled");
        }
        job.finish(Status.Cancelled, clock.instant());
        pump();
    }

    private synchronized void ready(ExportJob job, long scheduledIn) {
        if (scheduledIn == generation) {
            job.ready();
            pump();
        }
    }

    /** Starts eligible queued jobs, oldest first, while a processing slot is free. */
    private void pump() {
        for (ExportJob job : jobs()) {
            if (count(Status.Processing) >= MAX_PROCESSING) {
                return;
            }
            if (job.isReady()) {
                job.processing(clock.instant(), ExportFile.render(job.filter().select(store), job.fields(),
                        job.headers(), job.format()));
                long scheduledIn = generation;
                scheduler.schedule(() -> complete(job, scheduledIn), processingDelay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private synchronized void complete(ExportJob job, long scheduledIn) {
        if (scheduledIn == generation && job.status() == Status.Processing) {
            job.finish(Status.Completed, clock.instant());
            pump();
        }
    }

    private int count(Status status) {
        return (int) jobs.values().stream().filter(j -> j.status() == status).count();
    }

    /** Drops every job and restores the default timing. */
    synchronized void reset() {
        generation++;
        jobs.clear();
        scheduler.getQueue().clear();
        queuedDelay = DEFAULT_QUEUED_DELAY;
        processingDelay = DEFAULT_PROCESSING_DELAY;
    }

    /** Forgets scheduled steps; the idle scheduler thread ends by itself, and a restart schedules anew. */
    synchronized void stop() {
        generation++;
        scheduler.getQueue().clear();
    }
}

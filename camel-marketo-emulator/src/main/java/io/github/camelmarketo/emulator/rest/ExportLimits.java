package io.github.camelmarketo.emulator.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.github.camelmarketo.emulator.core.VendorLimits;
import io.github.camelmarketo.emulator.rest.ExportJob.Status;

/**
 * The subscription-level rules of Bulk Lead Extract, from the vendor's Bulk Extract page: whether the
 * {@code updatedAt} filter is available (1035 where it is not), the daily export allowance (500 MB of completed
 * files a day by default, reset at midnight US Central; create and enqueue answer 1029 "Export daily quota exceeded"
 * once it is used up), file retention (7 days after completion) and job status retention (30 days, per the OpenAPI
 * document). All settable at run time; {@link #reset} restores the builder's values.
 */
final class ExportLimits {

    /** The vendor's default daily export allocation. */
    static final long DEFAULT_DAILY_BYTES = 500L * 1024 * 1024;
    static final Duration FILE_RETENTION = Duration.ofDays(7);
    static final Duration STATUS_RETENTION = Duration.ofDays(30);
    /** export.json lists the jobs created in the past 7 days. */
    static final Duration LIST_WINDOW = Duration.ofDays(7);

    private final Clock clock;
    private final boolean defaultUpdatedAtFilter;
    private final long defaultDailyBytes;
    private volatile boolean updatedAtFilter;
    private volatile long dailyBytes;

    ExportLimits(Clock clock, boolean updatedAtFilter, long dailyBytes) {
        this.clock = clock;
        this.defaultUpdatedAtFilter = updatedAtFilter;
        this.defaultDailyBytes = dailyBytes;
        reset();
    }

    void reset() {
        updatedAtFilter = defaultUpdatedAtFilter;
        dailyBytes = defaultDailyBytes;
    }

    void updatedAtFilter(boolean supported) {
        this.updatedAtFilter = supported;
    }

    void dailyBytes(long bytes) {
        this.dailyBytes = bytes;
    }

    /** 1035 for an {@code updatedAt} filter on a subscription without it. */
    void checkFilter(ExportFilter filter) {
        if (!updatedAtFilter && filter.updatedFrom() != null) {
            throw new RestApiException(RestErrors.UNSUPPORTED_FILTER,
                    "Unsupported filter type for target subscription: updatedAt");
        }
    }

    /** 1029 when today's completed files (US Central day) reach the allowance; {@code dailyBytes <= 0}: none. */
    void checkAllowance(List<ExportJob> jobs) {
        long used = usedToday(jobs);
        if (dailyBytes > 0 && used >= dailyBytes) {
            throw new RestApiException(RestErrors.TOO_MANY_JOBS, "Export daily quota exceeded: " + used + " bytes of "
                                                                 + dailyBytes + " exported today; the quota resets at midnight US Central time");
        }
    }

    /** Bytes of the files of jobs completed today (US Central). */
    long usedToday(List<ExportJob> jobs) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), VendorLimits.QUOTA_ZONE);
        long used = 0;
        for (ExportJob job : jobs) {
            Instant finished = job.finishedAt();
            if (job.status() == Status.Completed && finished != null
                && LocalDate.ofInstant(finished, VendorLimits.QUOTA_ZONE).equals(today)) {
                used += job.fileSize();
            }
        }
        return used;
    }

    /** Whether a completed job's file is past its retention. */
    boolean fileExpired(ExportJob job) {
        Instant finished = job.finishedAt();
        return finished != null && clock.instant().isAfter(finished.plus(FILE_RETENTION));
    }

    /** Whether a finished job is past the status retention (then it is unknown). */
    boolean statusExpired(ExportJob job) {
        Instant finished = job.finishedAt();
        return finished != null && clock.instant().isAfter(finished.plus(STATUS_RETENTION));
    }

    /** Whether export.json still lists the job. */
    boolean listed(ExportJob job) {
        return !clock.instant().isAfter(job.createdAt().plus(LIST_WINDOW));
    }
}

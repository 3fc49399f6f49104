package io.github.camelmarketo.emulator.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.undertow.server.handlers.PathHandler;

/**
 * Marketo REST API: identity ({@code /identity/oauth/token}), the Leads, static list, partition, program,
 * campaign and membership endpoints under {@code /rest/v1}, Bulk Lead Extract under {@code /bulk/v1/leads/export}
 * and Bulk Lead Import under {@code /bulk/v1/leads.json}. Every {@code /rest}
 * and {@code /bulk} call passes the vendor limits, injected faults and token check of {@link RestHandler}.
 */
public final class RestApi {

    private final MarketoEmulator emulator;
    private final TokenService tokens;
    private final ProgramCatalog programs = new ProgramCatalog();
    private final ExportLimits exportLimits;
    private final ExportQueue exports;
    private final CampaignsResource campaigns;
    private final LeadMapper mapper;
    private final LeadSync sync;
    private final ImportQueue imports;
    private volatile int activityScanLimit;
    private volatile Instant seededAt;

    public RestApi(MarketoEmulator emulator) {
        this.emulator = emulator;
        this.tokens = new TokenService(emulator.clock());
        this.seededAt = emulator.clock().instant();
        MarketoEmulator.Settings settings = emulator.settings();
        this.exportLimits = new ExportLimits(emulator.clock(), settings.exportUpdatedAtFilter(),
                settings.exportDailyBytes());
        this.exports = new ExportQueue(emulator.store(), exportLimits);
        this.activityScanLimit = settings.activityScanLimit();
        this.campaigns = new CampaignsResource(emulator.store(), programs);
        this.mapper = new LeadMapper(emulator.store());
        this.sync = new LeadSync(emulator.store(), mapper);
        this.imports = new ImportQueue(emulator.clock(), new ImportProcessor(emulator.store(), mapper, sync));
    }

    /** Registers this API's handlers on the emulator's single HTTP port. */
    public void mount(PathHandler paths) {
        Router identity = new Router();
        new IdentityResource(emulator, tokens).register(identity);
        paths.addPrefixPath("/identity", new RestHandler(emulator, tokens, identity, false));

        Router router = new Router();
        new LeadsResource(emulator.store(), mapper).register(router);
        sync.register(router);
        new ImportResource(emulator.store(), mapper, imports).register(router);
        new LeadMaintenance(emulator.store(), programs).register(router);
        new ListsResource(emulator.store(), mapper, () -> seededAt).register(router);
        new ProgramsResource(emulator.store(), mapper, programs, sync).register(router);
        new ExportResource(emulator.store(), mapper, exports, exportLimits).register(router);
        new ActivitiesResource(emulator.store(), mapper, () -> activityScanLimit).register(router);
        new PartitionsResource(emulator.store(), () -> emulator.soap().workspaceNames()).register(router);
        campaigns.register(router);
        RestHandler handler = new RestHandler(emulator, tokens, router, true);
        paths.addPrefixPath("/rest", handler);
        paths.addPrefixPath("/bulk", handler);
    }

    /** Every access token the identity service issued since the last reset. */
    public Set<String> issuedTokens() {
        return tokens.issued();
    }

    /** Drops per-run state (tokens, jobs, ...); the lead store is reset by the emulator. */
    public void reset() {
        tokens.clear();
        seededAt = emulator.clock().instant();
        exports.reset();
        campaigns.reset();
        imports.reset();
        exportLimits.reset();
        activityScanLimit = emulator.settings().activityScanLimit();
        List<Integer> leadIds = new ArrayList<>();
        emulator.store().changesAfter(0, null, null, Integer.MAX_VALUE).forEach(l -> leadIds.add(l.getId()));
        Collections.sort(leadIds);
        programs.seed(leadIds, seededAt);
    }

    /**
     * Step timing of Bulk Lead Extract jobs (fast by default: 200 ms queued, 300 ms processing); back to the defaults
     * on {@link #reset()}. Long delays keep jobs Queued or Processing, e.g. to provoke 1029.
     *
     * @param queued     how long an enqueued job waits before it may start processing
     * @param processing how long a job stays Processing before it is Completed
     */
    public void exportTiming(Duration queued, Duration processing) {
        exports.timing(queued, processing);
    }

    /**
     * Smart campaign runs accepted since the last {@link #reset()}, in arrival order: Request Campaign
     * ({@code trigger.json}) and Schedule Campaign ({@code schedule.json}) calls.
     */
    public List<CampaignRun> campaignRuns() {
        return campaigns.runs();
    }

    /**
     * Step timing of Bulk Lead Import batches (fast by default: 100 ms queued, 200 ms after the rows are imported);
     * back to the defaults on {@link #reset()}. Long delays keep batches Queued, e.g. to fill the queue (1016).
     *
     * @param queued     how long an uploaded batch waits before it may start importing
     * @param processing how long a batch stays Importing after its rows are in the store
     */
    public void importTiming(Duration queued, Duration processing) {
        imports.timing(queued, processing);
    }

    /** Sizes in bytes of the files uploaded to Bulk Lead Import since the last {@link #reset()}, in upload order. */
    public List<Integer> importFileSizes() {
        List<Integer> sizes = new ArrayList<>();
        imports.jobs().forEach(job -> sizes.add(job.fileBytes()));
        return sizes;
    }

    /**
     * Whether Bulk Lead Extract accepts the {@code updatedAt} filter; {@code false} makes {@code create.json} answer
     * 1035 for it, as subscriptions without the filter do. Back to the builder's value on {@link #reset()}.
     */
    public void exportUpdatedAtFilter(boolean supported) {
        exportLimits.updatedAtFilter(supported);
    }

    /**
     * The daily export allowance in bytes of completed files (vendor default 500 MB, {@code <= 0}: none); once used
     * up, create and enqueue answer 1029 until midnight US Central on the emulator's clock.
     */
    public void exportDailyQuota(long bytes) {
        exportLimits.dailyBytes(bytes);
    }

    /** Bytes of export files completed today (US Central day of the emulator's clock). */
    public long exportedToday() {
        return exports.exportedToday();
    }

    /**
     * How many activities one activity read examines at most (default 1,000); a read that finds nothing in that
     * stretch answers an empty page with {@code moreResult=true}.
     */
    public void activityScanLimit(int activities) {
        if (activities < 1) {
            throw new IllegalArgumentException("activityScanLimit must be at least 1, was " + activities);
        }
        this.activityScanLimit = activities;
    }

    /** Releases resources when the emulator stops. */
    public void stop() {
        exports.stop();
        imports.stop();
    }
}

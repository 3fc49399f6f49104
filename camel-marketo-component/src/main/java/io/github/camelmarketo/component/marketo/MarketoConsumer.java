package io.github.camelmarketo.component.marketo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.Set;

import io.github.camelmarketo.component.marketo.client.MarketoRestOperations;
import io.github.camelmarketo.component.marketo.consumer.CursorStore;
import io.github.camelmarketo.component.marketo.consumer.LeadChangePager;
import io.github.camelmarketo.component.marketo.consumer.LeadChangePosition;
import io.github.camelmarketo.component.marketo.consumer.LeadCursor;
import io.github.camelmarketo.component.marketo.consumer.PageCommit;
import io.github.camelmarketo.component.marketo.health.MarketoConsumerHealthCheck;
import io.github.camelmarketo.component.marketo.model.ChangedLead;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoQuotaExceededException;
import io.github.camelmarketo.component.support.CallBudgetExceededException;
import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams leads into a route: {@code from("marketo:getMultipleLeads?leadSelector=lastUpdateAt&oldestUpdatedAt=...")}.
 * Each poll fetches one page through the endpoint's {@link MarketoClient} (SOAP or REST, the transport owns the
 * vendor paging) and hands it on as one exchange per lead, or per page with {@code batchMode=true}.
 *
 * <p>
 * <b>Resume.</b> The cursor (watermark and position of the next page) is written to the {@code stateRepository} only
 * after every exchange of the page completed ({@link PageCommit}); a failed exchange makes the next poll fetch the
 * same page again. A failed exchange also stops the page: its remaining leads are not processed now but with the
 * page's next fetch. Delivery is at-least-once: after a crash or a failure at most one page is delivered again.
 * <b>Passes, on a budget.</b> Every integration of an instance shares one daily quota, so the consumer spends calls
 * only on passes, whatever {@code delay} and {@code greedy} say: after a complete pass it waits {@code passInterval}
 * before the next pass makes any call ({@code repeatPasses=false}: one pass only); a page whose exchange failed is
 * fetched again after a growing delay (from {@code delay}, doubling up to {@code passInterval}), never at once; a spent
 * daily quota (607, 20015, or the component's own {@code maxDailyCalls}) pauses the consumer until the quota resets
 * (midnight America/Chicago), logged once.
 * <b>Watermarks.</b> lastUpdateAt: the next pass asks for leads updated since the start of the completed pass minus
 * {@code watermarkOverlap}; the pass start is the earlier of this host's time and Marketo's (from its answers' Date
 * headers), rounded down to whole seconds, so a host clock ahead of Marketo loses nothing. With latestUpdatedAt the
 * stream ends once a pass has covered it (a future latestUpdatedAt only once it has passed). staticList and leadKeys:
 * a complete pass starts again from the beginning. A stale position (expired stream position 20122, an unknown export
 * job or page token) restarts the current pass from its watermark.
 * <b>Cursor identity.</b> The default state key names the route, the instance and the selector; the cursor records its
 * API, so a route switched from SOAP to REST restarts from its watermark.
 * <b>Unknown fields.</b> {@code fields} can name custom fields, which only the instance knows, so it is not checked
 * before the first call. A REST answer 1006 (field not found) fails that poll once, with the field and the option
 * named, and the consumer makes no further call until its route is restarted: no retry can heal it, and failing every
 * poll would spend the shared quota. (SOAP ignores unknown names in includeAttributes: they come back absent.)
 * <b>leadChanges</b> (REST): the activity feed through {@link LeadChangePager}, one exchange per changed lead and
 * page; the cursor's position holds the feed's paging tokens and the next pass continues from them. A REST
 * lastUpdateAt consumer with {@code extractFallback=leadChanges} switches to the feed when Bulk Extract refuses the
 * updatedAt filter (1035), from the watermark of its pass, and stays on it (its cursor says so after a restart).
 */
public class MarketoConsumer extends ScheduledBatchPollingConsumer {

    /** Vendor codes that mean the cursor's position is no longer valid: restart the pass from its watermark. */
    private static final Set<String> STALE_POSITION_CODES = Set.of("20122", "20123", "1003", "610");
    /** REST "field not found": an option names a field the instance does not have; no retry can heal it. */
    private static final String UNKNOWN_FIELD = "1006";
    private static final ZoneId VENDOR_QUOTA_ZONE = ZoneId.of("America/Chicago");

    private static final Logger LOG = LoggerFactory.getLogger(MarketoConsumer.class);

    private final LeadSelector configuredSelector;
    private final String selectorIdentity;
    private final Clock clock;
    private MarketoClient client;
    private StateRepository<String, String> stateRepository;
    private boolean ownStateRepository;
    private CursorStore cursors;
    private volatile LeadCursor committed;
    private volatile PageCommit pageInFlight;
    private volatile LeadChangePager feed;
    // scheduling: no call before notBefore (pass interval, failure backoff, quota pause)
    private volatile Instant notBefore;
    private volatile int consecutiveFailures;
    private PageCommit countedFailure;
    private Instant quotaPauseLogged;
    // health: the failure of the last fetch (null once one succeeded) and the end of a quota pause
    private volatile Exception lastFetchFailure;
    private volatile Instant quotaPausedUntil;
    // the last complete pass was one empty page: the next REST lastUpdateAt pass may probe the activity feed first
    private volatile boolean lastPassIdle;
    // a configuration error the vendor reported (unknown field): the consumer makes no further call
    private volatile MarketoException configurationError;

    public MarketoConsumer(MarketoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        if (endpoint.getOperation() != MarketoOperation.getMultipleLeads) {
            throw new IllegalArgumentException("Only marketo:getMultipleLeads can be consumed from, not marketo:"
                                               + endpoint.getOperation());
        }
        this.configuredSelector = LeadSelectors.fromConfiguration(endpoint.getConfiguration());
        this.selectorIdentity = identity(configuredSelector);
        this.clock = endpoint.getConfiguration().getClock() != null ? endpoint.getConfiguration().getClock() : Clock.systemUTC();
    }

    @Override
    public MarketoEndpoint getEndpoint() {
        return (MarketoEndpoint) super.getEndpoint();
    }

    @Override
    protected void doBuild() throws Exception {
        super.doBuild();
        // Camel's scheduled-poll check, made aware of the polls this consumer skips to save calls
        HealthCheck polls = getHealthCheck();
        if (polls != null && !(polls instanceof MarketoConsumerHealthCheck)) {
            setHealthCheck(new MarketoConsumerHealthCheck(polls, this::healthState));
        }
    }

    private MarketoConsumerHealthCheck.ConsumerState healthState() {
        LeadCursor cursor = committed;
        Instant pausedUntil = quotaPausedUntil;
        return new MarketoConsumerHealthCheck.ConsumerState(selectorIdentity, getEndpoint().getResolvedApi().name(),
                cursor == null ? null : cursor.watermark(), cursor == null ? null : cursor.position(), lastFetchFailure,
                consecutiveFailures, pausedUntil != null && clock.instant().isBefore(pausedUntil) ? pausedUntil : null);
    }

    @Override
    protected void doStart() throws Exception {
        MarketoConfiguration configuration = getEndpoint().getConfiguration();
        configurationError = null;
        stateRepository = configuration.getStateRepository();
        ownStateRepository = stateRepository == null;
        if (ownStateRepository) {
            stateRepository = new MemoryStateRepository();
        }
        ServiceHelper.startService(stateRepository);
        cursors = new CursorStore(stateRepository, stateKey(configuration));
        Instant watermark = configuredSelector instanceof LeadSelector.ByLastUpdate range
                ? range.oldestUpdatedAt().toInstant()
                : configuredSelector instanceof LeadSelector.ByLeadChanges changes ? changes.sinceDatetime().toInstant() : null;
        committed = cursors.load(LeadCursor.start(selectorIdentity, getEndpoint().getResolvedApi().name(), watermark));
        client = getEndpoint().createClient();
        if (configuredSelector instanceof LeadSelector.ByLeadChanges) {
            feed = newFeed();
        } else if (LeadChangePosition.isFeedPosition(committed.position())) {
            resumeFallback();
        }
        super.doStart();
    }

    private LeadChangePager newFeed() {
        MarketoConfiguration configuration = getEndpoint().getConfiguration();
        return new LeadChangePager((MarketoRestOperations) client, configuration.getFieldList(),
                configuration.isIncludeDeleted());
    }

    /** A stored cursor of a lastUpdateAt consumer that fell back to the feed (1035) before the restart. */
    private void resumeFallback() {
        if (getEndpoint().getConfiguration().getExtractFallback() == ExtractFallback.leadChanges) {
            LOG.info("Marketo consumer {} continues on the lead-change feed (extractFallback=leadChanges: Bulk Extract "
                     + "refused the updatedAt filter before the restart)", cursors.key());
            feed = newFeed();
        } else {
            LOG.warn("The stored Marketo cursor {} is on the lead-change feed but extractFallback is not leadChanges any "
                     + "more: restarting lastUpdateAt from watermark {}", cursors.key(), committed.watermark());
            commit(committed.withPosition(null, null));
        }
    }

    /**
     * Bulk Extract refused the updatedAt filter (1035) and extractFallback=leadChanges: switch to the feed from the
     * pass's watermark (logged once); false when the fallback does not apply.
     */
    private boolean fallBack(MarketoException e, LeadCursor cursor) {
        if (!"1035".equals(e.getCode()) || !(configuredSelector instanceof LeadSelector.ByLastUpdate)
                || getEndpoint().getConfiguration().getExtractFallback() != ExtractFallback.leadChanges) {
            return false;
        }
        LOG.warn("Bulk Lead Extract refuses the updatedAt filter on this subscription (1035): extractFallback=leadChanges "
                 + "switches Marketo consumer {} to the lead-change feed from {}", cursors.key(), cursor.watermark());
        feed = newFeed();
        commit(cursor.withPosition(null, null));
        return true;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (client != null) {
            client.close();
            client = null;
        }
        if (ownStateRepository) {
            ServiceHelper.stopService(stateRepository);
        }
    }

    private String stateKey(MarketoConfiguration configuration) {
        if (configuration.getStateKey() != null) {
            return configuration.getStateKey();
        }
        String instance = configuration.getMunchkinId() != null
                ? configuration.getMunchkinId()
                : URISupport.sanitizeUri(getEndpoint().getResolvedApi() == MarketoApi.soap
                        ? configuration.getSoapEndpoint() : configuration.getRestEndpoint());
        return CursorStore.key("marketo", customRouteId(), "getMultipleLeads", instance, selectorIdentity);
    }

    /**
     * The route's id when the route was given one ({@code routeId("...")}), else {@code "-"}: a generated id (route1,
     * route2, ...) depends on the order routes are added and on how many contexts the JVM has started, so a restart
     * would silently lose the cursor. Routes with the same selector options need their own ids to keep separate
     * cursors.
     */
    private String customRouteId() {
        org.apache.camel.Route route = getRouteId() == null ? null : getEndpoint().getCamelContext().getRoute(getRouteId());
        return route != null && route.isCustomId() ? route.getRouteId() : "-";
    }

    /** A stable name of the selector options (no secrets, short for long key lists). */
    static String identity(LeadSelector selector) {
        if (selector instanceof LeadSelector.ByLastUpdate range) {
            return "lastUpdateAt:" + range.oldestUpdatedAt().toInstant()
                   + (range.latestUpdatedAt() == null ? "" : ".." + range.latestUpdatedAt().toInstant());
        }
        if (selector instanceof LeadSelector.ByStaticList list) {
            return "staticList:" + (list.listId() != null ? "id." + list.listId() : "name." + list.listName());
        }
        if (selector instanceof LeadSelector.ByLeadChanges changes) {
            return "leadChanges:" + changes.sinceDatetime().toInstant();
        }
        LeadSelector.ByKeys keys = (LeadSelector.ByKeys) selector;
        return "leadKeys:" + keys.keyType() + "." + keys.values().size() + "." + Integer.toHexString(keys.values().hashCode());
    }

    @Override
    protected int poll() throws Exception {
        shutdownRunningTask = null;
        pendingExchanges = 0;
        PageCommit previous = pageInFlight;
        if (previous != null && !previous.isDone()) {
            return 0; // the last page is still being processed (asynchronous route): its outcome decides the cursor
        }
        Instant now = clock.instant();
        if (previous != null && previous.isFailed() && previous != countedFailure) {
            countedFailure = previous;
            scheduleRetryAfterFailure(now);
        }
        LeadCursor cursor = committed;
        if (cursor.finished() || configurationError != null || (notBefore != null && now.isBefore(notBefore))) {
            return 0;
        }
        LeadPage page = null;
        LeadChangePager.Batch changes = null;
        Instant[] checkpointPassStart = new Instant[1];
        try {
            if (feed != null) {
                changes = feed.next(cursor.position(), cursor.watermark(), pageSize());
            } else if (nothingChangedSinceAnIdlePass(cursor)) {
                // the export is skipped and the watermark stays: the next export also covers this pass's time
                lastFetchFailure = null;
                notBefore = clock.instant().plusMillis(getEndpoint().getConfiguration().getPassInterval());
                return 0;
            } else {
                page = fetch(cursor, now, checkpointPassStart);
            }
        } catch (MarketoQuotaExceededException e) {
            pauseForQuota(e, now);
            return 0;
        } catch (MarketoException e) {
            if (cursor.position() != null && e.getCode() != null && STALE_POSITION_CODES.contains(e.getCode())) {
                LOG.warn("Marketo rejected the consumer's stored position ({} {}): restarting the pass from watermark {}",
                        e.getCode(), e.getVendorMessage(), cursor.watermark());
                commit(cursor.withPosition(null, null));
                return 0;
            }
            if (fallBack(e, cursor)) {
                return 0;
            }
            if (UNKNOWN_FIELD.equals(e.getCode())) {
                configurationError = new MarketoException(e.getOperation(), e.getCode(), e.getVendorMessage(),
                        e.getRequestId(), "Option fields (" + getEndpoint().getConfiguration().getFields() + ") names a "
                        + "field this instance does not have (describeLeads lists them). Marketo consumer " + cursors.key()
                        + " makes no further call until its route is restarted", e);
                // the health check keeps reporting it: no later fetch clears it
                lastFetchFailure = configurationError;
                throw configurationError;
            }
            lastFetchFailure = e;
            scheduleRetryAfterFailure(now);
            throw e;
        } catch (RuntimeException e) {
            lastFetchFailure = e;
            throw e;
        }
        lastFetchFailure = null;
        quotaPausedUntil = null;
        Instant passStart = cursor.passStart() != null ? cursor.passStart()
                : checkpointPassStart[0] != null ? checkpointPassStart[0] : passStart(now);
        LeadCursor next = changes != null ? feedCursor(cursor, changes, passStart) : nextCursor(cursor, page, passStart);
        boolean passEnds = (changes != null ? changes.passComplete() : !page.hasMore()) && !next.finished();
        if (passEnds) {
            lastPassIdle = cursor.position() == null && (changes != null ? changes.leads().isEmpty() : page.leads().isEmpty());
        }
        forceConsumerAsReady();
        Queue<Object> exchanges = changes != null ? feedExchanges(changes, next) : exchangesOf(page, next);
        PageCommit pageCommit = new PageCommit(next, exchanges.size(), committedCursor -> {
            commit(committedCursor);
            consecutiveFailures = 0;
            notBefore = passEnds ? clock.instant().plusMillis(getEndpoint().getConfiguration().getPassInterval()) : null;
        });
        pageInFlight = pageCommit;
        for (Object exchange : exchanges) {
            ((Exchange) exchange).getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange completed) {
                    pageCommit.completed();
                }

                @Override
                public void onFailure(Exchange failed) {
                    pageCommit.failed();
                }
            });
        }
        return exchanges.isEmpty() ? 0 : processBatch(exchanges);
    }

    /**
     * The start of a pass whose first page was just fetched: the earlier of the host's time before the fetch and
     * Marketo's time at that moment (its Date header, less the time the fetch took), rounded down to whole seconds.
     */
    private Instant passStart(Instant hostBeforeFetch) {
        Instant hostAfter = clock.instant();
        Instant vendorBeforeFetch = client.vendorNow(clock).minus(Duration.between(hostBeforeFetch, hostAfter));
        Instant earlier = vendorBeforeFetch.isBefore(hostBeforeFetch) ? vendorBeforeFetch : hostBeforeFetch;
        return earlier.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Whether this pass can be skipped: after a pass that found nothing, a REST lastUpdateAt pass first asks the
     * activity feed (2 calls) whether any lead changed since the watermark, instead of running an export job (create,
     * enqueue, status, file: 4 calls and one of the instance's export jobs) that would come back empty.
     */
    private boolean nothingChangedSinceAnIdlePass(LeadCursor cursor) {
        MarketoConfiguration configuration = getEndpoint().getConfiguration();
        return lastPassIdle && cursor.position() == null && configuration.isProbeActivities()
               && configuredSelector instanceof LeadSelector.ByLastUpdate range && range.latestUpdatedAt() == null
               && client instanceof MarketoRestOperations rest && !rest.leadsChangedSince(cursor.watermark());
    }

    /** A failed page or poll: the next call waits delay, doubling per consecutive failure, at most passInterval. */
    private void scheduleRetryAfterFailure(Instant now) {
        int failures = ++consecutiveFailures;
        long first = Math.max(1, getDelay());
        long wait = Math.min(getEndpoint().getConfiguration().getPassInterval(), first << Math.min(failures - 1, 20));
        notBefore = now.plusMillis(Math.max(wait, first));
        LOG.debug("Marketo consumer: failure {} in a row, next call not before {}", failures, notBefore);
    }

    /** The daily quota is spent: no call until it resets (the component's own budget says when; Marketo's at midnight Chicago). */
    private void pauseForQuota(MarketoQuotaExceededException e, Instant now) {
        Instant until = e.getCause() instanceof CallBudgetExceededException budget && budget.getResetAt() != null
                ? budget.getResetAt()
                : now.atZone(VENDOR_QUOTA_ZONE).toLocalDate().plusDays(1).atStartOfDay(VENDOR_QUOTA_ZONE).toInstant();
        notBefore = until;
        quotaPausedUntil = until;
        if (!until.equals(quotaPauseLogged)) {
            quotaPauseLogged = until;
            LOG.warn("Marketo daily quota spent ({}): the consumer makes no call until {}", e.getMessage(), until);
        }
    }

    /**
     * Fetches the cursor's page. A checkpoint the client reports before the page arrives (a new export job) is stored
     * at once, with the pass start, so a restart reuses the job.
     */
    private LeadPage fetch(LeadCursor cursor, Instant hostBeforeFetch, Instant[] passStart) {
        List<String> fields = getEndpoint().getConfiguration().getFieldList();
        LeadSelector selector = selectorFor(cursor);
        if (selector instanceof LeadSelector.ByKeys keys) {
            return KeyChunkPaging.page(client, keys, cursor.position(), pageSize(), fields);
        }
        return client.getMultipleLeads(selector, cursor.position(), pageSize(), fields, checkpoint -> {
            passStart[0] = cursor.passStart() != null ? cursor.passStart() : passStart(hostBeforeFetch);
            commit(cursor.withPosition(checkpoint, passStart[0]));
        });
    }

    private LeadSelector selectorFor(LeadCursor cursor) {
        if (configuredSelector instanceof LeadSelector.ByLastUpdate range) {
            OffsetDateTime oldest = OffsetDateTime.ofInstant(cursor.watermark(), ZoneOffset.UTC);
            return new LeadSelector.ByLastUpdate(oldest, range.latestUpdatedAt());
        }
        return configuredSelector;
    }

    private int pageSize() {
        int batchSize = getEndpoint().getConfiguration().getBatchSize();
        return maxMessagesPerPoll > 0 && !getEndpoint().getConfiguration().isBatchMode()
                ? Math.min(batchSize, maxMessagesPerPoll) : batchSize;
    }

    /** The cursor after {@code page}: its next position, or at the end of a pass the start of the next pass. */
    private LeadCursor nextCursor(LeadCursor cursor, LeadPage page, Instant passStart) {
        if (page.hasMore()) {
            return cursor.withPosition(page.nextPosition(), passStart);
        }
        if (!getEndpoint().getConfiguration().isRepeatPasses()) {
            return cursor.asFinished();
        }
        if (configuredSelector instanceof LeadSelector.ByLastUpdate range) {
            if (range.latestUpdatedAt() != null && !range.latestUpdatedAt().toInstant().isAfter(passStart)) {
                return cursor.asFinished();
            }
            Instant watermark = passStart.minusMillis(getEndpoint().getConfiguration().getWatermarkOverlap());
            return cursor.nextPass(watermark.isAfter(cursor.watermark()) ? watermark : cursor.watermark());
        }
        return cursor.nextPass(null);
    }

    private Queue<Object> exchangesOf(LeadPage page, LeadCursor next) {
        Queue<Object> exchanges = new ArrayDeque<>();
        if (page.leads().isEmpty()) {
            return exchanges;
        }
        String selector = getEndpoint().getConfiguration().getLeadSelector().name();
        if (getEndpoint().getConfiguration().isBatchMode()) {
            Exchange exchange = createExchange(true);
            exchange.getMessage().setBody(page.leads());
            setHeaders(exchange, next, selector);
            exchanges.add(exchange);
            return exchanges;
        }
        for (Lead lead : page.leads()) {
            Exchange exchange = createExchange(true);
            exchange.getMessage().setBody(lead);
            exchange.getMessage().setHeader(MarketoConstants.LEAD_ID, lead.getId());
            setHeaders(exchange, next, selector);
            exchanges.add(exchange);
        }
        return exchanges;
    }

    /**
     * The cursor after a feed page: its position; at the end of a pass also the watermark of the completed pass's
     * start minus watermarkOverlap (everything before it has been read), where a rejected paging token restarts the
     * feed. The feed has no end, so only repeatPasses=false, or a lastUpdateAt range (that fell back to the feed)
     * whose latestUpdatedAt has passed, finish it.
     */
    private LeadCursor feedCursor(LeadCursor cursor, LeadChangePager.Batch batch, Instant passStart) {
        if (!batch.passComplete()) {
            return cursor.withPosition(batch.nextPosition(), passStart);
        }
        boolean rangeCovered = configuredSelector instanceof LeadSelector.ByLastUpdate range
                && range.latestUpdatedAt() != null && !range.latestUpdatedAt().toInstant().isAfter(passStart);
        if (!getEndpoint().getConfiguration().isRepeatPasses() || rangeCovered) {
            return cursor.asFinished();
        }
        Instant watermark = passStart.minusMillis(getEndpoint().getConfiguration().getWatermarkOverlap());
        return cursor.nextPass(watermark.isAfter(cursor.watermark()) ? watermark : cursor.watermark())
                .withPosition(batch.nextPosition(), null);
    }

    /** One exchange per changed lead (or one per page with batchMode, body {@code List<ChangedLead>}). */
    private Queue<Object> feedExchanges(LeadChangePager.Batch batch, LeadCursor next) {
        Queue<Object> exchanges = new ArrayDeque<>();
        if (batch.leads().isEmpty()) {
            return exchanges;
        }
        String selector = LeadSelectorType.leadChanges.name();
        if (getEndpoint().getConfiguration().isBatchMode()) {
            Exchange exchange = createExchange(true);
            exchange.getMessage().setBody(batch.leads());
            setHeaders(exchange, next, selector);
            exchanges.add(exchange);
            return exchanges;
        }
        for (ChangedLead changed : batch.leads()) {
            Exchange exchange = createExchange(true);
            exchange.getMessage().setBody(changed.deleted() ? Long.valueOf(changed.leadId()) : changed.lead());
            exchange.getMessage().setHeader(MarketoConstants.LEAD_ID, changed.leadId());
            exchange.getMessage().setHeader(MarketoConstants.LEAD_DELETED, changed.deleted());
            exchange.getMessage().setHeader(MarketoConstants.ACTIVITY_DATE, changed.activityDate());
            exchange.getMessage().setHeader(MarketoConstants.CHANGED_FIELDS, changed.changedFields());
            setHeaders(exchange, next, selector);
            exchanges.add(exchange);
        }
        return exchanges;
    }

    private static void setHeaders(Exchange exchange, LeadCursor next, String selector) {
        exchange.getMessage().setHeader(MarketoConstants.SELECTOR, selector);
        if (next.position() != null) {
            exchange.getMessage().setHeader(MarketoConstants.STREAM_POSITION, next.position());
        }
    }

    private void commit(LeadCursor cursor) {
        committed = cursor;
        cursors.save(cursor);
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        PageCommit page = pageInFlight;
        int index = 0;
        // a failed exchange stops the page: the rest would be delivered again with it anyway
        for (; index < total && isBatchAllowed() && !page.isFailed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            getAsyncProcessor().process(exchange, doneSync -> {
                // outcome is tracked by the exchange's on-completion (PageCommit)
            });
        }
        page.notDispatched(exchanges.size());
        for (Object skipped : exchanges) {
            releaseExchange((Exchange) skipped, false);
        }
        return index;
    }

    /** The committed cursor (for tests and diagnostics). */
    public LeadCursor getCommittedCursor() {
        return committed;
    }

    @Override
    public String toString() {
        return "MarketoConsumer[" + URISupport.sanitizeUri(getEndpoint().getEndpointUri()) + "]";
    }
}

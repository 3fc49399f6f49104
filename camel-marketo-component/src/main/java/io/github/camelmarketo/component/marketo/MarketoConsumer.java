package io.github.camelmarketo.component.marketo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import io.github.camelmarketo.component.marketo.consumer.CursorStore;
import io.github.camelmarketo.component.marketo.consumer.LeadCursor;
import io.github.camelmarketo.component.marketo.consumer.PageCommit;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
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
 * <b>Passes.</b> lastUpdateAt: when a pass is complete the next one asks for leads updated since the start of the
 * completed pass minus {@link #WATERMARK_OVERLAP} (clock skew between this host and Marketo must not lose updates),
 * so leads updated while streaming are delivered; with latestUpdatedAt the stream ends after one pass. staticList and
 * leadKeys: a complete pass starts again from the beginning on the next poll. An expired stream position (20122)
 * restarts the current pass from its watermark.
 */
public class MarketoConsumer extends ScheduledBatchPollingConsumer {

    /** How far before the start of a completed pass the next pass begins. */
    static final Duration WATERMARK_OVERLAP = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(MarketoConsumer.class);

    private final LeadSelector configuredSelector;
    private final String selectorIdentity;
    private final Clock clock = Clock.systemUTC();
    private MarketoClient client;
    private StateRepository<String, String> stateRepository;
    private boolean ownStateRepository;
    private CursorStore cursors;
    private volatile LeadCursor committed;
    private volatile PageCommit pageInFlight;

    public MarketoConsumer(MarketoEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        if (endpoint.getOperation() != MarketoOperation.getMultipleLeads) {
            throw new IllegalArgumentException("Only marketo:getMultipleLeads can be consumed from, not marketo:"
                                               + endpoint.getOperation());
        }
        this.configuredSelector = LeadSelectors.fromConfiguration(endpoint.getConfiguration());
        this.selectorIdentity = identity(configuredSelector);
    }

    @Override
    public MarketoEndpoint getEndpoint() {
        return (MarketoEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        MarketoConfiguration configuration = getEndpoint().getConfiguration();
        stateRepository = configuration.getStateRepository();
        ownStateRepository = stateRepository == null;
        if (ownStateRepository) {
            stateRepository = new MemoryStateRepository();
        }
        ServiceHelper.startService(stateRepository);
        cursors = new CursorStore(stateRepository, stateKey(configuration));
        Instant watermark = configuredSelector instanceof LeadSelector.ByLastUpdate range
                ? range.oldestUpdatedAt().toInstant() : null;
        committed = cursors.load(selectorIdentity, LeadCursor.start(selectorIdentity, watermark));
        client = getEndpoint().createClient();
        super.doStart();
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
        return CursorStore.key("marketo", "getMultipleLeads", instance, selectorIdentity);
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
        LeadCursor cursor = committed;
        if (cursor.finished()) {
            return 0;
        }
        Instant passStart = cursor.passStart() != null ? cursor.passStart() : clock.instant();
        LeadPage page;
        try {
            page = fetch(cursor);
        } catch (MarketoException e) {
            if ("20122".equals(e.getCode()) && cursor.position() != null) {
                LOG.warn("Marketo stream position expired (20122): restarting the pass from watermark {}", cursor.watermark());
                commit(cursor.withPosition(null, null));
                return 0;
            }
            throw e;
        }
        LeadCursor next = nextCursor(cursor, page, passStart);
        forceConsumerAsReady();
        Queue<Object> exchanges = exchangesOf(page, next);
        PageCommit pageCommit = new PageCommit(next, exchanges.size(), this::commit);
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

    private LeadPage fetch(LeadCursor cursor) {
        List<String> fields = getEndpoint().getConfiguration().getFieldList();
        LeadSelector selector = selectorFor(cursor);
        if (selector instanceof LeadSelector.ByKeys keys) {
            return KeyChunkPaging.page(client, keys, cursor.position(), pageSize(), fields);
        }
        return client.getMultipleLeads(selector, cursor.position(), pageSize(), fields);
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
        if (configuredSelector instanceof LeadSelector.ByLastUpdate range) {
            if (range.latestUpdatedAt() != null) {
                return cursor.asFinished();
            }
            Instant watermark = passStart.minus(WATERMARK_OVERLAP);
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

package io.github.camelmarketo.component.marketo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

import io.github.camelmarketo.component.marketo.ProducerSupport.Page;
import io.github.camelmarketo.component.marketo.ProducerSupport.PageIterator;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.component.marketo.model.LeadKeyType;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.model.SyncAction;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.client.MarketoRestOperations;
import io.github.camelmarketo.component.marketo.client.SyncOptions;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import static io.github.camelmarketo.component.marketo.ProducerSupport.fields;
import static io.github.camelmarketo.component.marketo.ProducerSupport.keyedLeads;
import static io.github.camelmarketo.component.marketo.ProducerSupport.leadPagesOf;
import static io.github.camelmarketo.component.marketo.ProducerSupport.setPagingHeaders;
import static io.github.camelmarketo.component.marketo.ProducerSupport.strings;
import static io.github.camelmarketo.component.marketo.ProducerSupport.syncOptions;
import static io.github.camelmarketo.component.marketo.ProducerSupport.syncResults;

/**
 * Producer handlers of the operations both APIs have (getLead, getMultipleLeads, syncLead, syncMultipleLeads). They
 * talk only to {@link MarketoClient}, so a route behaves the same on {@code api=soap} and {@code api=rest}: lists are
 * chunked here to the client's limits and results come back in input order. The one exception is opt-in:
 * syncMultipleLeads over REST with {@code bulkImportThreshold} uses Bulk Lead Import for large lists.
 */
final class SharedOperations {

    /** Handles one exchange of one shared operation. */
    @FunctionalInterface
    interface Handler {
        void handle(MarketoClient client, MarketoConfiguration configuration, Exchange exchange);
    }

    private SharedOperations() {
    }

    /** The handler of {@code operation}; fails for a REST-only operation (see {@link RestOnlyOperations}). */
    static Handler handlerFor(MarketoOperation operation) {
        return switch (operation) {
            case getLead -> SharedOperations::getLead;
            case getMultipleLeads -> SharedOperations::getMultipleLeads;
            case syncLead -> SharedOperations::syncLead;
            case syncMultipleLeads -> SharedOperations::syncMultipleLeads;
            default -> throw new IllegalArgumentException(operation + " is REST-only: it has no MarketoClient handler");
        };
    }

    /** Body: a LeadKey, a lead id (Number) or a key value (String, of type leadKeyType). Out: List&lt;Lead&gt;. */
    private static void getLead(MarketoClient client, MarketoConfiguration config, Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        LeadKey key;
        if (body instanceof LeadKey k) {
            key = k;
        } else if (body instanceof Number n) {
            key = LeadKey.id(n.longValue());
        } else if (body instanceof String s && !s.isBlank()) {
            key = LeadKey.of(keyType(config, message), s.trim());
        } else {
            throw new IllegalArgumentException("getLead needs the lead key in the body: a LeadKey, a lead id (Number) or a "
                                               + "key value (String, type from option leadKeyType or header "
                                               + MarketoConstants.LEAD_KEY_TYPE + "), got "
                                               + (body == null ? "no body" : body.getClass().getName()));
        }
        message.setBody(client.getLead(key, fields(config, exchange)));
    }

    /**
     * Body: a LeadSelector, lead keys (Collection or comma-separated String, of type leadKeyType), or nothing (the
     * endpoint's leadSelector options). Out: one page (List&lt;Lead&gt;) with paging headers, or with fetchAll an
     * Iterator over every page. Keys beyond one call's limit are fetched chunk by chunk, every page, in key order.
     */
    private static void getMultipleLeads(MarketoClient client, MarketoConfiguration config, Exchange exchange) {
        LeadSelector selector = selector(config, exchange);
        List<String> fields = fields(config, exchange);
        // beyond the smaller per-call key limit of the two APIs (SOAP's 100) every API returns all leads, so a route
        // behaves the same on api=soap and api=rest
        if (selector instanceof LeadSelector.ByKeys keys
            && keys.values().size() > MarketoOperation.getMultipleLeads.getChunkLimit()) {
            Iterator<Lead> leads = keyChunks(client, config, keys, fields);
            setPagingHeaders(exchange.getMessage(), null, 0);
            if (config.isFetchAll()) {
                exchange.getMessage().setBody(leads);
            } else {
                List<Lead> all = new ArrayList<>();
                leads.forEachRemaining(all::add);
                exchange.getMessage().setBody(all);
            }
            return;
        }
        leadPagesOf(config, exchange, (position, size) -> client.getMultipleLeads(selector, position, size, fields));
    }

    /**
     * Every lead of {@code keys}, fetched lazily chunk by chunk (at most one call's key limit each) and page by page,
     * in key order ({@link KeyChunkPaging}). The caller gets every lead, so a page is at least one chunk's worth of
     * leads whatever {@code batchSize} says: 300 REST keys read 100 leads at a time would spend three calls, not one.
     */
    private static Iterator<Lead> keyChunks(MarketoClient client, MarketoConfiguration config, LeadSelector.ByKeys keys,
                                            List<String> fields) {
        int pageSize = Math.max(config.getBatchSize(), MarketoOperation.getMultipleLeads.getChunkLimit(client.api()));
        return new PageIterator<>(null, position -> {
            LeadPage page = KeyChunkPaging.page(client, keys, position, pageSize, fields);
            return new Page<>(page.leads(), page.hasMore() ? page.nextPosition() : null);
        });
    }

    private static LeadSelector selector(MarketoConfiguration config, Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        if (body instanceof LeadSelector s) {
            return s;
        }
        if (body == null || body instanceof String s && s.isBlank()) {
            return LeadSelectors.fromConfiguration(config);
        }
        if (body instanceof Collection<?> || body instanceof String) {
            return new LeadSelector.ByKeys(keyType(config, message), strings(body, MarketoOperation.getMultipleLeads));
        }
        throw new IllegalArgumentException("getMultipleLeads needs a LeadSelector, lead keys (a Collection or a "
                                           + "comma-separated String) or no body (option leadSelector), got "
                                           + body.getClass().getName());
    }

    /**
     * Body: List of leads. Out: List&lt;SyncResult&gt; in input order. Over REST, from {@code bulkImportThreshold}
     * records on (createOrUpdate only), the leads go through Bulk Lead Import instead of chunks of 300.
     */
    private static void syncMultipleLeads(MarketoClient client, MarketoConfiguration config, Exchange exchange) {
        SyncOptions options = syncOptions(config, exchange);
        List<Lead> leads = keyedLeads(exchange, MarketoOperation.syncMultipleLeads, options);
        int threshold = config.getBulkImportThreshold();
        if (threshold > 0 && leads.size() >= threshold && client instanceof MarketoRestOperations rest
            && options.effectiveAction() == SyncAction.createOrUpdate) {
            BulkImportOperation.syncByImport(rest, config, exchange, leads);
            return;
        }
        syncResults(exchange, MarketoOperation.syncMultipleLeads, leads, chunk -> client.syncMultipleLeads(chunk, options));
    }

    /** Body: one Lead (or Map/JSON object). Out: SyncResult; a rejected record is a FAILED/SKIPPED result. */
    private static void syncLead(MarketoClient client, MarketoConfiguration config, Exchange exchange) {
        SyncOptions options = syncOptions(config, exchange);
        List<Lead> leads = keyedLeads(exchange, MarketoOperation.syncLead, options);
        if (leads.size() != 1) {
            throw new IllegalArgumentException("syncLead takes exactly one lead, the body has " + leads.size()
                                               + ": use syncMultipleLeads for several");
        }
        SyncResult result = client.syncLead(leads.get(0), options);
        exchange.getMessage().setHeader(MarketoConstants.FAILED_COUNT, result.isSuccess() ? 0 : 1);
        exchange.getMessage().setBody(result);
    }

    private static LeadKeyType keyType(MarketoConfiguration config, Message message) {
        return message.getHeader(MarketoConstants.LEAD_KEY_TYPE, config.getLeadKeyType(), LeadKeyType.class);
    }
}

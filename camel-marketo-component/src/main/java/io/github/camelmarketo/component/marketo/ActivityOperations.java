package io.github.camelmarketo.component.marketo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

import io.github.camelmarketo.component.marketo.ProducerSupport.Page;
import io.github.camelmarketo.component.marketo.ProducerSupport.PageIterator;
import io.github.camelmarketo.component.marketo.client.MarketoRestOperations;
import io.github.camelmarketo.component.marketo.model.Activity;
import io.github.camelmarketo.component.marketo.model.ActivityPage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import static io.github.camelmarketo.component.marketo.ProducerSupport.chunks;
import static io.github.camelmarketo.component.marketo.ProducerSupport.leadIds;

/**
 * Producer handlers of the REST activity reads ({@code getLeadActivities}, {@code getDeletedLeads}), over the same
 * activity calls the lead-change consumer makes. A read starts at the paging token in header
 * {@code CamelMarketoNextPageToken} (or {@code CamelMarketoStreamPosition}) or, without one, at option
 * {@code oldestUpdatedAt} (one {@code activities/pagingtoken.json} call). It returns one page of {@link Activity}
 * and the token to continue from (always set: a caller that keeps it sees later activities), or with
 * {@code fetchAll=true} an iterator over every page up to the vendor's {@code moreResult=false}.
 */
final class ActivityOperations {

    private ActivityOperations() {
    }

    static void getLeadActivities(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        MarketoOperation operation = MarketoOperation.getLeadActivities;
        String token = token(config, exchange, operation);
        List<Long> leadIds = leadIdFilter(exchange, operation);
        Long listId = listIdFilter(rest, config, exchange, operation);
        if (!leadIds.isEmpty() && listId != null) {
            throw new IllegalArgumentException(operation + " filters by lead ids (the body) or by a static list (header "
                                               + MarketoConstants.LIST_ID + "/" + MarketoConstants.LIST_NAME
                                               + ", option staticListId/staticListName), not both");
        }
        int limit = operation.getChunkLimit();
        if (leadIds.size() > limit && !config.isFetchAll()) {
            throw new IllegalArgumentException(operation + " reads the activities of at most " + limit + " lead ids per "
                                               + "call (the vendor's limit), the body has " + leadIds.size()
                                               + ": send fewer or set fetchAll=true to read them " + limit + " at a time");
        }
        List<Integer> types = config.getActivityTypeIdList();
        String start = start(rest, config, token, operation);
        int batchSize = config.getBatchSize();
        List<List<Long>> chunks = leadIds.isEmpty() ? List.of(List.of()) : chunks(leadIds, limit);
        pages(config, exchange, start, chunks, (chunk, pageToken) ->
                rest.getLeadActivities(pageToken, types, chunk, listId, batchSize));
    }

    static void getDeletedLeads(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        MarketoOperation operation = MarketoOperation.getDeletedLeads;
        String start = start(rest, config, token(config, exchange, operation), operation);
        int batchSize = config.getBatchSize();
        pages(config, exchange, start, List.of(List.of()),
                (chunk, token) -> rest.getDeletedLeads(operation.name(), token, batchSize));
    }

    /** One page with its paging headers, or with fetchAll an iterator over every page of every chunk in turn. */
    private static void pages(MarketoConfiguration config, Exchange exchange, String start, List<List<Long>> chunks,
                              BiFunction<List<Long>, String, ActivityPage> read) {
        Message message = exchange.getMessage();
        if (config.isFetchAll()) {
            List<Iterator<Activity>> parts = new ArrayList<>(chunks.size());
            for (List<Long> chunk : chunks) {
                parts.add(new PageIterator<>(start, token -> {
                    ActivityPage page = read.apply(chunk, token);
                    return new Page<>(page.activities(), page.moreResult() ? page.nextPageToken() : null);
                }));
            }
            message.setBody(parts.size() == 1 ? parts.get(0) : new Concatenation<>(parts));
            return;
        }
        ActivityPage page = read.apply(chunks.get(0), start);
        message.setHeader(MarketoConstants.MORE_RESULT, page.moreResult());
        message.setHeader(MarketoConstants.NEXT_PAGE_TOKEN, page.nextPageToken());
        message.setHeader(MarketoConstants.STREAM_POSITION, page.nextPageToken());
        message.removeHeader(MarketoConstants.REMAINING_COUNT);
        message.setBody(page.activities());
    }

    /**
     * The paging token of the message, or null when the read starts at option oldestUpdatedAt; an error naming both
     * when neither is there (checked before any call).
     */
    private static String token(MarketoConfiguration config, Exchange exchange, MarketoOperation operation) {
        Message message = exchange.getMessage();
        String token = message.getHeader(MarketoConstants.NEXT_PAGE_TOKEN, String.class);
        if (token == null || token.isBlank()) {
            token = message.getHeader(MarketoConstants.STREAM_POSITION, String.class);
        }
        if (token != null && !token.isBlank()) {
            return token.trim();
        }
        if (config.getOldestUpdatedAt() == null) {
            throw new IllegalArgumentException(operation + " needs where to start: header "
                                               + MarketoConstants.NEXT_PAGE_TOKEN + " (the token of a previous page) or "
                                               + "option oldestUpdatedAt (ISO-8601, e.g. 2026-01-01T00:00:00Z)");
        }
        return null;
    }

    /** {@code token}, or the token of option oldestUpdatedAt ({@code activities/pagingtoken.json}). */
    private static String start(MarketoRestOperations rest, MarketoConfiguration config, String token,
                                MarketoOperation operation) {
        if (token != null) {
            return token;
        }
        Instant since = LeadSelectors.time("oldestUpdatedAt", config.getOldestUpdatedAt()).toInstant();
        return rest.getActivityPagingToken(operation.name(), since);
    }

    /** Lead ids of the body (numbers, numeric Strings or leads with ids); none for an empty body. */
    private static List<Long> leadIdFilter(Exchange exchange, MarketoOperation operation) {
        Object body = exchange.getMessage().getBody();
        if (body == null || body instanceof String s && s.isBlank() || body instanceof Collection<?> c && c.isEmpty()) {
            return List.of();
        }
        return leadIds(exchange, operation);
    }

    /** The static list of the headers or options, or null when none is named. */
    private static Long listIdFilter(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange,
                                     MarketoOperation operation) {
        Message message = exchange.getMessage();
        boolean named = message.getHeader(MarketoConstants.LIST_ID) != null
                        || message.getHeader(MarketoConstants.LIST_NAME) != null
                        || config.getStaticListId() != null || config.getStaticListName() != null;
        return named ? StaticListOperations.listId(rest, config, exchange, operation) : null;
    }

    /** The items of several iterators in turn; each is started only when the previous one is exhausted. */
    private static final class Concatenation<T> implements Iterator<T> {
        private final Iterator<Iterator<T>> parts;
        private Iterator<T> current = List.<T> of().iterator();

        Concatenation(List<Iterator<T>> parts) {
            this.parts = parts.iterator();
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && parts.hasNext()) {
                current = parts.next();
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}

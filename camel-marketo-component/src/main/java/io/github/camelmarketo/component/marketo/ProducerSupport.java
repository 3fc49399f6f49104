package io.github.camelmarketo.component.marketo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.client.SyncOptions;
import io.github.camelmarketo.component.marketo.model.SyncAction;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What every producer handler needs, whatever its operation or API: reading bodies and {@code CamelMarketo*}
 * headers, chunking lists to the vendor limit with results in input order, one-page-or-iterator paging with the
 * paging headers.
 */
final class ProducerSupport {

    private ProducerSupport() {
    }

    /** One page of leads from {@code token}. */
    @FunctionalInterface
    interface LeadPageSource {
        LeadPage page(String token, int batchSize);
    }

    static void leadPagesOf(MarketoConfiguration config, Exchange exchange, LeadPageSource source) {
        Message message = exchange.getMessage();
        int batchSize = config.getBatchSize();
        String start = message.getHeader(MarketoConstants.STREAM_POSITION, String.class);
        if (config.isFetchAll()) {
            message.setBody(new PageIterator<>(start, token -> {
                LeadPage page = source.page(token, batchSize);
                return new Page<>(page.leads(), page.hasMore() ? page.nextPosition() : null);
            }));
            return;
        }
        LeadPage page = source.page(start, batchSize);
        setPagingHeaders(message, page.hasMore() ? page.nextPosition() : null, page.remainingCount());
        message.setBody(page.leads());
    }

    static void setPagingHeaders(Message message, String next, int remainingCount) {
        message.setHeader(MarketoConstants.MORE_RESULT, next != null);
        message.setHeader(MarketoConstants.REMAINING_COUNT, next == null ? 0 : remainingCount);
        if (next != null) {
            message.setHeader(MarketoConstants.STREAM_POSITION, next);
            message.setHeader(MarketoConstants.NEXT_PAGE_TOKEN, next);
        } else {
            message.removeHeader(MarketoConstants.STREAM_POSITION);
            message.removeHeader(MarketoConstants.NEXT_PAGE_TOKEN);
        }
    }

    record Page<T>(List<T> items, String next) {
    }

    /** Streams every item of every page; holds one page at a time. */
    static final class PageIterator<T> implements Iterator<T> {
        private final Function<String, Page<T>> fetch;
        private Iterator<T> current = List.<T> of().iterator();
        private String next;
        private boolean started;

        PageIterator(String start, Function<String, Page<T>> fetch) {
            this.next = start;
            this.fetch = fetch;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && (!started || next != null)) {
                Page<T> page = fetch.apply(next);
                started = true;
                current = page.items().iterator();
                next = page.next();
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

    static <T> void syncResults(Exchange exchange, MarketoOperation operation, List<T> input,
                                        Function<List<T>, List<SyncResult>> call) {
        List<SyncResult> results = new ArrayList<>(input.size());
        int offset = 0;
        for (List<T> chunk : chunks(input, operation.getChunkLimit())) {
            for (SyncResult r : call.apply(chunk)) {
                results.add(new SyncResult(offset + r.index(), r.leadId(), r.status(), r.reasons(), r.lead()));
            }
            offset += chunk.size();
        }
        exchange.getMessage().setHeader(MarketoConstants.FAILED_COUNT, (int) results.stream().filter(r -> !r.isSuccess()).count());
        exchange.getMessage().setBody(results);
    }

    static SyncOptions syncOptions(MarketoConfiguration config, Exchange exchange) {
        Message message = exchange.getMessage();
        return new SyncOptions(
                message.getHeader(MarketoConstants.DEDUP_ENABLED, config.isDedupEnabled(), Boolean.class),
                config.isReturnLead(),
                message.getHeader(MarketoConstants.MARKETO_COOKIE, config.getMarketoCookie(), String.class),
                message.getHeader(MarketoConstants.ACTION, config.getAction(), SyncAction.class),
                message.getHeader(MarketoConstants.LOOKUP_FIELD, config.getLookupField(), String.class),
                config.getPartitionName(), config.isAsyncProcessing());
    }

    static List<String> fields(MarketoConfiguration config, Exchange exchange) {
        String header = exchange.getMessage().getHeader(MarketoConstants.FIELDS, String.class);
        return header == null ? config.getFieldList() : MarketoConfiguration.splitCsv(header);
    }

    static List<Lead> leads(Exchange exchange, MarketoOperation operation) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof String json && json.trim().startsWith("[")) {
            body = MarketoTypeConverters.toLeads(json);
        }
        Collection<?> items = body instanceof Collection<?> c ? c : body == null ? List.of() : List.of(body);
        List<Lead> leads = new ArrayList<>(items.size());
        for (Object item : items) {
            Lead lead = item instanceof Lead l ? l : exchange.getContext().getTypeConverter().tryConvertTo(Lead.class, exchange, item);
            if (lead == null) {
                throw new IllegalArgumentException(operation + " needs a body of Lead, Map or JSON object, or a List or JSON "
                                                   + "array of them, got an element of type "
                                                   + (item == null ? "null" : item.getClass().getName()));
            }
            leads.add(lead);
        }
        if (leads.isEmpty()) {
            throw new IllegalArgumentException(operation + " needs at least one lead in the body");
        }
        return leads;
    }

    static List<String> strings(Object body, MarketoOperation operation) {
        List<String> values = new ArrayList<>();
        if (body instanceof Collection<?> items) {
            items.forEach(v -> {
                if (v != null && !v.toString().isBlank()) {
                    values.add(v.toString().trim());
                }
            });
        } else if (body instanceof String || body instanceof Number) {
            for (String v : body.toString().split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(operation + " needs the values in the body: a List or a comma-separated String, got "
                                               + (body == null ? "no body" : body.getClass().getName()));
        }
        return values;
    }

    static List<Long> ids(Object body, MarketoOperation operation, String what) {
        List<Long> ids = new ArrayList<>();
        for (String value : strings(body, operation)) {
            try {
                ids.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(operation + " needs " + what + " (numbers), got '" + value + "'");
            }
        }
        return ids;
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }
}

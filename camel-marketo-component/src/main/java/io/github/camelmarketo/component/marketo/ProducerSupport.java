package io.github.camelmarketo.component.marketo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.MarketoAuthenticationException;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.MarketoPartialSyncException;
import io.github.camelmarketo.component.marketo.model.MarketoQuotaExceededException;
import io.github.camelmarketo.component.marketo.model.MarketoRateLimitException;
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

    /**
     * Calls {@code call} chunk by chunk and sets the results, in input order, as the body. A chunk that fails after
     * earlier chunks were applied raises {@link MarketoPartialSyncException} with their results and the index to
     * resume from; a failed first chunk raises its own exception.
     */
    static <T> void syncResults(Exchange exchange, MarketoOperation operation, List<T> input,
                                        Function<List<T>, List<SyncResult>> call) {
        List<SyncResult> results = new ArrayList<>(input.size());
        int offset = 0;
        for (List<T> chunk : chunks(input, operation.getChunkLimit())) {
            List<SyncResult> chunkResults;
            try {
                chunkResults = call.apply(chunk);
            } catch (MarketoException e) {
                if (offset == 0) {
                    throw e;
                }
                throw new MarketoPartialSyncException(operation.name(), results, offset, chunk.size(), mayBeApplied(e), e);
            }
            for (SyncResult r : chunkResults) {
                results.add(new SyncResult(offset + r.index(), r.leadId(), r.status(), r.reasons(), r.lead()));
            }
            offset += chunk.size();
        }
        exchange.getMessage().setHeader(MarketoConstants.FAILED_COUNT, (int) results.stream().filter(r -> !r.isSuccess()).count());
        exchange.getMessage().setBody(results);
    }

    /**
     * Whether a failed write may have been applied: only a rate or concurrency limit, the daily quota and a refused
     * token prove that the vendor applied nothing (the retry loop already resent those that can be resent).
     */
    static boolean mayBeApplied(MarketoException e) {
        return !(e instanceof MarketoRateLimitException || e instanceof MarketoQuotaExceededException
                 || e instanceof MarketoAuthenticationException);
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
            // a Map is converted here, so that a value the model cannot hold fails with the field's name
            Lead lead = item instanceof Lead l ? l
                    : item instanceof Map<?, ?> map ? MarketoTypeConverters.toLead(map)
                    : exchange.getContext().getTypeConverter().tryConvertTo(Lead.class, exchange, item);
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
        for (int i = 0; i < leads.size(); i++) {
            checkValueSizes(leads.get(i), i, operation);
        }
        return leads;
    }

    /**
     * No Marketo lead field holds more than {@value #MAX_VALUE_BYTES} bytes: the largest field type, Text area,
     * "supports up to 30,000 bytes" and a String field 255 characters (Adobe's REST API field types,
     * experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/lead-database/field-types; describeLeads gives
     * each field's {@code length}). A larger value cannot be stored under any field, so it fails before the call
     * instead of costing one (and, in a chunk, the other records' sync).
     */
    static final int MAX_VALUE_BYTES = 30_000;

    private static void checkValueSizes(Lead lead, int index, MarketoOperation operation) {
        for (Map.Entry<String, String> e : lead.getAttributes().entrySet()) {
            String value = e.getValue();
            // at most 3 UTF-8 bytes per char (a surrogate pair is 2 chars, 4 bytes): only longer values are encoded
            if (value != null && value.length() > MAX_VALUE_BYTES / 3
                    && (value.length() > MAX_VALUE_BYTES || value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES)) {
                throw new IllegalArgumentException(operation + ": record " + index + ", field '" + e.getKey()
                                                   + "' has a value of " + value.length() + " characters; no Marketo "
                                                   + "lead field holds more than " + MAX_VALUE_BYTES + " bytes (a Text "
                                                   + "area field; a String field holds 255 characters, describeLeads "
                                                   + "gives each field's length)");
            }
        }
    }

    /**
     * The leads of the body, each with a key Marketo can match or create it by: an id, an email, a
     * foreignSysPersonId, the {@code lookupField}'s attribute, or (syncLead) the Munchkin cookie. A record without
     * any fails the exchange before a call, naming its index.
     */
    static List<Lead> keyedLeads(Exchange exchange, MarketoOperation operation, SyncOptions options) {
        List<Lead> leads = leads(exchange, operation);
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = leads.get(i);
            boolean keyed = lead.getId() != null || notBlank(lead.getEmail()) || notBlank(lead.getForeignSysPersonId())
                            || options.lookupField() != null && lead.getAttributes().keySet().stream()
                                    .anyMatch(name -> name.equalsIgnoreCase(options.lookupField()))
                            || operation == MarketoOperation.syncLead && notBlank(options.marketoCookie());
            if (!keyed) {
                throw new IllegalArgumentException(operation + ": record " + i + " has no key: set its id, email or "
                                                   + "foreignSysPersonId (or the lookupField attribute"
                                                   + (operation == MarketoOperation.syncLead ? ", or marketoCookie" : "")
                                                   + ")");
            }
        }
        return leads;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    static List<String> strings(Object body, MarketoOperation operation) {
        List<String> values = new ArrayList<>();
        if (body instanceof Collection<?> items) {
            int index = 0;
            for (Object v : items) {
                if (v == null || v.toString().isBlank()) {
                    throw new IllegalArgumentException(operation + ": element " + index + " of the body is "
                                                       + (v == null ? "null" : "blank") + "; every value must be set");
                }
                values.add(v.toString().trim());
                index++;
            }
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

    /**
     * Lead ids from the body: numbers, numeric Strings (a List or a comma-separated String), or leads that carry their
     * id ({@link Lead}, or a Map/JSON object convertible to one). A lead without an id fails naming its position.
     */
    static List<Long> leadIds(Exchange exchange, MarketoOperation operation) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Collection<?> items && items.stream().anyMatch(i -> i != null && !(i instanceof Number)
                                                                          && !(i instanceof CharSequence))) {
            List<Long> ids = new ArrayList<>(items.size());
            int index = 0;
            for (Lead lead : leads(exchange, operation)) {
                if (lead.getId() == null) {
                    throw new IllegalArgumentException(operation + " needs lead ids: the lead at index " + index
                                                       + " of the body has no id (" + lead + ")");
                }
                ids.add(lead.getId());
                index++;
            }
            return ids;
        }
        if (body instanceof Lead lead) {
            if (lead.getId() == null) {
                throw new IllegalArgumentException(operation + " needs lead ids: the lead in the body has no id");
            }
            return List.of(lead.getId());
        }
        return ids(body, operation, "lead ids");
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }
}

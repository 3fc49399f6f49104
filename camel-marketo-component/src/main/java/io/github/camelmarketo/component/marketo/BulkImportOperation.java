package io.github.camelmarketo.component.marketo;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.github.camelmarketo.component.marketo.model.ImportResult;
import io.github.camelmarketo.component.marketo.model.ImportRow;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.MarketoException;
import io.github.camelmarketo.component.marketo.model.Reason;
import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.model.SyncStatus;
import io.github.camelmarketo.component.marketo.client.MarketoRestOperations;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Producer handler of importLeads (Bulk Lead Import). Body: leads ({@code List}, {@code Iterable} or
 * {@code Iterator} of {@link Lead} or Map, read lazily, so a splitter-sized stream never sits in memory), or CSV
 * whose header row names REST fields ({@code InputStream}, {@code byte[]}, {@code File}, {@code Path}, or a String
 * that is not JSON). Options: {@code lookupField}, {@code partitionName} (headers override), the static list from
 * {@code CamelMarketoListId}/{@code CamelMarketoListName} or {@code staticListId}/{@code staticListName} (optional).
 * Out: an {@link ImportResult}; header {@code CamelMarketoFailedCount} = rows rejected.
 */
final class BulkImportOperation {

    private BulkImportOperation() {
    }

    static void importLeads(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        Message message = exchange.getMessage();
        String lookupField = message.getHeader(MarketoConstants.LOOKUP_FIELD, config.getLookupField(), String.class);
        String partition = message.getHeader(MarketoConstants.PARTITION_NAME, config.getPartitionName(), String.class);
        Object body = message.getBody();
        ImportResult result;
        InputStream csv = csvOf(body);
        if (csv != null) {
            Long listId = listId(rest, config, exchange);
            try (InputStream in = csv) {
                result = rest.importCsv(in, lookupField, partition, listId);
            } catch (IOException e) {
                throw new UncheckedIOException("importLeads: cannot read the CSV body", e);
            }
        } else {
            Iterator<Lead> leads = leadsOf(exchange, body);
            if (!leads.hasNext()) {
                throw new IllegalArgumentException("importLeads needs at least one lead (or CSV data row) in the body");
            }
            result = rest.importLeads(leads, lookupField, partition, listId(rest, config, exchange));
        }
        message.setHeader(MarketoConstants.FAILED_COUNT, (int) result.failed());
        message.setBody(result);
    }

    /**
     * syncMultipleLeads above {@code bulkImportThreshold}: the leads as one import; one result per lead in input
     * order, IMPORTED (with the warning as reason, if any) or SKIPPED with the failure reason.
     */
    static void syncByImport(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange, List<Lead> leads) {
        Message message = exchange.getMessage();
        String lookupField = message.getHeader(MarketoConstants.LOOKUP_FIELD, config.getLookupField(), String.class);
        ImportResult result = rest.importLeads(leads.iterator(), lookupField, config.getPartitionName(), null);
        SyncResult[] results = new SyncResult[leads.size()];
        for (ImportRow warning : result.warnings()) {
            if (warning.index() >= 0 && warning.index() < results.length) {
                results[warning.index()] = new SyncResult(warning.index(), null, SyncStatus.IMPORTED,
                        List.of(new Reason(null, warning.reason())), null);
            }
        }
        int unmatched = 0;
        for (ImportRow failure : result.failures()) {
            if (failure.index() >= 0 && failure.index() < results.length) {
                results[failure.index()] = new SyncResult(failure.index(), null, SyncStatus.SKIPPED,
                        List.of(new Reason(null, failure.reason())), null);
            } else {
                unmatched++;
            }
        }
        if (unmatched > 0) {
            throw new MarketoException("syncMultipleLeads", null, unmatched + " failed import rows of batches "
                                                                  + result.batchIds() + " could not be matched to the input",
                    null, "Read the batches' failures.json, or sync without bulkImportThreshold");
        }
        List<SyncResult> out = new ArrayList<>(results.length);
        int failed = 0;
        for (int i = 0; i < results.length; i++) {
            SyncResult r = results[i] != null ? results[i] : new SyncResult(i, null, SyncStatus.IMPORTED, List.of(), null);
            failed += r.isSuccess() ? 0 : 1;
            out.add(r);
        }
        message.setHeader(MarketoConstants.FAILED_COUNT, failed);
        message.setBody(out);
    }

    private static Long listId(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        Message message = exchange.getMessage();
        String name = message.getHeader(MarketoConstants.LIST_NAME, String.class);
        if (message.getHeader(MarketoConstants.LIST_ID) == null && (name == null || name.isBlank())
            && config.getStaticListId() == null && config.getStaticListName() == null) {
            return null;
        }
        return StaticListOperations.listId(rest, config, exchange, MarketoOperation.importLeads);
    }

    /** The body as a CSV stream, or null when it holds leads. */
    private static InputStream csvOf(Object body) {
        try {
            if (body instanceof InputStream in) {
                return in;
            }
            if (body instanceof byte[] bytes) {
                return new ByteArrayInputStream(bytes);
            }
            if (body instanceof File file) {
                return Files.newInputStream(file.toPath());
            }
            if (body instanceof Path path) {
                return Files.newInputStream(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("importLeads: cannot open the CSV file in the body", e);
        }
        if (body instanceof String text && !text.isBlank() && !text.trim().startsWith("[") && !text.trim().startsWith("{")) {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private static Iterator<Lead> leadsOf(Exchange exchange, Object body) {
        Iterator<?> items;
        if (body instanceof Iterator<?> it) {
            items = it;
        } else if (body instanceof Iterable<?> iterable && !(body instanceof Map<?, ?>)) {
            items = iterable.iterator();
        } else {
            // a single lead, a Map, a JSON array or object
            items = ProducerSupport.leads(exchange, MarketoOperation.importLeads).iterator();
        }
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public Lead next() {
                if (!items.hasNext()) {
                    throw new NoSuchElementException();
                }
                Object item = items.next();
                Lead lead = item instanceof Lead l ? l
                        : exchange.getContext().getTypeConverter().tryConvertTo(Lead.class, exchange, item);
                if (lead == null) {
                    throw new IllegalArgumentException("importLeads needs leads (Lead or Map) or CSV in the body; the element at index "
                                                       + index + " is " + (item == null ? "null" : item.getClass().getName()));
                }
                index++;
                return lead;
            }
        };
    }
}

package io.github.camelmarketo.component.marketo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelmarketo.component.marketo.ProducerSupport.Page;
import io.github.camelmarketo.component.marketo.ProducerSupport.PageIterator;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.client.MarketoRestOperations;
import io.github.camelmarketo.component.marketo.client.SyncOptions;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import static io.github.camelmarketo.component.marketo.ProducerSupport.chunks;
import static io.github.camelmarketo.component.marketo.ProducerSupport.fields;
import static io.github.camelmarketo.component.marketo.ProducerSupport.ids;
import static io.github.camelmarketo.component.marketo.ProducerSupport.keyedLeads;
import static io.github.camelmarketo.component.marketo.ProducerSupport.leadIds;
import static io.github.camelmarketo.component.marketo.ProducerSupport.leadPagesOf;
import static io.github.camelmarketo.component.marketo.ProducerSupport.setPagingHeaders;
import static io.github.camelmarketo.component.marketo.ProducerSupport.strings;
import static io.github.camelmarketo.component.marketo.ProducerSupport.syncOptions;
import static io.github.camelmarketo.component.marketo.ProducerSupport.syncResults;

/**
 * Producer handlers of the REST-only operations (the rows of {@link MarketoOperation} with
 * {@code soapSupported=false}). Each handler reads its input from the body and {@code CamelMarketo*} headers,
 * checks it before any call, calls {@link MarketoRestOperations} in vendor-sized chunks and puts the typed result
 * in the body. Paged reads return one page and set the same paging headers as SOAP getMultipleLeads, or with
 * {@code fetchAll=true} an iterator over every page.
 */
final class RestOnlyOperations {

    /** Handles one exchange of one REST-only operation. */
    @FunctionalInterface
    interface Handler {
        void handle(MarketoRestOperations rest, MarketoConfiguration configuration, Exchange exchange);
    }

    private RestOnlyOperations() {
    }

    /** The handler of {@code operation}; fails for an operation SOAP also has (those go through MarketoClient). */
    static Handler handlerFor(MarketoOperation operation) {
        return switch (operation) {
            case describeLeads -> (rest, config, exchange) -> exchange.getMessage().setBody(rest.describeLeads());
            case getLeadsById -> RestOnlyOperations::getLeadsById;
            case getLeadsByFilter -> RestOnlyOperations::getLeadsByFilter;
            case syncLeads -> (rest, config, exchange) -> {
                SyncOptions options = syncOptions(config, exchange);
                syncResults(exchange, operation, keyedLeads(exchange, operation, options),
                        chunk -> rest.syncLeads(chunk, options));
            };
            case deleteLeads -> (rest, config, exchange) -> syncResults(exchange, operation,
                    ids(exchange.getMessage().getBody(), operation, "lead ids"), rest::deleteLeads);
            case mergeLeads -> RestOnlyOperations::mergeLeads;
            case associateLead -> RestOnlyOperations::associateLead;
            case pushLeads -> RestOnlyOperations::pushLeads;
            case getLeadsByList -> (rest, config, exchange) -> leadPages(rest, config, exchange,
                    listId(rest, config, exchange), rest::getLeadsByList);
            case getLeadsByProgram -> (rest, config, exchange) -> leadPages(rest, config, exchange,
                    requiredId(exchange, MarketoConstants.PROGRAM_ID, operation, "program id"), rest::getLeadsByProgram);
            case getListsByLead -> (rest, config, exchange) -> recordPages(config, exchange,
                    leadId(exchange, operation), rest::getListsByLead);
            case getProgramsByLead -> (rest, config, exchange) -> recordPages(config, exchange,
                    leadId(exchange, operation), rest::getProgramsByLead);
            case getCampaignsByLead -> (rest, config, exchange) -> recordPages(config, exchange,
                    leadId(exchange, operation), rest::getCampaignsByLead);
            case addToList -> StaticListOperations.membership(operation, MarketoRestOperations::addToList);
            case removeFromList -> StaticListOperations.membership(operation, MarketoRestOperations::removeFromList);
            case isMemberOfList -> StaticListOperations.membership(operation, MarketoRestOperations::isMemberOfList);
            case describeLeads2 -> (rest, config, exchange) -> exchange.getMessage().setBody(rest.describeLeads2());
            case getLeadById -> (rest, config, exchange) -> exchange.getMessage().setBody(
                    rest.getLeadById(leadId(exchange, operation), fields(config, exchange)));
            case getLeadPartitions -> (rest, config, exchange) -> exchange.getMessage().setBody(rest.getLeadPartitions());
            case updateLeadPartitions -> RestOnlyOperations::updateLeadPartitions;
            case changeProgramStatus -> ProgramCampaignOperations::changeProgramStatus;
            case requestCampaign -> ProgramCampaignOperations::requestCampaign;
            case scheduleCampaign -> ProgramCampaignOperations::scheduleCampaign;
            case importLeads -> BulkImportOperation::importLeads;
            case getActivityTypes -> (rest, config, exchange) -> exchange.getMessage().setBody(rest.getActivityTypes());
            case getLeadActivities -> ActivityOperations::getLeadActivities;
            case getDeletedLeads -> ActivityOperations::getDeletedLeads;
            default -> throw new IllegalArgumentException(operation + " is not a REST-only operation");
        };
    }

    // ------------------------------------------------------------ handlers

    private static void getLeadsById(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        List<Long> ids = ids(exchange.getMessage().getBody(), MarketoOperation.getLeadsById, "lead ids");
        List<String> values = new ArrayList<>(ids.size());
        ids.forEach(id -> values.add(id.toString()));
        exchange.getMessage().setBody(allLeadsByFilter(rest, "id", values, fields(config, exchange)));
    }

    private static void getLeadsByFilter(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        Message message = exchange.getMessage();
        String filterType = message.getHeader(MarketoConstants.FILTER_TYPE, config.getLeadKeyType().restField(), String.class);
        List<String> values = strings(message.getBody(), MarketoOperation.getLeadsByFilter);
        int limit = MarketoOperation.getLeadsByFilter.getChunkLimit();
        if (values.size() > limit) {
            // more values than one call takes: every chunk, every page
            message.setBody(allLeadsByFilter(rest, filterType, values, fields(config, exchange)));
            return;
        }
        List<String> fields = fields(config, exchange);
        leadPagesOf(config, exchange, (token, size) -> rest.getLeadsByFilter(filterType, values, fields, token, size));
    }

    /** Every lead of every chunk of {@code values}, in pages of the largest size (one page per chunk of ids). */
    private static List<Lead> allLeadsByFilter(MarketoRestOperations rest, String filterType, List<String> values,
                                               List<String> fields) {
        int limit = MarketoOperation.getLeadsByFilter.getChunkLimit();
        int batchSize = limit;
        List<Lead> leads = new ArrayList<>();
        for (List<String> chunk : chunks(values, limit)) {
            String token = null;
            do {
                LeadPage page = rest.getLeadsByFilter(filterType, chunk, fields, token, batchSize);
                leads.addAll(page.leads());
                token = page.hasMore() ? page.nextPosition() : null;
            } while (token != null);
        }
        return leads;
    }

    private static void mergeLeads(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        Message message = exchange.getMessage();
        long winner = requiredHeaderId(message, MarketoConstants.WINNING_LEAD_ID, MarketoOperation.mergeLeads, "winning lead id");
        List<Long> losers = ids(message.getBody(), MarketoOperation.mergeLeads, "losing lead ids");
        int limit = MarketoOperation.mergeLeads.getChunkLimit();
        if (losers.size() > limit) {
            throw new IllegalArgumentException("mergeLeads takes at most " + limit + " losing lead ids per call, the body has "
                                               + losers.size() + ": split the merge (Marketo error 1080)");
        }
        if (losers.contains(winner)) {
            throw new IllegalArgumentException("mergeLeads: the winning lead " + winner + " is also in the losing ids " + losers);
        }
        rest.mergeLeads(winner, losers, message.getHeader(MarketoConstants.MERGE_IN_CRM, false, Boolean.class));
        message.setBody(winner);
    }

    private static void associateLead(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        Message message = exchange.getMessage();
        long leadId = leadId(exchange, MarketoOperation.associateLead);
        String cookie = message.getHeader(MarketoConstants.MARKETO_COOKIE, config.getMarketoCookie(), String.class);
        if (cookie == null || cookie.isBlank()) {
            throw new IllegalArgumentException("associateLead needs the Munchkin cookie: set header "
                                               + MarketoConstants.MARKETO_COOKIE + " or option marketoCookie");
        }
        rest.associateLead(leadId, cookie);
        message.setBody(leadId);
    }

    private static void pushLeads(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        Message message = exchange.getMessage();
        String programName = message.getHeader(MarketoConstants.PROGRAM_NAME, String.class);
        if (programName == null || programName.isBlank()) {
            throw new IllegalArgumentException("pushLeads needs header " + MarketoConstants.PROGRAM_NAME
                                               + " (the program the push is attributed to)");
        }
        String source = message.getHeader(MarketoConstants.PUSH_SOURCE, String.class);
        String reason = message.getHeader(MarketoConstants.PUSH_REASON, String.class);
        SyncOptions options = syncOptions(config, exchange);
        syncResults(exchange, MarketoOperation.pushLeads, keyedLeads(exchange, MarketoOperation.pushLeads, options),
                chunk -> rest.pushLeads(chunk, programName, source, reason, options));
    }

    private static void updateLeadPartitions(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        List<Long> ids = leadIds(exchange, MarketoOperation.updateLeadPartitions);
        String partition = exchange.getMessage().getHeader(MarketoConstants.PARTITION_NAME, config.getPartitionName(),
                String.class);
        if (partition == null || partition.isBlank()) {
            throw new IllegalArgumentException("updateLeadPartitions needs the partition: header "
                                               + MarketoConstants.PARTITION_NAME + " or option partitionName "
                                               + "(getLeadPartitions lists them)");
        }
        syncResults(exchange, MarketoOperation.updateLeadPartitions, ids,
                chunk -> rest.updateLeadPartitions(chunk, partition.trim()));
    }

    // ------------------------------------------------------------ paging

    /** One page of an id-addressed resource. */
    @FunctionalInterface
    interface IdPageSource<P> {
        P page(long id, List<String> fields, String token, int batchSize);
    }

    private static void leadPages(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange, long id,
                                  IdPageSource<LeadPage> source) {
        List<String> fields = fields(config, exchange);
        leadPagesOf(config, exchange, (token, size) -> source.page(id, fields, token, size));
    }

    /** One page of non-lead records of a lead. */
    @FunctionalInterface
    interface RecordPageSource {
        MarketoRestOperations.RecordPage page(long leadId, String token, int batchSize);
    }

    private static void recordPages(MarketoConfiguration config, Exchange exchange, long leadId, RecordPageSource source) {
        Message message = exchange.getMessage();
        int batchSize = config.getBatchSize();
        String start = message.getHeader(MarketoConstants.STREAM_POSITION, String.class);
        if (config.isFetchAll()) {
            message.setBody(new PageIterator<Map<String, Object>>(start, token -> {
                MarketoRestOperations.RecordPage page = source.page(leadId, token, batchSize);
                return new Page<>(page.records(), page.nextPageToken());
            }));
            return;
        }
        MarketoRestOperations.RecordPage page = source.page(leadId, start, batchSize);
        setPagingHeaders(message, page.nextPageToken(), -1);
        message.setBody(page.records());
    }

    // ------------------------------------------------------------ input

    private static long leadId(Exchange exchange, MarketoOperation operation) {
        return requiredId(exchange, MarketoConstants.LEAD_ID, operation, "lead id");
    }

    /** An id from the body (a number or numeric String) or else from {@code header}. */
    private static long requiredId(Exchange exchange, String header, MarketoOperation operation, String what) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Number || body instanceof String s && !s.isBlank()) {
            List<Long> ids = ids(body, operation, what);
            if (ids.size() == 1) {
                return ids.get(0);
            }
        }
        return requiredHeaderId(exchange.getMessage(), header, operation, what);
    }

    private static long requiredHeaderId(Message message, String header, MarketoOperation operation, String what) {
        Long id = message.getHeader(header, Long.class);
        if (id == null) {
            throw new IllegalArgumentException(operation + " needs the " + what + ": in header " + header
                                               + (MarketoConstants.WINNING_LEAD_ID.equals(header) ? "" : " or as the body"));
        }
        return id;
    }

    private static long listId(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof Number n) {
            return n.longValue();
        }
        return StaticListOperations.listId(rest, config, exchange, MarketoOperation.getLeadsByList);
    }

}

package io.github.camelmarketo.component.marketo;

import java.util.List;

import io.github.camelmarketo.component.marketo.model.SyncResult;
import io.github.camelmarketo.component.marketo.client.MarketoRestOperations;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import static io.github.camelmarketo.component.marketo.ProducerSupport.leadIds;
import static io.github.camelmarketo.component.marketo.ProducerSupport.syncResults;

/**
 * Producer handlers of the static list membership operations (addToList, removeFromList, isMemberOfList): lead ids
 * from the body, the list from {@code CamelMarketoListId}/{@code CamelMarketoListName} or the {@code staticListId}/
 * {@code staticListName} options, calls of at most 300 ids, one {@link SyncResult} per id in input order.
 */
final class StaticListOperations {

    /** One membership call on at most one chunk of ids. */
    @FunctionalInterface
    interface MembershipCall {
        List<SyncResult> call(MarketoRestOperations rest, long listId, List<Long> leadIds);
    }

    private StaticListOperations() {
    }

    static RestOnlyOperations.Handler membership(MarketoOperation operation, MembershipCall call) {
        return (rest, config, exchange) -> {
            // the input is checked before the list name costs a call
            List<Long> ids = leadIds(exchange, operation);
            long listId = listId(rest, config, exchange, operation);
            syncResults(exchange, operation, ids, chunk -> call.call(rest, listId, chunk));
        };
    }

    /**
     * The static list of a list operation: header {@code CamelMarketoListId}, header {@code CamelMarketoListName},
     * option {@code staticListId}, option {@code staticListName}, in this order; a name is resolved once per endpoint.
     */
    static long listId(MarketoRestOperations rest, MarketoConfiguration config, Exchange exchange,
                       MarketoOperation operation) {
        Message message = exchange.getMessage();
        Long header = message.getHeader(MarketoConstants.LIST_ID, Long.class);
        if (header != null) {
            return header;
        }
        String name = message.getHeader(MarketoConstants.LIST_NAME, String.class);
        if (name != null && !name.isBlank()) {
            return rest.resolveStaticListId(name.trim());
        }
        if (config.getStaticListId() != null) {
            return config.getStaticListId();
        }
        if (config.getStaticListName() != null) {
            return rest.resolveStaticListId(config.getStaticListName());
        }
        throw new IllegalArgumentException(operation + " needs the static list: header " + MarketoConstants.LIST_ID
                                           + " or " + MarketoConstants.LIST_NAME + ", or option staticListId or staticListName");
    }
}

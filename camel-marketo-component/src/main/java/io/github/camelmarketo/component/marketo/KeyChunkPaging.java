package io.github.camelmarketo.component.marketo;

import java.util.List;

import io.github.camelmarketo.component.marketo.model.LeadPage;
import io.github.camelmarketo.component.marketo.model.LeadSelector;
import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.model.MarketoApi;

/**
 * Pages through a key list longer than one call accepts ({@link MarketoOperation#getChunkLimit(MarketoApi)}; SOAP ignores the
 * keys beyond it): one chunk of keys after the other. The position is {@code <chunk index>:<client position>}, the
 * client position empty at the start of a chunk, so a stored cursor resumes inside the right chunk. Used by the
 * producer (getMultipleLeads with many keys) and the consumer (leadSelector=leadKeys).
 */
final class KeyChunkPaging {

    private KeyChunkPaging() {
    }

    /** The page at {@code position} (null: the first page of the first chunk). */
    static LeadPage page(MarketoClient client, LeadSelector.ByKeys keys, String position, int batchSize,
                                List<String> fields) {
        int chunk = 0;
        String clientPosition = null;
        if (position != null) {
            int separator = position.indexOf(':');
            if (separator < 1) {
                throw new IllegalArgumentException("Not a key-list position: " + position);
            }
            chunk = Integer.parseInt(position.substring(0, separator));
            clientPosition = separator == position.length() - 1 ? null : position.substring(separator + 1);
        }
        List<String> values = keys.values();
        int perCall = MarketoOperation.getMultipleLeads.getChunkLimit(client.api());
        int from = Math.min(values.size(), chunk * perCall);
        int to = Math.min(values.size(), from + perCall);
        LeadPage page = client.getMultipleLeads(new LeadSelector.ByKeys(keys.keyType(), values.subList(from, to)),
                clientPosition, batchSize, fields);
        if (page.hasMore()) {
            return new LeadPage(page.leads(), chunk + ":" + page.nextPosition(), -1, true);
        }
        if (to < values.size()) {
            return new LeadPage(page.leads(), (chunk + 1) + ":", -1, true);
        }
        return LeadPage.last(page.leads());
    }
}

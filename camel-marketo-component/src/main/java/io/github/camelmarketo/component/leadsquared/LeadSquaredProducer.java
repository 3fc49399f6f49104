package io.github.camelmarketo.component.leadsquared;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Retrieves the leads whose ids are in the message body. The HTTP client is created once at start; {@link #process}
 * validates the ids (before any call) and delegates to a {@link LeadSquaredLeadIterator}.
 *
 * <p>
 * Output: a {@code List<LeadSquaredLead>} in the order of the ids, or with {@code fetchAll=true} the
 * {@link LeadSquaredLeadIterator} itself; header {@link LeadSquaredConstants#MISSING_IDS} lists the ids without a lead,
 * and is absent (removed, with {@code fetchAll=true}) when an answer without {@code ProspectId} makes them unknowable.
 */
public class LeadSquaredProducer extends DefaultProducer {

    private LeadSquaredClient client;

    public LeadSquaredProducer(LeadSquaredEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public LeadSquaredEndpoint getEndpoint() {
        return (LeadSquaredEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getEndpoint().createClient();
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        LeadSquaredConfiguration configuration = getEndpoint().getConfiguration();
        List<String> ids = LeadIds.from(exchange.getIn().getBody());
        List<String> columns = LeadSquaredConfiguration.columnList(
                exchange.getIn().getHeader(LeadSquaredConstants.COLUMNS, configuration.getColumns(), String.class));
        LeadSquaredLeadIterator leads = new LeadSquaredLeadIterator(client, ids, columns,
                configuration.getMaxIdsPerRequest(), configuration.getPageSize());
        Message out = exchange.getMessage();
        if (configuration.isFetchAll()) {
            out.setBody(leads);
            out.setHeader(LeadSquaredConstants.MISSING_IDS, leads.getMissingIds());
            leads.onMissingIdsUnknowable(() -> out.removeHeader(LeadSquaredConstants.MISSING_IDS));
            return;
        }
        List<LeadSquaredLead> result = new ArrayList<>(ids.size());
        leads.forEachRemaining(result::add);
        out.setBody(result);
        if (leads.isMissingIdsKnown()) {
            out.setHeader(LeadSquaredConstants.MISSING_IDS, List.copyOf(leads.getMissingIds()));
        } else {
            out.removeHeader(LeadSquaredConstants.MISSING_IDS);
        }
        out.setHeader(LeadSquaredConstants.RECORD_COUNT, result.size());
    }
}

package io.github.camelmarketo.component.marketo;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Performs the endpoint's operation. The transport client is created once at start; {@link #process} only
 * delegates.
 */
public class MarketoProducer extends DefaultProducer {

    private MarketoClient client;
    private RestOnlyOperations.Handler restOnlyHandler;

    public MarketoProducer(MarketoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MarketoEndpoint getEndpoint() {
        return (MarketoEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getEndpoint().createClient();
        MarketoOperation operation = getEndpoint().getOperation();
        if (!operation.isSoapSupported()) {
            if (!(client instanceof MarketoRestOperations)) {
                throw new IllegalStateException(operation + " is REST-only but the endpoint's client is " + client.api());
            }
            restOnlyHandler = RestOnlyOperations.handlerFor(operation);
        }
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
        if (restOnlyHandler != null) {
            restOnlyHandler.handle((MarketoRestOperations) client, getEndpoint().getConfiguration(), exchange);
            return;
        }
        throw new UnsupportedOperationException("not implemented yet");
    }
}

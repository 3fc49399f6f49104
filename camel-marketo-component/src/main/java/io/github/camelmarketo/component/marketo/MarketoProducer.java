package io.github.camelmarketo.component.marketo;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Performs the endpoint's operation. The transport client is created once at start; {@link #process} only
 * delegates.
 */
public class MarketoProducer extends DefaultProducer {

    private MarketoClient client;

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
        throw new UnsupportedOperationException("not implemented yet");
    }
}

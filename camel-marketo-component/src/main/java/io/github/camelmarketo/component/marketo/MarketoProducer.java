package io.github.camelmarketo.component.marketo;

import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.client.MarketoRestOperations;
import io.github.camelmarketo.component.marketo.health.MarketoProducerHealthCheck;
import io.github.camelmarketo.component.marketo.health.ProducerHealthChecks;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Performs the endpoint's operation. At start it creates the transport client and picks the one handler of the
 * operation ({@link SharedOperations} for operations both APIs have, {@link RestOnlyOperations} for the others);
 * {@link #process} only delegates. Adding an operation means a constant in {@link MarketoOperation} and a handler.
 */
public class MarketoProducer extends DefaultProducer {

    private MarketoClient client;
    private Consumer<Exchange> handler;
    private MarketoProducerHealthCheck healthCheck;

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
        MarketoOperation operation = getEndpoint().getOperation();
        MarketoConfiguration configuration = getEndpoint().getConfiguration();
        client = getEndpoint().createClient();
        if (operation.isSoapSupported()) {
            SharedOperations.Handler shared = SharedOperations.handlerFor(operation);
            handler = exchange -> shared.handle(client, configuration, exchange);
        } else if (client instanceof MarketoRestOperations rest) {
            RestOnlyOperations.Handler restOnly = RestOnlyOperations.handlerFor(operation);
            handler = exchange -> restOnly.handle(rest, configuration, exchange);
        } else {
            throw new IllegalStateException(operation + " is REST-only but the endpoint's client is " + client.api());
        }
        MarketoClient started = client;
        healthCheck = ProducerHealthChecks.register(getEndpoint(), client.api().name(), operation.name(), started::callStats);
    }

    @Override
    protected void doStop() throws Exception {
        ProducerHealthChecks.unregister(getEndpoint(), healthCheck);
        healthCheck = null;
        if (client != null) {
            client.close();
            client = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        MarketoProducerHealthCheck check = healthCheck;
        if (check == null) {
            handler.accept(exchange);
            return;
        }
        try {
            handler.accept(exchange);
        } catch (RuntimeException e) {
            check.failed(e);
            throw e;
        }
        if (exchange.getException() != null) {
            check.failed(exchange.getException());
        } else {
            check.succeeded();
        }
    }
}

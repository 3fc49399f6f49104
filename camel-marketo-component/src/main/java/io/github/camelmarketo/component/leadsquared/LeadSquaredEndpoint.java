package io.github.camelmarketo.component.leadsquared;

import io.github.camelmarketo.component.support.RateLimiter;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Retrieves LeadSquared leads in bulk by their ids (ProspectId).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "leadsquared", title = "LeadSquared", syntax = "leadsquared:operation",
             producerOnly = true, category = { Category.SAAS, Category.CLOUD }, headersClass = LeadSquaredConstants.class)
public class LeadSquaredEndpoint extends DefaultEndpoint {

    @UriPath(description = "The operation to perform")
    @Metadata(required = true)
    private LeadSquaredOperation operation;

    @UriParam
    private LeadSquaredConfiguration configuration;

    public LeadSquaredEndpoint(String uri, LeadSquaredComponent component, LeadSquaredOperation operation,
                               LeadSquaredConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new LeadSquaredProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("leadsquared: has no consumer; use it as a producer (to(\"leadsquared:"
                                                + operation + "\"))");
    }

    /** A new HTTP client for this endpoint, limited by the limiter it shares with the other endpoints of its account. */
    LeadSquaredClient createClient() {
        return new LeadSquaredClient(configuration, operation, getLimiter());
    }

    /**
     * The client-side limiter this endpoint's calls go through, shared by every endpoint of the component with the same
     * base URL and access key; its counters show how often calls were held back.
     */
    public RateLimiter getLimiter() {
        return getComponent().limiterFor(configuration);
    }

    public LeadSquaredOperation getOperation() {
        return operation;
    }

    /**
     * The operation to perform.
     */
    public void setOperation(LeadSquaredOperation operation) {
        this.operation = operation;
    }

    public LeadSquaredConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The endpoint configuration.
     */
    public void setConfiguration(LeadSquaredConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public LeadSquaredComponent getComponent() {
        return (LeadSquaredComponent) super.getComponent();
    }
}

package io.github.camelmarketo.component.marketo;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code marketo:} component. Its {@link MarketoConfiguration} holds defaults for every endpoint (set
 * credentials here, not in URIs); each endpoint works on a copy changed by its URI options.
 */
@Component("marketo")
public class MarketoComponent extends HealthCheckComponent {

    @Metadata
    private MarketoConfiguration configuration = new MarketoConfiguration();

    public MarketoComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MarketoOperation operation = MarketoOperation.fromPath(remaining);
        MarketoConfiguration endpointConfiguration
                = configuration != null ? configuration.copy() : new MarketoConfiguration();
        MarketoEndpoint endpoint = new MarketoEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    public MarketoConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * Component-level defaults for every endpoint.
     */
    public void setConfiguration(MarketoConfiguration configuration) {
        this.configuration = configuration;
    }
}

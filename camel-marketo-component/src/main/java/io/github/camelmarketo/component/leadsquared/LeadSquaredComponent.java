package io.github.camelmarketo.component.leadsquared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelmarketo.component.support.RateLimiter;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.URISupport;

/**
 * The {@code leadsquared:} component. Its {@link LeadSquaredConfiguration} holds defaults for every endpoint (set the
 * keys here, not in URIs); each endpoint works on a copy changed by its URI options. The component also owns the
 * client-side rate limiters: one per base URL and access key, because the vendor's rate limit is per account, so all
 * endpoints of an account share it (the first endpoint's rate options create it).
 */
@Component("leadsquared")
public class LeadSquaredComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata
    private LeadSquaredConfiguration configuration = new LeadSquaredConfiguration();

    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public LeadSquaredComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LeadSquaredOperation operation = LeadSquaredOperation.fromPath(remaining);
        LeadSquaredConfiguration endpointConfiguration
                = configuration != null ? configuration.copy() : new LeadSquaredConfiguration();
        // created under the sanitized URI, so that getEndpointUri() and everything printing it hide the keys
        LeadSquaredEndpoint endpoint = new LeadSquaredEndpoint(URISupport.sanitizeUri(uri), this, operation,
                endpointConfiguration);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        endpointConfiguration.validate();
        endpointConfiguration.createSslContext(getCamelContext());
        return endpoint;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /**
     * Use the CamelContext's global SSLContextParameters for endpoints without their own sslContextParameters.
     */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /** The limiter for the account of {@code endpointConfiguration}, created on first use. */
    RateLimiter limiterFor(LeadSquaredConfiguration endpointConfiguration) {
        String account = endpointConfiguration.resolveBaseUrl() + '\n' + endpointConfiguration.getAccessKey();
        return limiters.computeIfAbsent(account, k -> endpointConfiguration.newRateLimiter());
    }

    @Override
    protected void doStop() throws Exception {
        limiters.clear();
        super.doStop();
    }

    public LeadSquaredConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * Component-level defaults for every endpoint.
     */
    public void setConfiguration(LeadSquaredConfiguration configuration) {
        this.configuration = configuration;
    }
}

package io.github.camelmarketo.component.marketo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.ObjectName;

import io.github.camelmarketo.component.marketo.rest.RestInstance;
import io.github.camelmarketo.component.marketo.rest.RestSharedState;
import io.github.camelmarketo.component.marketo.rest.RestUrls;
import io.github.camelmarketo.component.marketo.rest.TokenManager;
import io.github.camelmarketo.component.support.RateLimiter;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.ManagementAgent;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code marketo:} component. Its {@link MarketoConfiguration} holds defaults for every endpoint (set
 * credentials here, not in URIs); each endpoint works on a copy changed by its URI options.
 */
@Component("marketo")
public class MarketoComponent extends HealthCheckComponent {

    private static final Logger LOG = LoggerFactory.getLogger(MarketoComponent.class);

    static {
        MarketoEndpoint.registerSecretOptionNames();
    }

    @Metadata
    private MarketoConfiguration configuration = new MarketoConfiguration();

    // REST state shared by the endpoints of this component: limiter + stats per instance, token per client id
    private final RestSharedState restState = new RestSharedState();
    // SOAP limiter per SOAP endpoint (= Marketo instance), shared by the endpoints of this component
    private final Map<String, RateLimiter> soapLimiters = new ConcurrentHashMap<>();

    public MarketoComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MarketoOperation operation = MarketoOperation.fromPath(remaining);
        MarketoConfiguration endpointConfiguration
                = configuration != null ? configuration.copy() : new MarketoConfiguration();
        MarketoEndpoint endpoint = new MarketoEndpoint(MarketoEndpoint.maskSecrets(uri), this, operation, endpointConfiguration);
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

    /**
     * The REST limiter and stats of the Marketo instance {@code urls} addresses, shared by every endpoint of this
     * component. The stats are bound in the registry as {@code marketoCallStats-<instance>} and managed over JMX when
     * JMX is enabled.
     */
    public RestInstance restInstance(RestUrls urls, MarketoConfiguration endpointConfiguration) {
        return restState.instance(urls, endpointConfiguration, this::registerStats);
    }

    /** The access token manager of {@code clientId} at the identity service of {@code urls}, shared by the endpoints. */
    public TokenManager restTokenManager(RestUrls urls, String clientId, MarketoCallStats stats) {
        return restState.tokenManager(urls, clientId, stats);
    }

    /** Call statistics of every Marketo instance this component has called over REST, by instance. */
    public Map<String, MarketoCallStats> getCallStats() {
        return restState.stats();
    }

    private void registerStats(RestInstance instance) {
        MarketoCallStats stats = instance.stats();
        getCamelContext().getRegistry().bind("marketoCallStats-" + instance.key(), MarketoCallStats.class, stats);
        ManagementAgent agent = getCamelContext().getManagementStrategy() == null
                ? null : getCamelContext().getManagementStrategy().getManagementAgent();
        if (agent != null) {
            try {
                agent.register(stats, new ObjectName(agent.getMBeanObjectDomainName() + ":context="
                                                     + ObjectName.quote(getCamelContext().getManagementName())
                                                     + ",type=marketo,name=" + ObjectName.quote(instance.key())));
            } catch (Exception e) {
                LOG.warn("Cannot register Marketo call stats of {} in JMX: {}", instance.key(), e.getMessage());
            }
        }
    }

    /**
     * The SOAP limiter of the Marketo instance at {@code soapEndpoint}, shared by every endpoint of this component;
     * the first endpoint fixes its settings (a limit belongs to the account, not to a route).
     */
    public RateLimiter soapLimiter(String soapEndpoint, MarketoConfiguration endpointConfiguration) {
        return soapLimiters.computeIfAbsent(soapEndpoint, key -> endpointConfiguration.newCallLimiter());
    }

    @Override
    protected void doStop() throws Exception {
        soapLimiters.clear();
        restState.clear();
        super.doStop();
    }
}

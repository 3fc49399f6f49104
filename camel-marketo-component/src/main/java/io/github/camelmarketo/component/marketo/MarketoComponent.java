package io.github.camelmarketo.component.marketo;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import javax.management.ObjectName;

import io.github.camelmarketo.component.marketo.client.MarketoClient;
import io.github.camelmarketo.component.marketo.client.MarketoClientFactory;
import io.github.camelmarketo.component.marketo.metrics.CamelMicrometerHook;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.MarketoCallStats;
import io.github.camelmarketo.component.marketo.rest.RestMarketoClientFactory;
import io.github.camelmarketo.component.marketo.soap.SoapMarketoClientFactory;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
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
public class MarketoComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(MarketoComponent.class);

    static {
        MarketoEndpoint.registerSecretOptionNames();
    }

    @Metadata
    private MarketoConfiguration configuration = new MarketoConfiguration();

    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    // one client factory per API; each owns what its clients share (limiters, stats, tokens, the CXF bus)
    private final Map<MarketoApi, MarketoClientFactory> clientFactories = new EnumMap<>(Map.of(
            MarketoApi.soap, new SoapMarketoClientFactory(),
            MarketoApi.rest, new RestMarketoClientFactory()));

    public MarketoComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MarketoOperation operation = MarketoOperation.fromPath(remaining);
        MarketoConfiguration endpointConfiguration
                = configuration != null ? configuration.copy() : new MarketoConfiguration();
        MarketoEndpoint endpoint = new MarketoEndpoint(MarketoEndpoint.maskSecrets(uri), this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        if (endpointConfiguration.getSslContextParameters() == null) {
            endpointConfiguration.setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        endpoint.validate();
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

    public MarketoConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * Component-level defaults for every endpoint.
     */
    public void setConfiguration(MarketoConfiguration configuration) {
        this.configuration = configuration;
    }

    /** A new client of {@code api} for an endpoint's configuration, sharing the instance's state; the caller closes it. */
    MarketoClient createClient(MarketoApi api, MarketoConfiguration endpointConfiguration) {
        return clientFactories.get(api).create(endpointConfiguration, this::registerStats);
    }

    /**
     * Call statistics of every Marketo instance this component has called, by instance (the REST host, or
     * {@code soap:<host>} for the SOAP endpoint). Each is also bound in the registry as
     * {@code marketoCallStats-<instance>} and managed over JMX when JMX is enabled.
     */
    public Map<String, MarketoCallStats> getCallStats() {
        Map<String, MarketoCallStats> stats = new TreeMap<>();
        clientFactories.values().forEach(factory -> stats.putAll(factory.callStats()));
        return stats;
    }

    private void registerStats(MarketoCallStats stats) {
        getCamelContext().getRegistry().bind("marketoCallStats-" + stats.getInstance(), MarketoCallStats.class, stats);
        CamelMicrometerHook.bind(getCamelContext(), stats);
        ManagementAgent agent = getCamelContext().getManagementStrategy() == null
                ? null : getCamelContext().getManagementStrategy().getManagementAgent();
        if (agent != null) {
            try {
                agent.register(stats, new ObjectName(agent.getMBeanObjectDomainName() + ":context="
                                                     + ObjectName.quote(getCamelContext().getManagementName())
                                                     + ",type=marketo,name=" + ObjectName.quote(stats.getInstance())));
            } catch (Exception e) {
                LOG.warn("Cannot register Marketo call stats of {} in JMX: {}", stats.getInstance(), e.getMessage());
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        clientFactories.values().forEach(MarketoClientFactory::close);
        super.doStop();
    }
}

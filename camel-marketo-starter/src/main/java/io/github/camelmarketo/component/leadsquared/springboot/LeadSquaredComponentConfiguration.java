package io.github.camelmarketo.component.leadsquared.springboot;

import java.time.Duration;

import io.github.camelmarketo.component.springboot.CallPolicyComponentConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spring Boot properties {@code camel.component.leadsquared.*}: every option of the {@code leadsquared:} component,
 * flattened (the nested configuration's options are top-level properties). Values become component-level
 * defaults for every endpoint. Kept in step with {@code leadsquared.json} by {@code ComponentOptionsDriftTest}.
 */
@ConfigurationProperties(prefix = "camel.component.leadsquared")
public class LeadSquaredComponentConfiguration extends CallPolicyComponentConfiguration {

    /**
     * Whether to enable auto configuration of the leadsquared component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * Overrides https://{host} with a full base URL (scheme://host:port, no path), e.g. a proxy or the emulator's
     * http://127.0.0.1:PORT.
     */
    private String baseUrl;
    /**
     * The account's regional API host, e.g. api.leadsquared.com, api-in21.leadsquared.com or api-
     * us11.leadsquared.com; calls go to https://{host}. Not needed when baseUrl is set.
     */
    private String host;
    /**
     * Comma-separated lead columns to retrieve (the vendor's mandatory Include_CSV); ProspectId is always added
     * because results are matched to the requested ids by it.
     */
    private String columns = "ProspectId,FirstName,LastName,EmailAddress,Phone,ProspectStage,CreatedOn,ModifiedOn";
    /**
     * Component-level defaults for every endpoint.
     */
    private io.github.camelmarketo.component.leadsquared.LeadSquaredConfiguration configuration;
    /**
     * Return an Iterator of leads that fetches one request's worth of ids at a time while it is consumed (memory
     * bounded by maxIdsPerRequest leads) instead of a List of all leads. Use it with a streaming split.
     */
    private Boolean fetchAll = false;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Leads per response page (Paging.PageSize), 1 to 10000. Pages are requested until one comes back shorter than
     * pageSize; with pageSize at least maxIdsPerRequest (the defaults) every request is a single call.
     */
    private Integer pageSize = 10000;
    /**
     * Ids sent per request, 1 to 10000 (the vendor maximum); longer id lists are split into requests of this size. With
     * the default pageSize a request costs one call, so 10000 ids cost one call.
     */
    private Integer maxIdsPerRequest = 10000;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * LeadSquared access key (sent as the x-LSQ-AccessKey header, or the accessKey query parameter with
     * keysInHeaders=false). Prefer setting it on the component.
     */
    private String accessKey;
    /**
     * Send the keys as the headers x-LSQ-AccessKey and x-LSQ-SecretKey (the default, which the vendor recommends), so
     * they are not part of any request URI, proxy or access log. false sends them as the accessKey and secretKey query
     * parameters instead.
     */
    private Boolean keysInHeaders = true;
    /**
     * LeadSquared secret key (sent as the x-LSQ-SecretKey header, or the secretKey query parameter with
     * keysInHeaders=false). Prefer setting it on the component.
     */
    private String secretKey;

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getColumns() {
        return columns;
    }

    public void setColumns(String columns) {
        this.columns = columns;
    }

    public io.github.camelmarketo.component.leadsquared.LeadSquaredConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(io.github.camelmarketo.component.leadsquared.LeadSquaredConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getFetchAll() {
        return fetchAll;
    }

    public void setFetchAll(Boolean fetchAll) {
        this.fetchAll = fetchAll;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Integer getMaxIdsPerRequest() {
        return maxIdsPerRequest;
    }

    public void setMaxIdsPerRequest(Integer maxIdsPerRequest) {
        this.maxIdsPerRequest = maxIdsPerRequest;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public Boolean getKeysInHeaders() {
        return keysInHeaders;
    }

    public void setKeysInHeaders(Boolean keysInHeaders) {
        this.keysInHeaders = keysInHeaders;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }
}

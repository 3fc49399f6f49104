package io.github.camelmarketo.component.leadsquared.springboot;

import java.time.Duration;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spring Boot properties {@code camel.component.leadsquared.*}: every option of the {@code leadsquared:} component,
 * flattened (the nested configuration's options are top-level properties). Values become component-level
 * defaults for every endpoint. Kept in step with {@code leadsquared.json} by {@code ComponentOptionsDriftTest}.
 */
@ConfigurationProperties(prefix = "camel.component.leadsquared")
public class LeadSquaredComponentConfiguration extends ComponentConfigurationPropertiesCommon {

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
     * Leads per response page (Paging.PageSize), 1 to 10000; each request's ids are paged until all found leads have
     * arrived.
     */
    private Integer pageSize = 1000;
    /**
     * Ids sent per request, 1 to 10000 (the vendor maximum); longer id lists are split into requests of this size.
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
     * Connect timeout of each call. Spring Boot duration syntax: 500ms, 20s, 30m; a bare number is milliseconds.
     */
    private Duration connectTimeout = Duration.ofSeconds(30);
    /**
     * Hook to customise the Apache HttpClient 5 builder (proxy, TLS) before the client is built.
     */
    private org.apache.camel.component.http.HttpClientConfigurer httpClientConfigurer;
    /**
     * Client-side limit: calls in flight at the same time per base URL and access key (0: unlimited).
     */
    private Integer maxConcurrentCalls = 10;
    /**
     * Retries of a call answered with HTTP 429 or 5xx or that got no answer (connection reset, timeout). HTTP 400,
     * 401 and 404 are never retried.
     */
    private Integer maxRetries = 5;
    /**
     * Client-side limit: calls per rateLimitWindow, shared by every endpoint with the same base URL and access key
     * (vendor: 25 calls / 5 s; match your plan). 0 disables the limiter (429 answers are still retried).
     */
    private Integer rateLimitCalls = 25;
    /**
     * Client-side limit: sliding window length; also the pause after an HTTP 429 before the call is retried. Spring
     * Boot duration syntax: 500ms, 20s, 30m; a bare number is milliseconds.
     */
    private Duration rateLimitWindow = Duration.ofSeconds(5);
    /**
     * First delay before retrying a 5xx or a failed connection; doubles per attempt, with jitter. Spring Boot
     * duration syntax: 500ms, 20s, 30m; a bare number is milliseconds.
     */
    private Duration retryInitialDelay = Duration.ofSeconds(1);
    /**
     * Largest delay between retries. Spring Boot duration syntax: 500ms, 20s, 30m; a bare number is milliseconds.
     */
    private Duration retryMaxDelay = Duration.ofSeconds(30);
    /**
     * Response (read) timeout of each call. Spring Boot duration syntax: 500ms, 20s, 30m; a bare number is
     * milliseconds.
     */
    private Duration socketTimeout = Duration.ofSeconds(120);
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

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public org.apache.camel.component.http.HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(org.apache.camel.component.http.HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public Integer getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public void setMaxConcurrentCalls(Integer maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Integer getRateLimitCalls() {
        return rateLimitCalls;
    }

    public void setRateLimitCalls(Integer rateLimitCalls) {
        this.rateLimitCalls = rateLimitCalls;
    }

    public Duration getRateLimitWindow() {
        return rateLimitWindow;
    }

    public void setRateLimitWindow(Duration rateLimitWindow) {
        this.rateLimitWindow = rateLimitWindow;
    }

    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
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

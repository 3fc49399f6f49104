package io.github.camelmarketo.component.springboot;

import java.time.Duration;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;

/**
 * The call-policy properties both starters share, as the components' configurations share
 * {@code io.github.camelmarketo.component.support.CallPolicyConfiguration}: rate limit, concurrency, retries, timeouts,
 * the HTTP client hook, TLS (sslContextParameters), the proxy, allowInsecureHttp and maxResponseSize. Unset values
 * keep the component's defaults (the vendor's limits for rateLimitCalls and rateLimitWindow).
 */
public abstract class CallPolicyComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * A rate limiter bean (implementing io.github.camelmarketo.component.support.RateLimiter) used instead of the
     * local one that rateLimitCalls, rateLimitWindow and maxConcurrentCalls describe, e.g. a budget shared by several
     * nodes (camel-marketo-cluster). Every call of the endpoints that use it waits for its permit.
     */
    private io.github.camelmarketo.component.support.RateLimiter rateLimiter;
    /**
     * Client-side limit: calls per rateLimitWindow, shared by every endpoint that spends the same vendor budget
     * (marketo: per instance, default 100, the vendor's 100 calls / 20 s; leadsquared: per base URL and access key,
     * default 25, the vendor's 25 calls / 5 s). Lower it when other integrations share the budget. 0 disables the
     * window (rate-limit answers are still retried).
     */
    private Integer rateLimitCalls;
    /**
     * Client-side limit: sliding window length (marketo default 20s, leadsquared default 5s). A call holds its slot
     * until one window after it completed, so the server never counts more than rateLimitCalls in any of its
     * windows. Spring Boot duration syntax: 500ms, 20s, 30m; a bare number is milliseconds.
     */
    private Duration rateLimitWindow;
    /**
     * Client-side limit: calls in flight at the same time for one vendor budget (Marketo allows 10 per instance); 0:
     * unlimited.
     */
    private Integer maxConcurrentCalls = 10;
    /**
     * This component's own cap on calls per rolling day (the last 24 hours) for one vendor budget, across producers
     * and consumers (0: none). Marketo's daily quota (REST 50,000, SOAP 10,000 by default) is shared by every
     * integration of the instance: set your integration's share here. Once it is spent, producers fail at once with a
     * quota exception and consumers pause; nothing is sent. Applies to the local limiter (a rateLimiter bean brings
     * its own).
     */
    private Long maxDailyCalls = 0L;
    /**
     * Retries of a call that failed with a retryable error: rate and concurrency limits, expired tokens and refused
     * connections always; server errors, timeouts and lost connections for reads only (a write is retried only when
     * the failure proves nothing was applied). The daily quota and permanent errors are never retried.
     */
    private Integer maxRetries = 5;
    /**
     * First delay before a retry; doubles per attempt, with jitter. Spring Boot duration syntax: 500ms, 20s, 30m; a
     * bare number is milliseconds.
     */
    private Duration retryInitialDelay = Duration.ofSeconds(1);
    /**
     * Largest delay between retries. Spring Boot duration syntax: 500ms, 20s, 30m; a bare number is milliseconds.
     */
    private Duration retryMaxDelay = Duration.ofSeconds(30);
    /**
     * Connect timeout of each call. Spring Boot duration syntax: 500ms, 20s, 30m; a bare number is milliseconds.
     */
    private Duration connectTimeout = Duration.ofSeconds(30);
    /**
     * Response (read) timeout of each call. Spring Boot duration syntax: 500ms, 20s, 30m; a bare number is
     * milliseconds.
     */
    private Duration socketTimeout = Duration.ofSeconds(120);
    /**
     * Hook to customise the Apache HttpClient 5 builder of the HTTP transports (proxy, TLS) before the client is
     * built.
     */
    private org.apache.camel.component.http.HttpClientConfigurer httpClientConfigurer;

    /**
     * TLS settings (trust store, key store, protocols) of every HTTPS call, e.g. to trust a corporate TLS-inspecting
     * proxy's CA. Without it the JVM's default trust store is used. Certificates and host names are always verified.
     * A bean reference: #bean:name or #name.
     */
    private org.apache.camel.support.jsse.SSLContextParameters sslContextParameters;
    /**
     * Use the CamelContext's global SSLContextParameters for endpoints without their own sslContextParameters.
     */
    private Boolean useGlobalSslContextParameters = false;
    /**
     * HTTP proxy host for every call (REST, SOAP, LeadSquared). Without it the JVM proxy system properties
     * (https.proxyHost, http.proxyHost, http.nonProxyHosts) apply.
     */
    private String proxyHost;
    /**
     * HTTP proxy port (1 to 65535); required with proxyHost.
     */
    private Integer proxyPort;
    /**
     * User name for the proxy (Basic authentication); set together with proxyPassword.
     */
    private String proxyUsername;
    /**
     * Password for the proxy (Basic authentication); set together with proxyUsername.
     */
    private String proxyPassword;
    /**
     * Allow credentials over plain http:// to a host that is not a loopback address (localhost, 127.0.0.1, ::1 are
     * always allowed). By default such an endpoint URL is refused when the endpoint is created.
     */
    private Boolean allowInsecureHttp = false;
    /**
     * Largest response body read into memory, in bytes (default 67108864, 64 MB): a larger JSON or SOAP answer fails
     * the call naming the operation and this option. Bulk export files are streamed and not limited.
     */
    private Long maxResponseSize = 67108864L;

    public io.github.camelmarketo.component.support.RateLimiter getRateLimiter() {
        return rateLimiter;
    }

    public void setRateLimiter(io.github.camelmarketo.component.support.RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
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

    public Integer getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public void setMaxConcurrentCalls(Integer maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    public Long getMaxDailyCalls() {
        return maxDailyCalls;
    }

    public void setMaxDailyCalls(Long maxDailyCalls) {
        this.maxDailyCalls = maxDailyCalls;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
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

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    public org.apache.camel.component.http.HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(org.apache.camel.component.http.HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public org.apache.camel.support.jsse.SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(org.apache.camel.support.jsse.SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public Long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(Long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }
}

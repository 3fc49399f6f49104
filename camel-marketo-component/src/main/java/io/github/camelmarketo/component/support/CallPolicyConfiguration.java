package io.github.camelmarketo.component.support;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The call policy both components share (as Camel's {@code NettyConfiguration} extends
 * {@code NettyServerBootstrapConfiguration}): the client-side rate limit and concurrency cap, the retry policy, the
 * timeouts and the HTTP client hook, plus the TLS, proxy and size options of {@link TransportConfiguration}. {@code MarketoConfiguration} and {@code LeadSquaredConfiguration} extend it; each
 * sets its vendor's rate limit as its default.
 */
@UriParams
public class CallPolicyConfiguration extends TransportConfiguration implements TransportSettings {

    @UriParam(label = "advanced")
    private RateLimiter rateLimiter;
    @UriParam(label = "advanced")
    private int rateLimitCalls;
    @UriParam(label = "advanced", javaType = "java.time.Duration")
    private long rateLimitWindow;
    @UriParam(label = "advanced", defaultValue = "10")
    private int maxConcurrentCalls = 10;
    @UriParam(label = "advanced", defaultValue = "0")
    private long maxDailyCalls;
    @UriParam(label = "advanced", defaultValue = "5")
    private int maxRetries = 5;
    @UriParam(label = "advanced", defaultValue = "1s", javaType = "java.time.Duration")
    private long retryInitialDelay = 1000;
    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long retryMaxDelay = 30000;
    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long connectTimeout = 30000;
    @UriParam(label = "advanced", defaultValue = "120s", javaType = "java.time.Duration")
    private long socketTimeout = 120000;
    @UriParam(label = "advanced")
    private HttpClientConfigurer httpClientConfigurer;

    /**
     * @param rateLimitCalls  the vendor's calls per window, the default of rateLimitCalls
     * @param rateLimitWindow the vendor's window in milliseconds, the default of rateLimitWindow
     */
    protected CallPolicyConfiguration(int rateLimitCalls, long rateLimitWindow) {
        this.rateLimitCalls = rateLimitCalls;
        this.rateLimitWindow = rateLimitWindow;
    }

    /**
     * The configured rateLimiter, or a new client-side {@link CallLimiter} as rateLimitCalls, rateLimitWindow and
     * maxConcurrentCalls describe. Components keep one per vendor budget (instance, account).
     */
    public RateLimiter newRateLimiter() {
        if (rateLimiter != null) {
            return rateLimiter;
        }
        return new CallLimiter(rateLimitCalls, Duration.ofMillis(rateLimitWindow), maxConcurrentCalls, System::nanoTime,
                maxDailyCalls > 0 ? new DailyBudget(maxDailyCalls, Clock.systemUTC()) : null);
    }

    /** The retry policy of maxRetries, retryInitialDelay and retryMaxDelay. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxRetries, retryInitialDelay, retryMaxDelay);
    }

    /** Checks the call-policy options; the message names the option and the allowed values. */
    protected void validateCallPolicy() {
        requireAtLeast("rateLimitCalls", rateLimitCalls, 0);
        requireAtLeast("maxConcurrentCalls", maxConcurrentCalls, 0);
        requireAtLeast("maxRetries", maxRetries, 0);
        if (maxDailyCalls < 0) {
            throw new IllegalArgumentException("maxDailyCalls must be >= 0 (0: no cap), was " + maxDailyCalls);
        }
        if (rateLimitCalls > 0 && rateLimitWindow <= 0) {
            throw new IllegalArgumentException("rateLimitWindow must be positive when rateLimitCalls > 0, was " + rateLimitWindow);
        }
        if (retryInitialDelay < 0 || retryMaxDelay < 0) {
            throw new IllegalArgumentException("retryInitialDelay and retryMaxDelay must be >= 0, were " + retryInitialDelay
                                               + " and " + retryMaxDelay);
        }
        if (connectTimeout <= 0 || socketTimeout <= 0) {
            throw new IllegalArgumentException("connectTimeout and socketTimeout must be positive, were " + connectTimeout
                                               + " and " + socketTimeout);
        }
        validateTransport();
    }

    private static void requireAtLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + Integer.MAX_VALUE + ", was " + value);
        }
    }

    public RateLimiter getRateLimiter() {
        return rateLimiter;
    }

    /**
     * A rate limiter bean (implementing io.github.camelmarketo.component.support.RateLimiter) used instead of the local
     * one that rateLimitCalls, rateLimitWindow and maxConcurrentCalls describe, e.g. a budget shared by several nodes
     * (camel-marketo-cluster). Every call of the endpoints that use it waits for its permit.
     */
    public void setRateLimiter(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public int getRateLimitCalls() {
        return rateLimitCalls;
    }

    /**
     * Client-side limit: calls per rateLimitWindow, shared by every endpoint that spends the same vendor budget
     * (marketo: per instance, default 100, the vendor's 100 calls / 20 s; leadsquared: per base URL and access key,
     * default 25, the vendor's 25 calls / 5 s). Lower it when other integrations share the budget. 0 disables the
     * window (rate-limit answers are still retried).
     */
    public void setRateLimitCalls(int rateLimitCalls) {
        this.rateLimitCalls = rateLimitCalls;
    }

    public long getRateLimitWindow() {
        return rateLimitWindow;
    }

    /**
     * Client-side limit: sliding window length (marketo default 20s, leadsquared default 5s). A call holds its slot
     * until one window after it completed, so the server never counts more than rateLimitCalls in any of its windows.
     */
    public void setRateLimitWindow(long rateLimitWindow) {
        this.rateLimitWindow = rateLimitWindow;
    }

    public int getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    /**
     * Client-side limit: calls in flight at the same time for one vendor budget (Marketo allows 10 per instance); 0:
     * unlimited.
     */
    public void setMaxConcurrentCalls(int maxConcurrentCalls) {
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    public long getMaxDailyCalls() {
        return maxDailyCalls;
    }

    /**
     * This component's own cap on calls per rolling day (the last 24 hours) for one vendor budget, across producers and
     * consumers (0: none). Marketo's daily quota (REST 50,000, SOAP 10,000 by default) is shared by every integration of
     * the instance: set your integration's share here. Once it is spent, producers fail at once with a quota exception
     * and consumers pause; nothing is sent. Applies to the local limiter (a rateLimiter bean brings its own).
     */
    public void setMaxDailyCalls(long maxDailyCalls) {
        this.maxDailyCalls = maxDailyCalls;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * Retries of a call that failed with a retryable error: rate and concurrency limits, expired tokens and refused
     * connections always; server errors, timeouts and lost connections for reads only (a write is retried only when
     * the failure proves nothing was applied). The daily quota and permanent errors are never retried.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /**
     * First delay before a retry; doubles per attempt, with jitter.
     */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /**
     * Largest delay between retries.
     */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    @Override
    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Connect timeout of each call.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @Override
    public long getSocketTimeout() {
        return socketTimeout;
    }

    /**
     * Response (read) timeout of each call.
     */
    public void setSocketTimeout(long socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    @Override
    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    /**
     * Hook to customise the Apache HttpClient 5 builder of the HTTP transports (proxy, TLS) before the client is built.
     */
    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    /** The call policy as text, for toString() of the subclasses. */
    protected String describeCallPolicy() {
        return "rateLimit=" + rateLimitCalls + "/" + rateLimitWindow + "ms, maxConcurrentCalls=" + maxConcurrentCalls
               + ", maxRetries=" + maxRetries + (rateLimiter != null ? ", rateLimiter=" + rateLimiter : "") + ", "
               + describeTransport();
    }
}

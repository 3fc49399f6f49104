package io.github.camelmarketo.component.marketo.client;

import io.github.camelmarketo.component.support.RateLimiter;
import io.github.camelmarketo.component.support.RetryPolicy;
import io.github.camelmarketo.component.support.TransportSettings;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;

/**
 * What a transport needs to know of an endpoint's configuration: the instance's URLs, the credentials of its API,
 * the call policy and the transport (TLS, proxy, response size). {@code MarketoConfiguration} implements it; the
 * transports depend on this view only, not on the component's classes.
 */
public interface ClientSettings extends TransportSettings {

    String getMunchkinId();

    String getSoapEndpoint();

    String getRestEndpoint();

    String getIdentityEndpoint();

    String getUserId();

    String getEncryptionKey();

    String getClientId();

    String getClientSecret();

    String getTargetWorkspace();

    long getExtractJobTimeout();

    long getExtractPollInterval();

    long getImportPollInterval();

    long getImportJobTimeout();

    int getImportFileSize();

    int getMaxConcurrentCalls();

    CxfConfigurer getCxfConfigurer();

    /** The retry policy of maxRetries, retryInitialDelay and retryMaxDelay. */
    RetryPolicy retryPolicy();

    /** The rate limiter of a new vendor budget: the configured rateLimiter bean or a local one. */
    RateLimiter newRateLimiter();
}

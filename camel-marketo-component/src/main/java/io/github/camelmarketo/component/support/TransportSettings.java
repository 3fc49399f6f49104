package io.github.camelmarketo.component.support;

import javax.net.ssl.SSLContext;

import org.apache.camel.component.http.HttpClientConfigurer;

/**
 * What an HTTP transport (HttpClient 5 or the CXF conduit) needs of an endpoint's configuration: timeouts, the HTTP
 * client hook, TLS, the proxy and the response size cap. {@link CallPolicyConfiguration} implements it.
 */
public interface TransportSettings {

    long getConnectTimeout();

    long getSocketTimeout();

    HttpClientConfigurer getHttpClientConfigurer();

    /** The SSLContext of sslContextParameters, or {@code null} for the JVM's default TLS. */
    SSLContext sslContext();

    String getProxyHost();

    Integer getProxyPort();

    String getProxyUsername();

    String getProxyPassword();

    long getMaxResponseSize();
}

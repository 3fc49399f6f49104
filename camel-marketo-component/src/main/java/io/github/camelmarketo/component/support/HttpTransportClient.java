package io.github.camelmarketo.component.support;

import java.io.Closeable;
import java.io.IOException;
import java.net.ProxySelector;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one way both components build and use Apache HttpClient 5: a pool of {@link QuietHttpConnections}, the
 * connect and socket timeouts, no automatic retries (the {@link CallRetrier} decides), no redirects (they would carry
 * credentials elsewhere), no cookies; TLS from sslContextParameters or the JVM default, always verifying certificate
 * and host name; the configured proxy (with preemptive Basic authentication) or else the JVM's proxy system
 * properties; then the user's httpClientConfigurer. Response bodies read through {@link #body} are capped by
 * maxResponseSize. Thread-safe.
 */
public final class HttpTransportClient implements Closeable {

    private final CloseableHttpClient client;
    private final long maxResponseSize;
    private final HttpHost proxy;
    private final UsernamePasswordCredentials proxyCredentials;

    private HttpTransportClient(CloseableHttpClient client, long maxResponseSize, HttpHost proxy,
                                UsernamePasswordCredentials proxyCredentials) {
        this.client = client;
        this.maxResponseSize = maxResponseSize;
        this.proxy = proxy;
        this.proxyCredentials = proxyCredentials;
    }

    /** A client for {@code settings} with at most {@code maxConnections} pooled connections. */
    public static HttpTransportClient create(TransportSettings settings, int maxConnections) {
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(QuietHttpConnections.factory())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.getConnectTimeout()))
                        .setSocketTimeout(Timeout.ofMilliseconds(settings.getSocketTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                // both strategies verify the certificate chain and the host name
                .setTlsSocketStrategy(settings.sslContext() != null
                        ? new DefaultClientTlsStrategy(settings.sslContext())
                        : DefaultClientTlsStrategy.createSystemDefault());
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.getSocketTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling();
        HttpHost proxy = null;
        UsernamePasswordCredentials credentials = null;
        if (settings.getProxyHost() != null && !settings.getProxyHost().isBlank()) {
            proxy = new HttpHost("http", settings.getProxyHost().trim(), settings.getProxyPort());
            builder.setProxy(proxy);
            if (settings.getProxyUsername() != null) {
                credentials = new UsernamePasswordCredentials(settings.getProxyUsername(),
                        settings.getProxyPassword().toCharArray());
                BasicCredentialsProvider provider = new BasicCredentialsProvider();
                provider.setCredentials(new AuthScope(proxy), credentials);
                builder.setDefaultCredentialsProvider(provider);
            }
        } else {
            // https.proxyHost, http.proxyHost, http.nonProxyHosts and friends, as every JVM client honours them
            builder.setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()));
        }
        HttpClientConfigurer configurer = settings.getHttpClientConfigurer();
        if (configurer != null) {
            configurer.configureHttpClient(builder);
        }
        return new HttpTransportClient(builder.build(), settings.getMaxResponseSize(), proxy, credentials);
    }

    /** Sends {@code request} and returns the open response; the caller closes it. */
    public ClassicHttpResponse executeOpen(ClassicHttpRequest request) throws IOException {
        return client.executeOpen(null, request, context());
    }

    /** Sends {@code request} and hands the response to {@code handler}; the connection is released afterwards. */
    public <T> T execute(ClassicHttpRequest request, HttpClientResponseHandler<T> handler) throws IOException {
        return client.execute(request, context(), handler);
    }

    /** The body of a response, at most maxResponseSize bytes ({@link ResponseTooLargeException} otherwise). */
    public byte[] body(HttpEntity entity) throws IOException {
        return BoundedBodies.read(entity, maxResponseSize);
    }

    /**
     * A context that answers the proxy's Basic challenge before it is made, so that every request crosses the proxy
     * once (a 407 round trip would also resend every request body).
     */
    private HttpClientContext context() {
        if (proxyCredentials == null) {
            return null;
        }
        HttpClientContext context = HttpClientContext.create();
        BasicScheme basic = new BasicScheme();
        basic.initPreemptive(proxyCredentials);
        BasicAuthCache cache = new BasicAuthCache();
        cache.put(proxy, basic);
        context.setAuthCache(cache);
        return context;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}

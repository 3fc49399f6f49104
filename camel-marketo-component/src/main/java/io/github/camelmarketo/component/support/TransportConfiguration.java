package io.github.camelmarketo.component.support;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The transport options both components share: TLS trust ({@code sslContextParameters}), an HTTP proxy, the refusal
 * of credentials over plain {@code http://}, and the cap on response bodies. {@link CallPolicyConfiguration} extends
 * it; {@link HttpTransportClient} and the SOAP client's CXF conduit apply it. TLS is always verified (certificate and
 * host name): without sslContextParameters the JVM's default trust store is used.
 */
@UriParams
public class TransportConfiguration {

    /** Default of maxResponseSize: 64 MB. */
    public static final long DEFAULT_MAX_RESPONSE_SIZE = 64L * 1024 * 1024;

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "proxy", secret = true)
    private String proxyUsername;
    @UriParam(label = "proxy", secret = true)
    private String proxyPassword;
    @UriParam(label = "security", defaultValue = "false")
    private boolean allowInsecureHttp;
    @UriParam(label = "advanced", defaultValue = "67108864")
    private long maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;

    // created from sslContextParameters when the endpoint is created; not an option
    private SSLContext sslContext;

    /**
     * Creates the SSLContext of sslContextParameters (once per endpoint, before any call), so that a wrong key store
     * fails at endpoint creation. Does nothing without sslContextParameters.
     */
    public void createSslContext(CamelContext camelContext) {
        if (sslContextParameters == null) {
            sslContext = null;
            return;
        }
        try {
            sslContext = sslContextParameters.createSSLContext(camelContext);
        } catch (Exception e) {
            throw new RuntimeCamelException("Option sslContextParameters cannot create an SSLContext: " + e.getMessage(), e);
        }
    }

    /** The SSLContext of sslContextParameters, or {@code null} for the JVM's default (verified) TLS. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** Checks the proxy and size options; the message names the option and the allowed values. */
    protected void validateTransport() {
        boolean hasHost = proxyHost != null && !proxyHost.isBlank();
        if (hasHost && (proxyHost.contains("/") || proxyHost.contains(":") && !proxyHost.startsWith("["))) {
            throw new IllegalArgumentException("Option proxyHost must be a host name or IP address (no scheme or port; set "
                                               + "proxyPort), was '" + proxyHost + "'");
        }
        if (proxyPort != null && (proxyPort < 1 || proxyPort > 65535)) {
            throw new IllegalArgumentException("Option proxyPort must be between 1 and 65535, was " + proxyPort);
        }
        if (hasHost && proxyPort == null) {
            throw new IllegalArgumentException("Option proxyPort (1 to 65535) is required with proxyHost");
        }
        if (!hasHost && (proxyPort != null || proxyUsername != null || proxyPassword != null)) {
            throw new IllegalArgumentException("Options proxyPort, proxyUsername and proxyPassword need proxyHost");
        }
        if ((proxyUsername == null) != (proxyPassword == null)) {
            throw new IllegalArgumentException("Options proxyUsername and proxyPassword must be set together (proxy Basic "
                                               + "authentication), only " + (proxyUsername != null ? "proxyUsername" : "proxyPassword")
                                               + " is set");
        }
        if (maxResponseSize < 1) {
            throw new IllegalArgumentException("Option maxResponseSize must be a positive number of bytes (default 67108864, "
                                               + "64 MB), was " + maxResponseSize);
        }
    }

    /**
     * Refuses {@code url} (the value of {@code option}, which carries credentials) when it is plain {@code http://} to
     * a host other than a loopback address, unless allowInsecureHttp is set. Checks the text only: no name is resolved.
     */
    public void requireSecureUrl(String option, String url) {
        if (allowInsecureHttp || url == null) {
            return;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            // the option's own check reports malformed URLs
            return;
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Option " + option + " is plain http:// to " + uri.getHost()
                                               + ": the credentials would cross the network unencrypted. Use https://, or set "
                                               + "allowInsecureHttp=true to accept it (e.g. for a TLS-terminating proxy on a "
                                               + "trusted network)");
        }
    }

    /** Whether {@code host} names this machine: localhost, 127.x.x.x or ::1. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches() || h.equals("::1")
               || h.equals("0:0:0:0:0:0:0:1");
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings (trust store, key store, protocols) of every HTTPS call, e.g. to trust a corporate TLS-inspecting
     * proxy's CA. Without it the JVM's default trust store is used. Certificates and host names are always verified.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * HTTP proxy host for every call (REST, SOAP, LeadSquared). Without it the JVM proxy system properties
     * (https.proxyHost, http.proxyHost, http.nonProxyHosts) apply.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /**
     * HTTP proxy port (1 to 65535); required with proxyHost.
     */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    /**
     * User name for the proxy (Basic authentication); set together with proxyPassword.
     */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    /**
     * Password for the proxy (Basic authentication); set together with proxyUsername.
     */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    /**
     * Allow credentials over plain http:// to a host that is not a loopback address (localhost, 127.0.0.1, ::1 are
     * always allowed). By default such an endpoint URL is refused when the endpoint is created.
     */
    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    /**
     * Largest response body read into memory, in bytes (default 67108864, 64 MB): a larger JSON or SOAP answer fails
     * the call naming the operation and this option. Bulk export files are streamed and not limited.
     */
    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    /** The transport options as text without secrets, for toString() of the subclasses. */
    protected String describeTransport() {
        return (proxyHost != null ? "proxy=" + proxyHost + ":" + proxyPort + (proxyUsername != null ? " (authenticated)" : "")
                + ", " : "")
               + (sslContextParameters != null ? "sslContextParameters=set, " : "")
               + (allowInsecureHttp ? "allowInsecureHttp=true, " : "")
               + "maxResponseSize=" + maxResponseSize;
    }
}

package io.github.camelmarketo.component.transport;

import io.github.camelmarketo.component.leadsquared.LeadSquaredComponent;
import io.github.camelmarketo.component.leadsquared.LeadSquaredEndpoint;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transport options are checked when the endpoint is created, before any call: credentials over plain http:// to
 * a non-loopback host, proxy options that do not fit together, a non-positive maxResponseSize. Loopback http:// (the
 * emulator) and allowInsecureHttp=true are accepted; the global SSLContextParameters apply with
 * useGlobalSslContextParameters. None of these endpoints makes a call (the hosts do not exist).
 */
class TransportOptionsTest extends CamelTestSupport {

    private static final String REST = "marketo:getLead?clientId=id&clientSecret=secret";
    private static final String SOAP = "marketo:getLead?api=soap&userId=user&encryptionKey=key";
    private static final String LSQ = "leadsquared:getLeadsByIds?accessKey=access&secretKey=secret";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.addComponent("marketo", new MarketoComponent());
        camelContext.addComponent("leadsquared", new LeadSquaredComponent());
        return camelContext;
    }

    @Test
    void plainHttpToARemoteHostIsRefusedForEveryCredentialUrl() {
        assertRefused(REST + "&restEndpoint=https://mkto.example.com/rest&identityEndpoint=http://mkto.example.com/identity",
                "Option identityEndpoint is plain http:// to mkto.example.com: the credentials would cross the network "
                + "unencrypted. Use https://, or set allowInsecureHttp=true to accept it (e.g. for a TLS-terminating proxy "
                + "on a trusted network)");
        assertRefused(REST + "&restEndpoint=http://mkto.example.com/rest&identityEndpoint=https://mkto.example.com/identity",
                "Option restEndpoint is plain http:// to mkto.example.com: the credentials would cross the network "
                + "unencrypted. Use https://, or set allowInsecureHttp=true to accept it (e.g. for a TLS-terminating proxy "
                + "on a trusted network)");
        assertRefused(SOAP + "&soapEndpoint=http://10.1.2.3/soap/mktows/2_x",
                "Option soapEndpoint is plain http:// to 10.1.2.3: the credentials would cross the network "
                + "unencrypted. Use https://, or set allowInsecureHttp=true to accept it (e.g. for a TLS-terminating proxy "
                + "on a trusted network)");
        assertRefused(LSQ + "&baseUrl=http://api-in21.leadsquared.com",
                "Option baseUrl is plain http:// to api-in21.leadsquared.com: the credentials would cross the network "
                + "unencrypted. Use https://, or set allowInsecureHttp=true to accept it (e.g. for a TLS-terminating proxy "
                + "on a trusted network)");
    }

    @Test
    void loopbackAndAllowInsecureHttpAreAccepted() {
        for (String host : new String[] { "127.0.0.1:8080", "localhost:8080", "[::1]:8080" }) {
            context.getEndpoint(REST + "&restEndpoint=http://" + host + "/rest&identityEndpoint=http://" + host + "/identity");
            context.getEndpoint(SOAP + "&soapEndpoint=http://" + host + "/soap/mktows/2_x");
            context.getEndpoint(LSQ + "&baseUrl=http://" + host);
        }
        MarketoEndpoint insecure = context.getEndpoint(REST + "&allowInsecureHttp=true"
                                                       + "&restEndpoint=http://mkto.example.com/rest"
                                                       + "&identityEndpoint=http://mkto.example.com/identity",
                MarketoEndpoint.class);
        assertThat(insecure.getConfiguration().isAllowInsecureHttp()).isTrue();
        LeadSquaredEndpoint lsq = context.getEndpoint(LSQ + "&allowInsecureHttp=true&baseUrl=http://lsq.example.com",
                LeadSquaredEndpoint.class);
        assertThat(lsq.getConfiguration().isAllowInsecureHttp()).isTrue();
    }

    @Test
    void badProxyOptionsAreRefused() {
        for (String base : new String[] { REST + "&munchkinId=123-ABC-456", LSQ + "&host=api-in21.leadsquared.com" }) {
            assertRefused(base + "&proxyHost=proxy.example.com&proxyPort=70000",
                    "Option proxyPort must be between 1 and 65535, was 70000");
            assertRefused(base + "&proxyHost=proxy.example.com&proxyPort=0",
                    "Option proxyPort must be between 1 and 65535, was 0");
            assertRefused(base + "&proxyHost=proxy.example.com",
                    "Option proxyPort (1 to 65535) is required with proxyHost");
            assertRefused(base + "&proxyHost=http://proxy.example.com&proxyPort=3128",
                    "Option proxyHost must be a host name or IP address (no scheme or port; set proxyPort), was "
                    + "'http://proxy.example.com'");
            assertRefused(base + "&proxyPort=3128", "Options proxyPort, proxyUsername and proxyPassword need proxyHost");
            assertRefused(base + "&proxyHost=proxy.example.com&proxyPort=3128&proxyUsername=someone",
                    "Options proxyUsername and proxyPassword must be set together (proxy Basic authentication), only "
                    + "proxyUsername is set");
            assertRefused(base + "&proxyHost=proxy.example.com&proxyPort=3128&proxyPassword=secret",
                    "Options proxyUsername and proxyPassword must be set together (proxy Basic authentication), only "
                    + "proxyPassword is set");
            assertRefused(base + "&maxResponseSize=0",
                    "Option maxResponseSize must be a positive number of bytes (default 67108864, 64 MB), was 0");
        }
    }

    @Test
    void defaultsAndGlobalSslContextParameters() {
        MarketoEndpoint marketo = context.getEndpoint(REST + "&munchkinId=123-ABC-456", MarketoEndpoint.class);
        assertThat(marketo.getConfiguration().getMaxResponseSize()).isEqualTo(67108864L);
        assertThat(marketo.getConfiguration().isAllowInsecureHttp()).isFalse();
        assertThat(marketo.getConfiguration().getSslContextParameters()).isNull();
        assertThat(marketo.getConfiguration().sslContext()).as("the JVM's default TLS").isNull();

        SSLContextParameters global = TestCertificates.get().trustingParameters();
        context.setSSLContextParameters(global);
        context.getComponent("marketo", MarketoComponent.class).setUseGlobalSslContextParameters(true);
        context.getComponent("leadsquared", LeadSquaredComponent.class).setUseGlobalSslContextParameters(true);
        MarketoEndpoint withGlobal = context.getEndpoint(REST + "&munchkinId=123-ABC-457", MarketoEndpoint.class);
        assertThat(withGlobal.getConfiguration().getSslContextParameters()).isSameAs(global);
        assertThat(withGlobal.getConfiguration().sslContext()).isNotNull();
        LeadSquaredEndpoint lsq = context.getEndpoint(LSQ + "&host=api-in22.leadsquared.com", LeadSquaredEndpoint.class);
        assertThat(lsq.getConfiguration().getSslContextParameters()).isSameAs(global);
        assertThat(lsq.getConfiguration().sslContext()).isNotNull();
    }

    private void assertRefused(String uri, String message) {
        assertThatThrownBy(() -> context.getEndpoint(uri))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}

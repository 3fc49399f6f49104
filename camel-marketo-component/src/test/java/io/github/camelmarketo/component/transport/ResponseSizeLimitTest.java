package io.github.camelmarketo.component.transport;

import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * maxResponseSize caps every answer read into memory: a declared Content-Length over the cap and a chunked answer
 * that grows past it both fail the call at once (no retry) with a message naming the operation, the size and the
 * option; for REST, SOAP and LeadSquared.
 */
class ResponseSizeLimitTest extends CamelTestSupport {

    private static final int CAP = 2000;
    private static final String HINT = "; raise maxResponseSize to accept larger responses";

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(3));

    @Test
    void restAnswerWithContentLengthOverTheCap() {
        emulator.get().faults().inject(Api.REST, "GET /rest/v1/leads.json", Fault.Body.json(jsonOf(4000)), 1);
        TransportTarget.REST.addComponent(context, "capped", emulator.get(), emulator.get().getBaseUrl(),
                c -> c.setMaxResponseSize(CAP));

        Exchange out = TransportTarget.REST.read(template, "capped");

        assertThat(out.getException()).hasMessage("Marketo getLead failed: the response has 4000 bytes (Content-Length), "
                                                  + "more than maxResponseSize (2000 bytes)" + HINT);
        assertThat(emulator.get().counters().calls(Api.REST, "GET /rest/v1/leads.json")).as("not retried").isEqualTo(1);
    }

    @Test
    void restChunkedAnswerOverTheCap() throws Exception {
        emulator.get().faults().inject(Api.REST, "GET /rest/v1/leads.json", Fault.Body.json(jsonOf(4000)), 1);
        try (RelayProxy proxy = chunkedProxy()) {
            TransportTarget.REST.addComponent(context, "cappedChunked", emulator.get(), emulator.get().getBaseUrl(), c -> {
                c.setMaxResponseSize(CAP);
                c.setProxyHost("127.0.0.1");
                c.setProxyPort(proxy.port());
            });

            Exchange out = TransportTarget.REST.read(template, "cappedChunked");

            assertThat(out.getException()).hasMessage("Marketo getLead failed: the response is longer than maxResponseSize "
                                                      + "(2000 bytes)" + HINT);
            assertThat(proxy.relayed()).as("token and one leads call").isEqualTo(2);
        }
    }

    @Test
    void soapAnswerWithContentLengthOverTheCap() throws Exception {
        try (RelayProxy proxy = new RelayProxy(null, null)) {
            TransportTarget.SOAP.addComponent(context, "cappedSoap", emulator.get(), emulator.get().getBaseUrl(), c -> {
                c.setMaxResponseSize(500);
                c.setProxyHost("127.0.0.1");
                c.setProxyPort(proxy.port());
            });

            Exchange out = TransportTarget.SOAP.read(template, "cappedSoap");

            assertThat(proxy.lastResponseLength()).isGreaterThan(500);
            assertThat(out.getException()).hasMessage("Marketo getLead failed: the response has " + proxy.lastResponseLength()
                                                      + " bytes (Content-Length), more than maxResponseSize (500 bytes)" + HINT);
            assertThat(proxy.relayed()).as("not retried").isEqualTo(1);
        }
    }

    @Test
    void soapChunkedAnswerOverTheCap() throws Exception {
        try (RelayProxy proxy = chunkedProxy()) {
            TransportTarget.SOAP.addComponent(context, "cappedSoapChunked", emulator.get(), emulator.get().getBaseUrl(), c -> {
                c.setMaxResponseSize(500);
                c.setProxyHost("127.0.0.1");
                c.setProxyPort(proxy.port());
            });

            Exchange out = TransportTarget.SOAP.read(template, "cappedSoapChunked");

            assertThat(out.getException()).hasMessage("Marketo getLead failed: the response is longer than maxResponseSize "
                                                      + "(500 bytes)" + HINT);
            assertThat(proxy.relayed()).as("not retried").isEqualTo(1);
        }
    }

    @Test
    void leadSquaredAnswerWithContentLengthOverTheCap() {
        emulator.get().faults().inject(Api.LEADSQUARED, LeadSquaredApi.OPERATION, Fault.Body.json(jsonOf(4000)), 1);
        TransportTarget.LEADSQUARED.addComponent(context, "cappedLsq", emulator.get(), emulator.get().getBaseUrl(),
                c -> c.setMaxResponseSize(CAP));

        Exchange out = TransportTarget.LEADSQUARED.read(template, "cappedLsq");

        assertThat(out.getException()).hasMessage("LeadSquared getLeadsByIds on " + emulator.get().getLeadSquaredHost()
                                                  + " failed: the response has 4000 bytes (Content-Length), more than "
                                                  + "maxResponseSize (2000 bytes)" + HINT);
        assertThat(emulator.get().counters().calls(Api.LEADSQUARED)).as("not retried").isEqualTo(1);
    }

    @Test
    void leadSquaredChunkedAnswerOverTheCap() throws Exception {
        emulator.get().faults().inject(Api.LEADSQUARED, LeadSquaredApi.OPERATION, Fault.Body.json(jsonOf(4000)), 1);
        try (RelayProxy proxy = chunkedProxy()) {
            TransportTarget.LEADSQUARED.addComponent(context, "cappedLsqChunked", emulator.get(), emulator.get().getBaseUrl(),
                    c -> {
                        c.setMaxResponseSize(CAP);
                        c.setProxyHost("127.0.0.1");
                        c.setProxyPort(proxy.port());
                    });

            Exchange out = TransportTarget.LEADSQUARED.read(template, "cappedLsqChunked");

            assertThat(out.getException()).hasMessage("LeadSquared getLeadsByIds on " + emulator.get().getLeadSquaredHost()
                                                      + " failed: the response is longer than maxResponseSize (2000 bytes)"
                                                      + HINT);
            assertThat(proxy.relayed()).as("not retried").isEqualTo(1);
        }
    }

    @Test
    void answersUnderTheCapAreRead() {
        TransportTarget.REST.addComponent(context, "roomy", emulator.get(), emulator.get().getBaseUrl(),
                c -> c.setMaxResponseSize(CAP));
        Exchange out = TransportTarget.REST.read(template, "roomy");
        assertThat(out.getException()).isNull();
    }

    private static RelayProxy chunkedProxy() throws Exception {
        RelayProxy proxy = new RelayProxy(null, null);
        proxy.chunked(true);
        return proxy;
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static String jsonOf(int size) {
        String prefix = "{\"success\":true,\"padding\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
    }
}

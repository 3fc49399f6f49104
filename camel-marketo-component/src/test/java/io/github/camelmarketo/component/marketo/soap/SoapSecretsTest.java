package io.github.camelmarketo.component.marketo.soap;

import java.util.List;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoEndpoint;
import io.github.camelmarketo.component.marketo.MarketoTestSupport;
import io.github.camelmarketo.component.marketo.model.Lead;
import io.github.camelmarketo.component.support.StandardStreams;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SOAP encryption key never shows: not in the component's DEBUG log, Camel's error log, exception texts,
 * {@code endpoint.toString()} or the endpoint URI Camel prints, even when a user puts it into the URI.
 */
class SoapSecretsTest extends MarketoTestSupport {

    private static final String WRONG_KEY = "Wr0ngEncrypti0nKeyValue42";

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(10));

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    private String key() {
        return emulator.get().getSoapEncryptionKey();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").to("marketo:getLead");
                from("direct:sync").to("marketo:syncMultipleLeads");
                from("direct:wrong").to("marketo-wrong:getLead");
            }
        };
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        MarketoComponent wrong = new MarketoComponent();
        configureFor(wrong.getConfiguration(), emulator.get(), MarketoApi.soap);
        wrong.getConfiguration().setEncryptionKey(WRONG_KEY);
        camelContext.addComponent("marketo-wrong", wrong);
        return camelContext;
    }

    @Test
    void keyAbsentFromDebugLogsAndExceptions() {
        String log = StandardStreams.capture(() -> {
            emulator.get().faults().inject(Api.SOAP, new Fault.VendorError("20023"), 2);
            assertThat(template.requestBody("direct:get", "lead1@example.com", List.class)).hasSize(1);
            emulator.get().faults().inject(Api.SOAP, new Fault.HttpStatus(503), 1);
            Exchange failed = template.request("direct:sync", e -> e.getMessage().setBody(List.of(Lead.withEmail("x@example.com"))));
            assertThat(failed.getException()).isNotNull();
            assertNoSecret(failed.getException());
            Exchange denied = template.request("direct:wrong", e -> e.getMessage().setBody("lead1@example.com"));
            assertThat(denied.getException()).hasMessageContaining("20014");
            assertNoSecret(denied.getException());
        });
        assertThat(log).as("the capture saw the component's DEBUG retry lines").contains("retry 1 of");
        assertThat(log).as("and Camel's error log of the failed exchanges").contains("20014");
        assertThat(log).doesNotContain(key()).doesNotContain(WRONG_KEY);
    }

    @Test
    void keyInAnEndpointUriIsMaskedWhereverTheEndpointIsPrinted() {
        MarketoEndpoint endpoint = context.getEndpoint("marketo:getLead?encryptionKey=" + WRONG_KEY + "&batchSize=5",
                MarketoEndpoint.class);
        assertThat(endpoint.getConfiguration().getEncryptionKey()).isEqualTo(WRONG_KEY);
        assertThat(endpoint.toString()).doesNotContain(WRONG_KEY).contains("encryptionKey=xxxxxx", "batchSize=5");
        assertThat(endpoint.getEndpointUri()).doesNotContain(WRONG_KEY);
        assertThat(endpoint.getEndpointBaseUri()).doesNotContain(WRONG_KEY);
        assertThat(endpoint.getConfiguration().toString()).doesNotContain(WRONG_KEY).doesNotContain(key());
        assertThat(context.getEndpoint("marketo:getLead?encryptionKey=" + WRONG_KEY + "&batchSize=5"))
                .as("the same URI still finds the same endpoint").isSameAs(endpoint);
        MarketoEndpoint raw = context.getEndpoint("marketo:getLead?encryptionKey=RAW(" + WRONG_KEY + "&x)",
                MarketoEndpoint.class);
        assertThat(raw.getConfiguration().getEncryptionKey()).isEqualTo(WRONG_KEY + "&x");
        assertThat(raw.toString()).doesNotContain(WRONG_KEY);
        // the component's recommended setup: credentials at component level never enter a URI
        MarketoEndpoint recommended = context.getEndpoint("marketo:syncLead", MarketoEndpoint.class);
        assertThat(recommended.getConfiguration().getEncryptionKey()).isEqualTo(key());
        assertThat(recommended.getEndpointUri()).doesNotContain(key());
    }

    /**
     * Camel's own sanitizer masks options by a word list that does not include encryptionKey; the component adds it
     * ({@code URISupport.addSanitizeKeywords}), so every URI Camel sanitizes hides it, in any letter case.
     */
    @Test
    void camelsSanitizerMasksEncryptionKeyOnceTheComponentIsLoaded() {
        assertThat(marketo()).isNotNull();
        String uri = "marketo:getLead?userId=u&encryptionKey=" + WRONG_KEY + "&clientSecret=s3cr3tValue";
        String sanitized = URISupport.sanitizeUri(uri);
        assertThat(sanitized).doesNotContain("s3cr3tValue").doesNotContain(WRONG_KEY).contains("encryptionKey=xxxxxx");
        assertThat(URISupport.sanitizeUri("marketo:getLead?encryptionkey=" + WRONG_KEY)).doesNotContain(WRONG_KEY);
        assertThat(URISupport.sanitizeUri("marketo:getLead?encryptionKey=RAW(" + WRONG_KEY + "&x)")).doesNotContain(WRONG_KEY);
    }

    private void assertNoSecret(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(key()).doesNotContain(WRONG_KEY);
            assertThat(t.toString()).doesNotContain(key()).doesNotContain(WRONG_KEY);
        }
    }
}

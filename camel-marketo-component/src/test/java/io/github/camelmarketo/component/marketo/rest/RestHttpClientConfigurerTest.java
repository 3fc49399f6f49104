package io.github.camelmarketo.component.marketo.rest;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmarketo.component.marketo.MarketoEndpoint;
import io.github.camelmarketo.component.marketo.model.LeadKey;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The user's {@code httpClientConfigurer} shapes the REST client; endpoint texts never show a secret. */
class RestHttpClientConfigurerTest extends RestTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(5));

    private final AtomicInteger configured = new AtomicInteger();
    private final AtomicInteger intercepted = new AtomicInteger();

    @Override
    protected MarketoEmulatorExtension emulatorExtension() {
        return emulator;
    }

    @Test
    void configurerFromTheRegistryIsAppliedToTheClientBuilder() {
        HttpClientConfigurer configurer = builder -> {
            configured.incrementAndGet();
            builder.addRequestInterceptorFirst((request, entity, ctx) -> intercepted.incrementAndGet());
        };
        context.getRegistry().bind("myConfigurer", configurer);
        try (RestMarketoClient client = client("marketo:getLead?httpClientConfigurer=#myConfigurer")) {
            assertThat(client.getLead(LeadKey.email("nobody@example.com"), List.of())).isEmpty();
        }
        assertThat(configured).hasValue(1);
        // the identity call and the leads call both went through the configured client
        assertThat(intercepted).hasValue(2);
        assertThat(emulator().counters().calls(Api.REST, "GET /rest/v1/leads.json")).isEqualTo(1);
    }

    @Test
    void endpointTextsHideTheCredentials() {
        MarketoEndpoint endpoint = context.getEndpoint("marketo:getLead?clientSecret=uri-secret-123", MarketoEndpoint.class);
        assertThat(endpoint.toString()).doesNotContain("uri-secret-123");
        assertThat(endpoint.getConfiguration().toString())
                .doesNotContain("uri-secret-123")
                .doesNotContain(emulator().getClientId());
        try (RestMarketoClient client = (RestMarketoClient) endpoint.createClient()) {
            assertThat(client.toString()).doesNotContain("uri-secret-123").contains(emulator().getRestEndpoint());
        }
    }
}

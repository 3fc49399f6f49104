package io.github.camelmarketo.component.marketo.springboot;

import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.MarketoComponent;
import io.github.camelmarketo.component.marketo.MarketoConfiguration;
import io.github.camelmarketo.component.marketo.MarketoEndpoint;
import io.github.camelmarketo.component.marketo.model.SyncAction;
import io.github.camelmarketo.component.marketo.model.LeadKeyType;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel.component.marketo.*} properties reach the component Camel resolves, and through it every endpoint.
 * No network: creating a component or an endpoint calls nobody.
 */
@CamelSpringBootTest
@DirtiesContext
@SpringBootApplication
@SpringBootTest(classes = { MarketoComponentPropertiesTest.class, MarketoComponentPropertiesTest.Beans.class }, properties = {
        "camel.component.marketo.munchkin-id=123-ABC-456",
        "camel.component.marketo.client-id=my-client",
        "camel.component.marketo.client-secret=my-secret",
        "camel.component.marketo.api=rest",
        "camel.component.marketo.batch-size=250",
        "camel.component.marketo.lead-key-type=SFDCLEADID",
        "camel.component.marketo.action=createOnly",
        "camel.component.marketo.dedup-enabled=false",
        "camel.component.marketo.rate-limit-window=5s",
        "camel.component.marketo.extract-job-timeout=2m",
        "camel.component.marketo.max-concurrent-calls=4",
        "camel.component.marketo.state-repository=#bean:leadCursor",
        "camel.component.marketo.ssl-context-parameters=#bean:corporateTls",
        "camel.component.marketo.proxy-host=proxy.corp.example",
        "camel.component.marketo.proxy-port=3128",
        "camel.component.marketo.proxy-username=proxy-user",
        "camel.component.marketo.proxy-password=proxy-secret",
        "camel.component.marketo.max-response-size=1048576" })
class MarketoComponentPropertiesTest {

    @Autowired
    private CamelContext context;

    @Configuration
    static class Beans {
        @Bean
        StateRepository<String, String> leadCursor() {
            return new MemoryStateRepository();
        }

        @Bean
        SSLContextParameters corporateTls() {
            return new SSLContextParameters();
        }
    }

    @Test
    void propertiesReachTheComponent() {
        MarketoConfiguration configuration = context.getComponent("marketo", MarketoComponent.class).getConfiguration();

        assertThat(configuration.getMunchkinId()).isEqualTo("123-ABC-456");
        assertThat(configuration.getClientId()).isEqualTo("my-client");
        assertThat(configuration.getClientSecret()).isEqualTo("my-secret");
        assertThat(configuration.getApi()).isEqualTo(MarketoApi.rest);
        assertThat(configuration.getBatchSize()).isEqualTo(250);
        assertThat(configuration.getLeadKeyType()).isEqualTo(LeadKeyType.SFDCLEADID);
        assertThat(configuration.getAction()).isEqualTo(SyncAction.createOnly);
        assertThat(configuration.isDedupEnabled()).isFalse();
        assertThat(configuration.getRateLimitWindow()).isEqualTo(5_000L);
        assertThat(configuration.getExtractJobTimeout()).isEqualTo(120_000L);
        assertThat(configuration.getMaxConcurrentCalls()).isEqualTo(4);
        assertThat(configuration.getStateRepository()).isSameAs(context.getRegistry().lookupByName("leadCursor"));
    }

    @Test
    void transportPropertiesReachTheComponentAndItsEndpoints() {
        MarketoConfiguration configuration = context.getComponent("marketo", MarketoComponent.class).getConfiguration();

        assertThat(configuration.getSslContextParameters()).isSameAs(context.getRegistry().lookupByName("corporateTls"));
        assertThat(configuration.getProxyHost()).isEqualTo("proxy.corp.example");
        assertThat(configuration.getProxyPort()).isEqualTo(3128);
        assertThat(configuration.getProxyUsername()).isEqualTo("proxy-user");
        assertThat(configuration.getProxyPassword()).isEqualTo("proxy-secret");
        assertThat(configuration.getMaxResponseSize()).isEqualTo(1_048_576L);
        assertThat(configuration.isAllowInsecureHttp()).isFalse();
        assertThat(configuration.toString()).doesNotContain("proxy-secret");
        MarketoEndpoint endpoint = context.getEndpoint("marketo:getLead?proxyPort=8080", MarketoEndpoint.class);
        assertThat(endpoint.getConfiguration().getProxyPort()).isEqualTo(8080);
        assertThat(endpoint.getConfiguration().sslContext()).as("created from the bean").isNotNull();
    }

    @Test
    void unsetPropertiesKeepTheComponentDefaults() {
        MarketoConfiguration configuration = context.getComponent("marketo", MarketoComponent.class).getConfiguration();

        assertThat(configuration.getRateLimitCalls()).isEqualTo(100);
        assertThat(configuration.getMaxRetries()).isEqualTo(5);
        assertThat(configuration.getSocketTimeout()).isEqualTo(120_000L);
        assertThat(configuration.getUserId()).isNull();
    }

    @Test
    void endpointsInheritThePropertiesAndOverrideThemInTheUri() {
        MarketoEndpoint endpoint = context.getEndpoint("marketo:getLead?batchSize=10", MarketoEndpoint.class);

        assertThat(endpoint.getResolvedApi()).isEqualTo(MarketoApi.rest);
        assertThat(endpoint.getConfiguration().getMunchkinId()).isEqualTo("123-ABC-456");
        assertThat(endpoint.getConfiguration().getLeadKeyType()).isEqualTo(LeadKeyType.SFDCLEADID);
        assertThat(endpoint.getConfiguration().getBatchSize()).isEqualTo(10);
        assertThat(context.getComponent("marketo", MarketoComponent.class).getConfiguration().getBatchSize()).isEqualTo(250);
    }
}

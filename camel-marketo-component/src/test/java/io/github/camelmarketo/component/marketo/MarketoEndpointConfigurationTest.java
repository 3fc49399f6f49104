package io.github.camelmarketo.component.marketo;

import java.util.HashMap;
import java.util.Map;

import io.github.camelmarketo.component.marketo.model.LeadKeyType;
import io.github.camelmarketo.component.marketo.model.MarketoApi;
import io.github.camelmarketo.component.marketo.model.SyncAction;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Endpoint creation without any network: option binding (generated configurers), validation and its messages. */
class MarketoEndpointConfigurationTest extends CamelTestSupport {

    private static final String SOAP = "userId=mkto_user&soapEndpoint=http://localhost:1/soap/mktows/2_x";

    private MarketoEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, MarketoEndpoint.class);
    }

    private MarketoComponent component() {
        return context.getComponent("marketo", MarketoComponent.class);
    }

    @Test
    void everyUriOptionIsSetByTheGeneratedConfigurer() {
        context.getRegistry().bind("repo", new MemoryStateRepository());
        MarketoEndpoint e = endpoint("marketo:getMultipleLeads?api=soap&munchkinId=123-ABC-456&" + SOAP
                                     + "&encryptionKey=k1&restEndpoint=http://r/rest&identityEndpoint=http://r/identity"
                                     + "&leadKeyType=IDNUM&fields=FirstName,LastName&batchSize=250&dedupEnabled=false"
                                     + "&returnLead=true&lookupField=email&action=createOnly&partitionName=P1"
                                     + "&targetWorkspace=EMEA&marketoCookie=c1&fetchAll=true&asyncProcessing=true"
                                     + "&leadSelector=staticList&oldestUpdatedAt=2026-01-01T00:00:00Z"
                                     + "&latestUpdatedAt=2026-02-01T00:00:00Z&staticListName=VIP&staticListId=42"
                                     + "&leadKeys=a,b&batchMode=true&stateRepository=#repo&stateKey=k"
                                     + "&extractJobTimeout=10m&extractPollInterval=2s&rateLimitCalls=50"
                                     + "&rateLimitWindow=10s&maxConcurrentCalls=4&maxRetries=2&retryInitialDelay=500"
                                     + "&retryMaxDelay=5s&connectTimeout=3s&socketTimeout=1m");
        MarketoConfiguration c = e.getConfiguration();
        assertThat(e.getOperation()).isEqualTo(MarketoOperation.getMultipleLeads);
        assertThat(c.getApi()).isEqualTo(MarketoApi.soap);
        assertThat(c.getMunchkinId()).isEqualTo("123-ABC-456");
        assertThat(c.getUserId()).isEqualTo("mkto_user");
        assertThat(c.getEncryptionKey()).isEqualTo("k1");
        assertThat(c.getSoapEndpoint()).isEqualTo("http://localhost:1/soap/mktows/2_x");
        assertThat(c.getRestEndpoint()).isEqualTo("http://r/rest");
        assertThat(c.getIdentityEndpoint()).isEqualTo("http://r/identity");
        assertThat(c.getLeadKeyType()).isEqualTo(LeadKeyType.IDNUM);
        assertThat(c.getFieldList()).containsExactly("FirstName", "LastName");
        assertThat(c.getBatchSize()).isEqualTo(250);
        assertThat(c.isDedupEnabled()).isFalse();
        assertThat(c.isReturnLead()).isTrue();
        assertThat(c.getLookupField()).isEqualTo("email");
        assertThat(c.getAction()).isEqualTo(SyncAction.createOnly);
        assertThat(c.getPartitionName()).isEqualTo("P1");
        assertThat(c.getTargetWorkspace()).isEqualTo("EMEA");
        assertThat(c.getMarketoCookie()).isEqualTo("c1");
        assertThat(c.isFetchAll()).isTrue();
        assertThat(c.isAsyncProcessing()).isTrue();
        assertThat(c.getLeadSelector()).isEqualTo(LeadSelectorType.staticList);
        assertThat(c.getOldestUpdatedAt()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(c.getLatestUpdatedAt()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(c.getStaticListName()).isEqualTo("VIP");
        assertThat(c.getStaticListId()).isEqualTo(42L);
        assertThat(c.getLeadKeyList()).containsExactly("a", "b");
        assertThat(c.isBatchMode()).isTrue();
        assertThat(c.getStateRepository()).isSameAs(context.getRegistry().lookupByName("repo"));
        assertThat(c.getStateKey()).isEqualTo("k");
        assertThat(c.getExtractJobTimeout()).isEqualTo(600_000);
        assertThat(c.getExtractPollInterval()).isEqualTo(2_000);
        assertThat(c.getRateLimitCalls()).isEqualTo(50);
        assertThat(c.getRateLimitWindow()).isEqualTo(10_000);
        assertThat(c.getMaxConcurrentCalls()).isEqualTo(4);
        assertThat(c.getMaxRetries()).isEqualTo(2);
        assertThat(c.getRetryInitialDelay()).isEqualTo(500);
        assertThat(c.getRetryMaxDelay()).isEqualTo(5_000);
        assertThat(c.getConnectTimeout()).isEqualTo(3_000);
        assertThat(c.getSocketTimeout()).isEqualTo(60_000);
    }

    @Test
    void componentOptionsAreDefaultsThatEndpointsOverrideOnACopy() {
        Map<String, Object> properties = new HashMap<>(Map.of("userId", "u1", "encryptionKey", "component-key",
                "soapEndpoint", "http://localhost:1/soap/mktows/2_x", "batchSize", "300", "targetWorkspace", "EMEA",
                "rateLimitWindow", "5s", "fields", "Email"));
        PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("marketo-component", context);
        PropertyBindingSupport.build().withCamelContext(context).withTarget(component()).withConfigurer(configurer)
                .withProperties(properties).withRemoveParameters(true).withReflection(false).bind();
        assertThat(properties).as("every component option bound").isEmpty();

        MarketoEndpoint a = endpoint("marketo:getLead");
        MarketoEndpoint b = endpoint("marketo:getLead?batchSize=10&targetWorkspace=Default");
        assertThat(a.getConfiguration().getEncryptionKey()).isEqualTo("component-key");
        assertThat(a.getConfiguration().getBatchSize()).isEqualTo(300);
        assertThat(a.getConfiguration().getRateLimitWindow()).isEqualTo(5_000);
        assertThat(a.getResolvedApi()).isEqualTo(MarketoApi.soap);
        assertThat(b.getConfiguration().getBatchSize()).isEqualTo(10);
        assertThat(b.getConfiguration().getTargetWorkspace()).isEqualTo("Default");
        assertThat(component().getConfiguration().getBatchSize()).as("component unchanged").isEqualTo(300);
        assertThat(component().getConfiguration().getTargetWorkspace()).isEqualTo("EMEA");
        assertThat(a.getConfiguration()).isNotSameAs(b.getConfiguration()).isNotSameAs(component().getConfiguration());
    }

    @Test
    void unknownOperationListsTheValidNames() {
        assertThatThrownBy(() -> endpoint("marketo:getLeads?" + SOAP + "&encryptionKey=k"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("Unknown Marketo operation 'getLeads'")
                .hasStackTraceContaining("getLead, getMultipleLeads, syncLead, syncMultipleLeads, describeLeads");
    }

    @Test
    void autoApiNeedsExactlyOneSetOfCredentials() {
        assertThatThrownBy(() -> endpoint("marketo:getLead?munchkinId=123-ABC-456"))
                .hasStackTraceContaining("No Marketo credentials")
                .hasStackTraceContaining("clientId and clientSecret").hasStackTraceContaining("userId and encryptionKey");
        assertThatThrownBy(() -> endpoint("marketo:getLead?munchkinId=123-ABC-456&userId=u&encryptionKey=k&clientId=c&clientSecret=s"))
                .hasStackTraceContaining("choose one with api=rest or api=soap");
        assertThat(endpoint("marketo:getLead?munchkinId=123-ABC-456&userId=u&encryptionKey=k&clientId=c&clientSecret=s&api=soap")
                .getResolvedApi()).isEqualTo(MarketoApi.soap);
        assertThat(endpoint("marketo:getLead?munchkinId=123-ABC-456&clientId=c&clientSecret=s").getResolvedApi())
                .isEqualTo(MarketoApi.rest);
        assertThat(endpoint("marketo:getLead?munchkinId=123-ABC-456&userId=u&encryptionKey=k").getResolvedApi())
                .isEqualTo(MarketoApi.soap);
        assertThatThrownBy(() -> endpoint("marketo:getLead?munchkinId=123-ABC-456&userId=u"))
                .hasStackTraceContaining("api=soap needs both userId and encryptionKey");
    }

    @Test
    void restOnlyOperationOnSoapFailsAtEndpointCreation() {
        assertThatThrownBy(() -> endpoint("marketo:deleteLeads?" + SOAP + "&encryptionKey=k"))
                .hasStackTraceContaining("Operation deleteLeads is REST-only")
                .hasStackTraceContaining("api=rest");
    }

    @Test
    void missingEndpointAndBadBatchSizeNameTheOption() {
        assertThatThrownBy(() -> endpoint("marketo:getLead?userId=u&encryptionKey=k"))
                .hasStackTraceContaining("munchkinId").hasStackTraceContaining("soapEndpoint");
        assertThatThrownBy(() -> endpoint("marketo:getLead?" + SOAP + "&encryptionKey=k&batchSize=0"))
                .hasStackTraceContaining("batchSize must be between 1 and 1000");
        assertThatThrownBy(() -> endpoint("marketo:getLead?" + SOAP + "&encryptionKey=k&leadKeyType=PHONE"))
                .hasStackTraceContaining("leadKeyType").hasStackTraceContaining("PHONE");
        assertThatThrownBy(() -> endpoint("marketo:getLead?" + SOAP + "&encryptionKey=k&noSuchOption=1"))
                .hasStackTraceContaining("noSuchOption");
    }
}

package io.github.camelmarketo.component.leadsquared;

import io.github.camelmarketo.component.support.CallLimiter;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadSquaredComponentConfigurationTest extends CamelTestSupport {

    private static final String ACCESS_KEY = "u$ACCESS-abc123";
    private static final String SECRET_KEY = "SECRET-def456";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.getComponent("leadsquared", LeadSquaredComponent.class).getConfiguration().setPageSize(500);
        return camelContext;
    }

    @Test
    void uriOptionsChangeOnlyTheEndpointsCopy() {
        LeadSquaredEndpoint endpoint = context.getEndpoint("leadsquared:getLeadsByIds?host=api-in21.leadsquared.com"
                                                           + "&accessKey=RAW(" + ACCESS_KEY + ")&secretKey=RAW(" + SECRET_KEY + ")"
                                                           + "&columns=FirstName,EmailAddress&fetchAll=true&rateLimitWindow=2s",
                LeadSquaredEndpoint.class);
        LeadSquaredConfiguration configuration = endpoint.getConfiguration();
        assertThat(endpoint.getOperation()).isEqualTo(LeadSquaredOperation.getLeadsByIds);
        assertThat(configuration.getHost()).isEqualTo("api-in21.leadsquared.com");
        assertThat(configuration.resolveBaseUrl()).isEqualTo("https://api-in21.leadsquared.com");
        assertThat(configuration.getAccessKey()).isEqualTo(ACCESS_KEY);
        assertThat(configuration.getSecretKey()).isEqualTo(SECRET_KEY);
        assertThat(configuration.isFetchAll()).isTrue();
        assertThat(configuration.getPageSize()).as("component default").isEqualTo(500);
        assertThat(configuration.getRateLimitWindow()).isEqualTo(2000);
        assertThat(configuration.getRateLimitCalls()).isEqualTo(25);
        assertThat(LeadSquaredConfiguration.columnList(configuration.getColumns()))
                .containsExactly("ProspectId", "FirstName", "EmailAddress");

        LeadSquaredConfiguration componentDefaults = context.getComponent("leadsquared", LeadSquaredComponent.class).getConfiguration();
        assertThat(componentDefaults.getHost()).isNull();
        assertThat(componentDefaults.isFetchAll()).isFalse();
        assertThat(endpoint.getLimiter()).isInstanceOfSatisfying(CallLimiter.class,
                limiter -> assertThat(limiter.getCallsPerWindow()).isEqualTo(25));
    }

    @Test
    void secretsAreMaskedWhereCamelPrintsTheEndpoint() {
        Endpoint endpoint = context.getEndpoint("leadsquared:getLeadsByIds?host=api.leadsquared.com&accessKey=RAW("
                                                + ACCESS_KEY + ")&secretKey=RAW(" + SECRET_KEY + ")");
        LeadSquaredEndpoint lsq = (LeadSquaredEndpoint) endpoint;
        assertThat(endpoint.toString()).doesNotContain("ACCESS-abc123", "SECRET-def456").contains("accessKey=xxxxxx");
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain("ACCESS-abc123", "SECRET-def456");
        assertThat(lsq.getConfiguration().toString()).doesNotContain("ACCESS-abc123", "SECRET-def456");
        assertThat(URISupport.sanitizeUri("leadsquared:getLeadsByIds?accessKey=" + ACCESS_KEY + "&secretKey=" + SECRET_KEY))
                .doesNotContain("ACCESS-abc123", "SECRET-def456");
        assertThat(context.getEndpoints()).allSatisfy(e -> assertThat(e.toString()).doesNotContain("SECRET-def456"));
    }

    @Test
    void unknownOperationListsTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("leadsquared:getLeads?host=h&accessKey=a&secretKey=s"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("Unknown LeadSquared operation 'getLeads'")
                .hasMessageContaining("Valid operations: getLeadsByIds");
    }

    @Test
    void invalidOptionsFailAtEndpointCreationNamingTheOption() {
        assertInvalid("leadsquared:getLeadsByIds?accessKey=a&secretKey=s", "Set host");
        assertInvalid("leadsquared:getLeadsByIds?host=https://api.leadsquared.com&accessKey=a&secretKey=s", "host must be a host name");
        assertInvalid("leadsquared:getLeadsByIds?baseUrl=ftp://x&accessKey=a&secretKey=s", "baseUrl must be http(s)");
        assertInvalid("leadsquared:getLeadsByIds?host=h", "accessKey and secretKey are required");
        assertInvalid("leadsquared:getLeadsByIds?host=h&accessKey=a&secretKey=s&pageSize=10001", "pageSize must be between 1 and 10000");
        assertInvalid("leadsquared:getLeadsByIds?host=h&accessKey=a&secretKey=s&maxIdsPerRequest=0", "maxIdsPerRequest must be between 1 and 10000");
        assertInvalid("leadsquared:getLeadsByIds?host=h&accessKey=a&secretKey=s&maxRetries=-1", "maxRetries must be between 0");
        assertInvalid("leadsquared:getLeadsByIds?host=h&accessKey=a&secretKey=s&rateLimitWindow=0", "rateLimitWindow must be positive");
    }

    @Test
    void producerOnly() {
        Endpoint endpoint = context.getEndpoint("leadsquared:getLeadsByIds?host=h&accessKey=a&secretKey=s");
        assertThatThrownBy(() -> endpoint.createConsumer(exchange -> {
        })).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("no consumer");
    }

    @Test
    void endpointsOfOneAccountShareOneLimiter() {
        LeadSquaredEndpoint first = context.getEndpoint("leadsquared:getLeadsByIds?host=h&accessKey=a&secretKey=s",
                LeadSquaredEndpoint.class);
        LeadSquaredEndpoint second = context.getEndpoint("leadsquared:getLeadsByIds?host=h&accessKey=a&secretKey=s&pageSize=10",
                LeadSquaredEndpoint.class);
        LeadSquaredEndpoint otherAccount = context.getEndpoint("leadsquared:getLeadsByIds?host=h&accessKey=b&secretKey=s",
                LeadSquaredEndpoint.class);
        assertThat(first.getLimiter()).isSameAs(second.getLimiter()).isNotSameAs(otherAccount.getLimiter());
    }

    private void assertInvalid(String uri, String message) {
        assertThatThrownBy(() -> context.getEndpoint(uri)).as(uri)
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}

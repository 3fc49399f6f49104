package io.github.camelmarketo.component.leadsquared;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import io.github.camelmarketo.emulator.MarketoEmulator;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.leadsquared.LeadSquaredApi;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Each vendor error answer, through a real route: which are retried, and what the exception says. */
class LeadSquaredErrorsTest extends LeadSquaredTestSupport {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(50));

    @Override
    protected MarketoEmulator emulator() {
        return emulator.get();
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:byIds").to("leadsquared:getLeadsByIds?maxRetries=2");
                from("direct:wrongSecret").to("leadsquared:getLeadsByIds?secretKey=RAW(wrong-secret-value)");
                from("direct:wrongSecretInHeader").to("leadsquared:getLeadsByIds?keysInHeaders=true&secretKey=RAW(wrong-secret-value)");
                from("direct:wrongPath").toD("leadsquared:getLeadsByIds?baseUrl=" + emulator.get().getLeadSquaredUrl() + "/nowhere");
            }
        };
    }

    @Test
    void badKeysAre401AndNotRetried() {
        LeadSquaredException error = failure("direct:wrongSecret");
        assertThat(error.getHttpStatus()).isEqualTo(401);
        assertThat(error.getExceptionType()).isEqualTo("MXUnAuthorizedAccessException");
        assertThat(error.getExceptionMessage()).contains("AccessKey and SecretKey");
        assertThat(error.getAttempts()).isEqualTo(1);
        assertThat(error.getMessage()).contains("HTTP 401", "Check accessKey and secretKey", emulator.get().getLeadSquaredHost());
        assertNoSecretIn(error, "wrong-secret-value");
        assertThat(emulator.get().counters().responses(Api.LEADSQUARED, "401")).isEqualTo(1);

        LeadSquaredException inHeader = failure("direct:wrongSecretInHeader");
        assertThat(inHeader.getHttpStatus()).isEqualTo(401);
        assertNoSecretIn(inHeader, "wrong-secret-value");
    }

    @Test
    void badRequestIs400AndNotRetried() {
        emulator.get().faults().inject(Api.LEADSQUARED, new Fault.HttpStatus(400), 1);
        LeadSquaredException error = failure("direct:byIds");
        assertThat(error.getHttpStatus()).isEqualTo(400);
        assertThat(error.getExceptionType()).isEqualTo("MXInvalidInputException");
        assertThat(error.getAttempts()).isEqualTo(1);
        assertThat(error.getMessage()).contains("check the columns option");
        assertNoSecretIn(error);
    }

    @Test
    void notFoundIs404WithAHintAboutTheHost() {
        emulator.get().faults().inject(Api.LEADSQUARED, new Fault.HttpStatus(404), 1);
        LeadSquaredException injected = failure("direct:byIds");
        assertThat(injected.getHttpStatus()).isEqualTo(404);
        assertThat(injected.getExceptionType()).isEqualTo("MXAPINotFoundException");
        assertThat(injected.getMessage()).contains("Check host");

        // a wrong base URL: the server's own 404, whatever its body
        LeadSquaredException wrongPath = failure("direct:wrongPath");
        assertThat(wrongPath.getHttpStatus()).isEqualTo(404);
        assertThat(wrongPath.getAttempts()).isEqualTo(1);
        assertNoSecretIn(wrongPath);
    }

    @Test
    void serverErrorIsRetriedAndSucceeds() {
        emulator.get().faults().inject(Api.LEADSQUARED, new Fault.HttpStatus(500), 2);
        Exchange result = template.request("direct:byIds", e -> e.getIn().setBody(prospectIds(0, 3)));
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(List.class)).hasSize(3);
        assertThat(emulator.get().counters().responses(Api.LEADSQUARED, "500")).isEqualTo(2);
        assertThat(emulator.get().counters().responses(Api.LEADSQUARED, "200")).isEqualTo(1);
    }

    @Test
    void persistentServerErrorFailsAfterMaxRetries() {
        emulator.get().faults().inject(Api.LEADSQUARED, new Fault.HttpStatus(500), 10);
        LeadSquaredException error = failure("direct:byIds");
        assertThat(error.getHttpStatus()).isEqualTo(500);
        assertThat(error.getExceptionType()).isEqualTo("MXUnknownException");
        assertThat(error.getAttempts()).isEqualTo(3);
        assertThat(error.getMessage()).contains("HTTP 500", "after 3 attempts");
        assertThat(emulator.get().counters().responses(Api.LEADSQUARED, "500")).isEqualTo(3);
        assertNoSecretIn(error);
    }

    @Test
    void droppedConnectionsAreRetried() {
        emulator.get().faults().inject(Api.LEADSQUARED, new Fault.DropConnection(), 2);
        Exchange result = template.request("direct:byIds", e -> e.getIn().setBody(prospectIds(0, 3)));
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(List.class)).hasSize(3);
        assertThat(emulator.get().counters().responses(Api.LEADSQUARED, "dropped")).isEqualTo(2);
    }

    @Test
    void persistentlyDroppedConnectionsFailWithStatusZeroAndNoSecret() {
        emulator.get().faults().inject(Api.LEADSQUARED, new Fault.DropConnection(), 10);
        LeadSquaredException error = failure("direct:byIds");
        assertThat(error.getHttpStatus()).isZero();
        assertThat(error.getAttempts()).isEqualTo(3);
        assertThat(error.getMessage()).contains("No response");
        assertNoSecretIn(error);
    }

    @Test
    void injected429IsRetriedAfterTheWindow() {
        emulator.get().faults().inject(Api.LEADSQUARED, LeadSquaredApi.OPERATION, new Fault.HttpStatus(429), 1);
        LeadSquaredEndpoint endpoint = context.getEndpoint("leadsquared:getLeadsByIds?rateLimitWindow=200ms",
                LeadSquaredEndpoint.class);
        Exchange result = template.request(endpoint, e -> e.getIn().setBody(prospectIds(0, 2)));
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getBody(List.class)).hasSize(2);
        assertThat(emulator.get().counters().responses(Api.LEADSQUARED, "429")).isEqualTo(1);
        assertThat(endpoint.getLimiter().stats().throttledWaits()).as("the retry waited for the paused limiter").isPositive();
    }

    private LeadSquaredException failure(String uri) {
        Exchange result = template.request(uri, e -> e.getIn().setBody(prospectIds(0, 3)));
        assertThat(result.getException()).isInstanceOf(LeadSquaredException.class);
        return (LeadSquaredException) result.getException();
    }

    private void assertNoSecretIn(Throwable error, String... moreSecrets) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .doesNotContain(emulator.get().getLeadSquaredSecretKey())
                .doesNotContain(emulator.get().getLeadSquaredAccessKey())
                .doesNotContain("secretKey=");
        for (String secret : moreSecrets) {
            assertThat(trace.toString()).doesNotContain(secret);
        }
    }
}

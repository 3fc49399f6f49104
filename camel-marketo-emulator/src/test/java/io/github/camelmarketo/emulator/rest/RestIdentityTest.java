package io.github.camelmarketo.emulator.rest;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmarketo.emulator.MarketoEmulatorExtension;
import io.github.camelmarketo.emulator.core.Api;
import io.github.camelmarketo.emulator.core.Fault;
import io.github.camelmarketo.emulator.core.LeadStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class RestIdentityTest {

    @RegisterExtension
    static MarketoEmulatorExtension emulator = MarketoEmulatorExtension.create(b -> b.leads(10));

    private RestCalls rest;

    @BeforeEach
    void setUp() {
        rest = new RestCalls(emulator.get());
    }

    private HttpResponse<String> identity(String query) {
        return rest.send(HttpRequest.newBuilder(URI.create(emulator.get().getIdentityEndpoint() + "/oauth/token?" + query))
                .GET());
    }

    private String credentials() {
        return "grant_type=client_credentials&client_id=" + RestCalls.enc(emulator.get().getClientId())
               + "&client_secret=" + RestCalls.enc(emulator.get().getClientSecret());
    }

    @Test
    void issuesBearerTokenAndReturnsTheSameWhileValid() {
        JsonNode first = RestCalls.json(identity(credentials()));
        JsonNode second = RestCalls.json(identity(credentials()));

        assertThat(first.path("token_type").asText()).isEqualTo("bearer");
        assertThat(first.path("expires_in").asLong()).isBetween(3000L, 3599L);
        assertThat(second.path("expires_in").asLong()).isLessThanOrEqualTo(first.path("expires_in").asLong());
        assertThat(first.path("scope").asText()).isNotBlank();
        assertThat(second.path("access_token").asText()).isEqualTo(first.path("access_token").asText());
        assertThat(emulator.get().counters().responses(Api.REST, "200")).isEqualTo(2);
        assertThat(emulator.get().limits().usedToday(Api.REST)).isZero();
    }

    @Test
    void formPostIsAccepted() {
        HttpResponse<String> response = rest.send(HttpRequest.newBuilder(URI.create(emulator.get().getIdentityEndpoint()
                                                                                  + "/oauth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials())));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RestCalls.json(response).path("access_token").asText()).isNotBlank();
    }

    @Test
    void badCredentialsAre401InvalidClient() {
        HttpResponse<String> response = identity("grant_type=client_credentials&client_id=x&client_secret=y");

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = RestCalls.json(response);
        assertThat(body.path("error").asText()).isEqualTo("invalid_client");
        assertThat(body.path("error_description").asText()).isEqualTo("Bad client credentials");
        assertThat(response.body()).doesNotContain(emulator.get().getClientSecret());
        assertThat(emulator.get().counters().responses(Api.REST, "401")).isEqualTo(1);
    }

    @Test
    void missingOrUnknownTokenIs601() {
        HttpResponse<String> missing = rest.send(HttpRequest.newBuilder(rest.uri("/rest/v1/leads/describe.json")).GET());
        JsonNode unknown = RestCalls.json(rest.send(HttpRequest.newBuilder(rest.uri("/rest/v1/leads/describe.json"))
                .header("Authorization", "Bearer nope").GET()));

        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(RestCalls.errorCode(RestCalls.json(missing))).isEqualTo("601");
        assertThat(RestCalls.errorCode(unknown)).isEqualTo("601");
        assertThat(unknown.path("errors").get(0).path("message").asText()).isEqualTo("Access token invalid");
        assertThat(unknown.path("success").asBoolean()).isFalse();
    }

    @Test
    void deprecatedAccessTokenQueryParameterWorks() {
        String token = rest.token();
        JsonNode envelope = RestCalls.json(rest.send(HttpRequest.newBuilder(
                rest.uri("/rest/v1/lead/" + LeadStore.FIRST_ID + ".json?access_token=" + RestCalls.enc(token))).GET()));
        assertThat(envelope.path("success").asBoolean()).isTrue();
    }

    @Test
    void expireTokensFaultExpiresEveryToken() {
        rest.token();
        emulator.get().faults().inject(Api.REST, new Fault.ExpireTokens(), 1);

        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/leads/describe.json"))).isEqualTo("602");
        rest.token();
        assertThat(rest.getJson("/rest/v1/leads/describe.json").path("success").asBoolean()).isTrue();
    }

    @Test
    void identityTakesOnlyFaultsThatNameIt() {
        emulator.get().faults().inject(Api.REST, new Fault.VendorError("606"), 1);
        emulator.get().faults().inject(Api.REST, "/identity/oauth/token", new Fault.HttpStatus(503), 1);

        assertThat(identity(credentials()).statusCode()).isEqualTo(503);
        assertThat(identity(credentials()).statusCode()).isEqualTo(200);
        assertThat(emulator.get().faults().pending()).isEqualTo(1);
        assertThat(RestCalls.errorCode(rest.getJson("/rest/v1/leads/describe.json"))).isEqualTo("606");
    }
}

package io.github.camelmarketo.emulator.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmarketo.emulator.MarketoEmulator;

/** Plain java.net.http calls against the emulator's REST API, for the tests. */
final class RestCalls {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final MarketoEmulator emulator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    RestCalls(MarketoEmulator emulator) {
        this.emulator = emulator;
    }

    /** A fresh access token from the identity service. */
    String token() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(emulator.getIdentityEndpoint()
                                                                              + "/oauth/token?grant_type=client_credentials&client_id=" + enc(emulator.getClientId())
                                                                              + "&client_secret=" + enc(emulator.getClientSecret()))).GET());
        token = json(response).path("access_token").asText();
        return token;
    }

    private String bearer() {
        return token == null ? token() : token;
    }

    /** GET {@code base + pathAndQuery} with the bearer token. */
    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + bearer()).GET());
    }

    JsonNode getJson(String pathAndQuery) {
        return json(get(pathAndQuery));
    }

    HttpResponse<String> postJson(String pathAndQuery, String body) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + bearer())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode postJsonJson(String pathAndQuery, String body) {
        return json(postJson(pathAndQuery, body));
    }

    /** POST without a body (merge, associate, enqueue, cancel). */
    JsonNode post(String pathAndQuery) {
        return json(send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + bearer())
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    HttpResponse<String> postForm(String pathAndQuery, String form) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + bearer())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create(emulator.getBaseUrl() + pathAndQuery);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (HTTP " + response.statusCode() + "): " + response.body(), e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The first error code of an envelope, or null. */
    static String errorCode(JsonNode envelope) {
        JsonNode errors = envelope.path("errors");
        return errors.size() == 0 ? null : errors.get(0).path("code").asText();
    }
}

package io.github.camelmarketo.emulator.rest;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a REST handler answers: an HTTP status, a body and the outcome code the call counters record ({@code "200"}
 * for success, the envelope's error code, or the HTTP status of a non-200 answer).
 *
 * @param status      HTTP status
 * @param contentType Content-Type header
 * @param body        response body
 * @param headers     extra headers
 * @param code        outcome code for {@link io.github.camelmarketo.emulator.core.CallCounters}
 */
record RestResponse(int status, String contentType, byte[] body, Map<String, String> headers, String code) {

    static final String JSON = "application/json;charset=UTF-8";

    /** An envelope with HTTP 200; the code is {@code "200"} or the first error code. */
    static RestResponse envelope(ObjectNode envelope) {
        String code = "200";
        if (!envelope.path("success").asBoolean(false)) {
            JsonNode errors = envelope.path("errors");
            code = errors.size() > 0 ? errors.get(0).path("code").asText() : RestErrors.SYSTEM_ERROR;
        }
        return new RestResponse(200, JSON, Json.bytes(envelope), Map.of(), code);
    }

    static RestResponse error(RestApiException e) {
        return envelope(Envelope.error(e.code(), e.getMessage()));
    }

    /** A JSON body with a non-envelope shape (identity). */
    static RestResponse json(int status, JsonNode body) {
        return new RestResponse(status, JSON, Json.bytes(body), Map.of(), Integer.toString(status));
    }

    /** A bare HTTP status, the way a front proxy answers (414, injected 5xx). */
    static RestResponse httpStatus(int status, String reason) {
        String html = "<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + status + " "
                      + reason + "</h1></body></html>";
        return new RestResponse(status, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8), Map.of(),
                Integer.toString(status));
    }
}

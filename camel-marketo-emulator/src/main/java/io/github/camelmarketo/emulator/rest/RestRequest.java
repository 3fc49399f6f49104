package io.github.camelmarketo.emulator.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * One REST request, read fully (blocking, on a worker thread): the effective method ({@code POST ...?_method=GET}
 * is a GET whose query sits in the form body), the path, query and form parameters, and the raw body.
 */
final class RestRequest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpServerExchange exchange;
    private final String method;
    private final String path;
    private final Map<String, List<String>> params;
    private final byte[] body;
    private final String contentType;
    private final boolean form;
    private Map<String, String> pathVariables = Map.of();

    private RestRequest(HttpServerExchange exchange, String method, Map<String, List<String>> params, byte[] body,
                        String contentType, boolean form) {
        this.exchange = exchange;
        this.method = method;
        this.path = exchange.getRequestPath();
        this.params = params;
        this.body = body;
        this.contentType = contentType;
        this.form = form;
    }

    /** Reads the request; form bodies become parameters, {@code _method} overrides the HTTP method. */
    static RestRequest read(HttpServerExchange exchange) {
        byte[] body;
        try {
            body = exchange.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        Map<String, List<String>> params = new LinkedHashMap<>();
        parseForm(exchange.getQueryString(), params);
        boolean form = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM);
        if (form) {
            parseForm(new String(body, StandardCharsets.UTF_8), params);
        }
        String method = exchange.getRequestMethod().toString();
        List<String> override = params.remove("_method");
        if (override != null && !override.isEmpty() && "POST".equals(method)) {
            method = override.get(0).toUpperCase(Locale.ROOT);
            if ("GET".equals(method) && body.length > 0 && !form) {
                throw new RestApiException(RestErrors.INVALID_CONTENT_TYPE,
                        "Invalid Content Type: POST with _method=GET needs Content-Type " + FORM);
            }
        }
        return new RestRequest(exchange, method, params, form ? new byte[0] : body, contentType, form);
    }

    private static void parseForm(String text, Map<String, List<String>> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RestApiException.invalid("Invalid URL encoding in '" + s + "'");
        }
    }

    HttpServerExchange exchange() {
        return exchange;
    }

    /** The effective method: GET, POST or DELETE. */
    String method() {
        return method;
    }

    String path() {
        return path;
    }

    /** Query and form parameters without {@code _method}, in arrival order (read-only view for the recorder). */
    Map<String, List<String>> params() {
        return Collections.unmodifiableMap(params);
    }

    /** Whether the parameters came (also) from a form body. */
    boolean formPost() {
        return form;
    }

    String contentType() {
        return contentType;
    }

    /** The raw body (empty for form posts). */
    byte[] body() {
        return body;
    }

    void pathVariables(Map<String, String> variables) {
        this.pathVariables = variables;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** First value of a query or form parameter, or null. */
    String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All values of a multi-valued parameter, comma-separated or repeated, trimmed, blanks dropped. */
    List<String> listParam(String name) {
        List<String> result = new ArrayList<>();
        for (String value : params.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty()) {
                    result.add(trimmed);
                }
            }
        }
        return result;
    }

    /** An integer parameter in {@code [min, max]}; {@code defaultValue} when absent; 1003 otherwise. */
    int intParam(String name, int defaultValue, int min, int max) {
        String value = param(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RestApiException.invalid("Invalid value for '" + name + "': '" + value + "', expected an integer from "
                                       + min + " to " + max);
    }

    boolean booleanParam(String name) {
        return Boolean.parseBoolean(param(name));
    }

    /** A numeric path variable such as {@code {leadId}}; 1003 when it is not a number. */
    int pathInt(String name) {
        String value = pathVariables.get(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw RestApiException.invalid("Invalid value for '" + name + "': '" + value + "', expected an integer");
        }
    }

    String pathVariable(String name) {
        return pathVariables.get(name);
    }

    boolean hasBody() {
        return body.length > 0;
    }

    /** The JSON body: 612 if the content type is not JSON, 609 if it does not parse. */
    JsonNode json() {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new RestApiException(RestErrors.INVALID_CONTENT_TYPE,
                    "Invalid Content Type: expected application/json, got " + contentType);
        }
        return Json.parse(body);
    }
}

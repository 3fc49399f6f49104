package io.github.camelmarketo.component.marketo.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;

/**
 * One REST call as the transport sends it: method, URL, query parameters, optional JSON (or multipart) body and
 * headers, and whether it writes (which limits its retries).
 */
final class RestRequest {

    private final String method;
    private final String url;
    private final String operation;
    private final boolean write;
    private final List<NameValuePair> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private JsonNode body;
    private HttpEntity entity;

    private RestRequest(String method, String url, String operation, boolean write) {
        this.method = method;
        this.url = url;
        this.operation = operation;
        this.write = write;
    }

    /** A read ({@code GET}); retried on every transient failure. */
    static RestRequest get(String operation, String url) {
        return new RestRequest("GET", url, operation, false);
    }

    /** A write ({@code POST}); retried only when the failure proves nothing was applied. */
    static RestRequest post(String operation, String url) {
        return new RestRequest("POST", url, operation, true);
    }

    /** A write ({@code DELETE}); retried only when the failure proves nothing was applied. */
    static RestRequest delete(String operation, String url) {
        return new RestRequest("DELETE", url, operation, true);
    }

    /** A {@code POST} that only reads (bulk job status changes that are safe to repeat are not among them). */
    static RestRequest postRead(String operation, String url) {
        return new RestRequest("POST", url, operation, false);
    }

    /** Adds a query parameter; null values are left out. */
    RestRequest param(String name, Object value) {
        if (value != null) {
            query.add(new BasicNameValuePair(name, value.toString()));
        }
        return this;
    }

    RestRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    RestRequest json(JsonNode body) {
        this.body = body;
        return this;
    }

    /** A body that is not JSON (a multipart upload); must be repeatable, as a retry sends it again. */
    RestRequest entity(HttpEntity entity) {
        this.entity = entity;
        return this;
    }

    HttpEntity entity() {
        return entity;
    }

    String method() {
        return method;
    }

    boolean isGet() {
        return "GET".equals(method);
    }

    String url() {
        return url;
    }

    String operation() {
        return operation;
    }

    boolean write() {
        return write;
    }

    List<NameValuePair> query() {
        return query;
    }

    Map<String, String> headers() {
        return headers;
    }

    JsonNode body() {
        return body;
    }

    /**
     * Whether the request target with its encoded query is longer than {@code max} characters, as the server's
     * request line limit counts it. Encoding never shortens a name or value and makes a char at most 9 characters
     * (3 UTF-8 bytes, each {@code %XX}), so the query is only encoded when those bounds do not decide.
     */
    boolean isTargetLongerThan(int max) {
        // the target unencoded: url?name=value&name&...
        long unencoded = url.length() + (query.isEmpty() ? 0 : query.size());
        for (NameValuePair pair : query) {
            unencoded += pair.getName().length() + (pair.getValue() == null ? 0 : 1 + pair.getValue().length());
        }
        if (unencoded > max) {
            return true;
        }
        if (unencoded * 9 <= max) {
            return false;
        }
        return url.length() + (query.isEmpty() ? 0 : 1 + WWWFormCodec.format(query, StandardCharsets.UTF_8).length()) > max;
    }
}

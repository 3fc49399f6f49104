package io.github.camelmarketo.component.marketo.rest;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The response envelope every Marketo REST call returns:
 * {@code {requestId, success, result[], errors[{code,message}], warnings[], nextPageToken, moreResult}}. An envelope
 * with {@code success:false} never reaches callers: the transport turns it into a failure.
 */
final class RestEnvelope {

    private final JsonNode root;

    RestEnvelope(JsonNode root) {
        this.root = root;
    }

    String requestId() {
        return text(root, "requestId");
    }

    boolean success() {
        return root.path("success").asBoolean(false);
    }

    /** The {@code result} array's elements (empty when absent). */
    List<JsonNode> result() {
        List<JsonNode> items = new ArrayList<>();
        root.path("result").forEach(items::add);
        return items;
    }

    /** The first element of {@code errors}, or null. */
    JsonNode firstError() {
        JsonNode errors = root.path("errors");
        return errors.isArray() && !errors.isEmpty() ? errors.get(0) : null;
    }

    String nextPageToken() {
        String token = text(root, "nextPageToken");
        return token == null || token.isEmpty() ? null : token;
    }

    /** {@code moreResult} when the call reports it, else null. */
    Boolean moreResult() {
        JsonNode more = root.get("moreResult");
        return more == null || more.isNull() ? null : more.asBoolean();
    }

    /** Whether another page follows: a page token, not contradicted by {@code moreResult}, after a non-empty page. */
    boolean hasMore() {
        Boolean more = moreResult();
        if (nextPageToken() == null || Boolean.FALSE.equals(more)) {
            return false;
        }
        return Boolean.TRUE.equals(more) || !root.path("result").isEmpty();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

package io.github.camelmarketo.emulator.rest;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The REST response envelope {@code {requestId, success, result, errors, warnings, nextPageToken, moreResult}}.
 */
final class Envelope {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    private Envelope() {
    }

    /** A request id shaped like Marketo's, {@code e42b#14272d07d78}. */
    static String requestId() {
        return Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xefff)) + "#"
                + Long.toHexString(SEQUENCE.incrementAndGet());
    }

    /** Success with a result array. */
    static ObjectNode success(ArrayNode result) {
        ObjectNode node = base(true);
        node.set("result", result);
        node.set("errors", Json.array());
        node.set("warnings", Json.array());
        return node;
    }

    /** Success with a result array and paging: {@code nextPageToken} (if any) and {@code moreResult}. */
    static ObjectNode page(ArrayNode result, String nextPageToken) {
        ObjectNode node = success(result);
        node.put("moreResult", nextPageToken != null);
        if (nextPageToken != null) {
            node.put("nextPageToken", nextPageToken);
        }
        return node;
    }

    /** Success of a call that has no result (merge, associate). */
    static ObjectNode done() {
        ObjectNode node = base(true);
        node.set("errors", Json.array());
        node.set("warnings", Json.array());
        return node;
    }

    /** An error envelope: HTTP 200, {@code success:false}. */
    static ObjectNode error(String code, String message) {
        ObjectNode node = base(false);
        ObjectNode error = Json.object();
        error.put("code", code);
        error.put("message", message);
        node.set("errors", Json.array().add(error));
        node.set("warnings", Json.array());
        return node;
    }

    /** One per-record reason {@code {code, message}}. */
    static ObjectNode reason(String code, String message) {
        ObjectNode reason = Json.object();
        reason.put("code", code);
        reason.put("message", message);
        return reason;
    }

    private static ObjectNode base(boolean success) {
        ObjectNode node = Json.object();
        node.put("requestId", requestId());
        node.put("success", success);
        return node;
    }
}

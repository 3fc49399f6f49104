package io.github.camelmarketo.component.marketo.consumer;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a consumer stands in its lead stream: which selector it belongs to, the watermark of the current pass
 * (lastUpdateAt: the oldest update time asked for), the opaque position of the next page (null at the start of a
 * pass), when the current pass started, and whether a bounded range has been fully delivered. Stored as one line of
 * compact JSON, which holds no secret (positions are vendor stream positions or job ids).
 *
 * @param selector  identity of the selector options, to detect a cursor stored for other options
 * @param api       the API whose positions this cursor holds (soap, rest); null in cursors written before it was recorded
 * @param watermark lastUpdateAt: oldest update time of the current pass; null for other selectors
 * @param position  position of the next page; null at the start of a pass
 * @param passStart host time at which the current pass fetched its first page; null before that
 * @param finished  a range with latestUpdatedAt was delivered completely: nothing more to poll
 */
public record LeadCursor(String selector, String api, Instant watermark, String position, Instant passStart,
        boolean finished) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The cursor of a new stream. */
    public static LeadCursor start(String selector, String api, Instant watermark) {
        return new LeadCursor(selector, api, watermark, null, null, false);
    }

    public LeadCursor withPosition(String newPosition, Instant newPassStart) {
        return new LeadCursor(selector, api, watermark, newPosition, newPassStart, finished);
    }

    /** The next pass from {@code newWatermark}, position reset. */
    public LeadCursor nextPass(Instant newWatermark) {
        return new LeadCursor(selector, api, newWatermark, null, null, false);
    }

    public LeadCursor asFinished() {
        return new LeadCursor(selector, api, watermark, null, passStart, true);
    }

    /** One line of compact JSON. */
    public String encode() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("selector", selector);
        if (api != null) {
            node.put("api", api);
        }
        if (watermark != null) {
            node.put("watermark", watermark.toString());
        }
        if (position != null) {
            node.put("position", position);
        }
        if (passStart != null) {
            node.put("passStart", passStart.toString());
        }
        if (finished) {
            node.put("finished", true);
        }
        return node.toString();
    }

    /** Parses {@link #encode()}'s output; the error quotes the stored value. */
    public static LeadCursor decode(String value) {
        try {
            JsonNode node = MAPPER.readTree(value);
            if (!node.isObject() || !node.hasNonNull("selector")) {
                throw new IllegalArgumentException("not a cursor object");
            }
            return new LeadCursor(node.path("selector").asText(null), node.path("api").asText(null), instant(node, "watermark"),
                    node.path("position").asText(null), instant(node, "passStart"), node.path("finished").asBoolean(false));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("Corrupt Marketo consumer cursor in the state repository: " + value, e);
        }
    }

    private static Instant instant(JsonNode node, String field) {
        String text = node.path(field).asText(null);
        return text == null ? null : Instant.parse(text);
    }
}

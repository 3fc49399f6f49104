package io.github.camelmarketo.emulator.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.apache.commons.codec.binary.Base32;

/**
 * {@code batchSize} + {@code nextPageToken} paging. Tokens are opaque (Base32, like Marketo's) and hold the key of
 * the last record delivered, so pages stay correct while records are added or removed between calls. A token is
 * given only when more records follow; a token past the end yields an empty page.
 */
final class Paging {

    /** Largest batch the Leads endpoints return. */
    static final int MAX_BATCH = 300;

    private static final String PREFIX = "emu:";
    private static final Base32 BASE32 = new Base32();

    /** One page and the token of the next one (null on the last page). */
    record Page<T>(List<T> items, String nextPageToken) {
    }

    private Paging() {
    }

    /** Pages {@code items} (sorted ascending by {@code key}) after the request's token, {@code batchSize} at most. */
    static <T> Page<T> page(List<T> items, ToLongFunction<T> key, RestRequest request) {
        int batchSize = request.intParam("batchSize", MAX_BATCH, 1, MAX_BATCH);
        long after = after(request.param("nextPageToken"));
        List<T> page = new ArrayList<>(batchSize);
        boolean more = false;
        for (T item : items) {
            if (key.applyAsLong(item) <= after) {
                continue;
            }
            if (page.size() == batchSize) {
                more = true;
                break;
            }
            page.add(item);
        }
        String next = more ? token(key.applyAsLong(page.get(page.size() - 1))) : null;
        return new Page<>(page, next);
    }

    static String token(long lastKey) {
        return BASE32.encodeAsString((PREFIX + lastKey).getBytes(StandardCharsets.US_ASCII)).replace("=", "");
    }

    /** The key in a token; {@code Long.MIN_VALUE} without one; 1003 for a token this emulator did not give. */
    static long after(String token) {
        if (token == null || token.isBlank()) {
            return Long.MIN_VALUE;
        }
        String decoded = BASE32.isInAlphabet(token) ? new String(BASE32.decode(token), StandardCharsets.US_ASCII) : "";
        if (decoded.startsWith(PREFIX)) {
            try {
                return Long.parseLong(decoded.substring(PREFIX.length()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw RestApiException.invalid("Invalid nextPageToken '" + token + "'");
    }
}

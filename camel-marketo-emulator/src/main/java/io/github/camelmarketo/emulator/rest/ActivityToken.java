package io.github.camelmarketo.emulator.rest;

import java.nio.charset.StandardCharsets;

import io.github.camelmarketo.emulator.core.ActivityLog;
import org.apache.commons.codec.binary.Base32;

/**
 * The date/position paging tokens of the activity endpoints: opaque Base32 text (padded with {@code =}, like the
 * vendor's, so clients must URL-encode it) holding a second and the id of the last activity read. Tokens of other
 * endpoints and text this emulator did not give answer 1003.
 */
final class ActivityToken {

    private static final String PREFIX = "emu-act:";
    private static final Base32 BASE32 = new Base32();

    private ActivityToken() {
    }

    static String encode(ActivityLog.Cursor cursor) {
        return BASE32.encodeAsString((PREFIX + cursor.epochSecond() + ":" + cursor.afterId())
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor in a required {@code nextPageToken}; 1003 when it is missing or not one of ours. */
    static ActivityLog.Cursor decode(RestRequest request) {
        String token = request.param("nextPageToken");
        if (token == null || token.isBlank()) {
            throw RestApiException.invalid("Missing value for required parameter 'nextPageToken'; get one from "
                                           + "activities/pagingtoken.json");
        }
        String trimmed = token.trim();
        String decoded = BASE32.isInAlphabet(trimmed)
                ? new String(BASE32.decode(trimmed), StandardCharsets.US_ASCII) : "";
        if (decoded.startsWith(PREFIX)) {
            String[] parts = decoded.substring(PREFIX.length()).split(":");
            if (parts.length == 2) {
                try {
                    return new ActivityLog.Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw RestApiException.invalid("Invalid nextPageToken '" + token + "'");
    }
}

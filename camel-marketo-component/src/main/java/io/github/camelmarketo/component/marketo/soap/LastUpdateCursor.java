package io.github.camelmarketo.component.marketo.soap;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Position inside a LastUpdateAt stream cut into windows the SOAP API accepts (it rejects ranges over 30 days with
 * fault 20022): the start of the current window plus the vendor's stream position inside it. Encoded as one opaque
 * line, {@code lu|<windowStart>|<streamPosition>}, so a consumer can store it and resume.
 *
 * @param windowStart    start of the current window (inclusive)
 * @param streamPosition vendor stream position inside the window, null at the window's start
 */
record LastUpdateCursor(OffsetDateTime windowStart, String streamPosition) {

    /** Longest range one request may ask for. */
    static final Duration MAX_WINDOW = Duration.ofDays(30);

    private static final String PREFIX = "lu|";

    static LastUpdateCursor start(OffsetDateTime windowStart) {
        return new LastUpdateCursor(windowStart, null);
    }

    /** The end of this window (exclusive): the start of the next one. */
    OffsetDateTime windowEnd() {
        return windowStart.plus(MAX_WINDOW);
    }

    LastUpdateCursor at(String newStreamPosition) {
        return new LastUpdateCursor(windowStart, newStreamPosition);
    }

    String encode() {
        return PREFIX + windowStart + "|" + (streamPosition == null ? "" : streamPosition);
    }

    /** Parses an encoded cursor; the error names the position so a user can see a foreign or corrupt value. */
    static LastUpdateCursor decode(String position) {
        if (position == null || !position.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a lastUpdateAt position of the SOAP transport: '" + position + "'");
        }
        int bar = position.indexOf('|', PREFIX.length());
        if (bar < 0) {
            throw new IllegalArgumentException("Corrupt lastUpdateAt position: '" + position + "'");
        }
        try {
            OffsetDateTime start = OffsetDateTime.parse(position.substring(PREFIX.length(), bar));
            String stream = position.substring(bar + 1);
            return new LastUpdateCursor(start, stream.isEmpty() ? null : stream);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Corrupt lastUpdateAt position: '" + position + "'", e);
        }
    }
}

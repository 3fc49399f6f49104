package io.github.camelmarketo.component.marketo.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Where a Bulk Lead Extract read stands, encoded as the opaque {@code LeadPage.nextPosition}: the current
 * {@code updatedAt} window, the end of the whole range, the export job of that window (null before it is created),
 * the byte offset of the next unread row in its file and the file's header columns. Everything needed to resume is
 * in the string, so a consumer that stored it continues after a restart without re-reading the file, with memory
 * bounded by one page.
 *
 * @param windowStart start of the current window (inclusive)
 * @param rangeEnd    end of the whole selection, fixed when the read started
 * @param exportId    export job of the current window, null until created
 * @param offset      byte offset of the next data row (0: the header has not been read)
 * @param header      header columns, empty until read
 */
record ExtractPosition(Instant windowStart, Instant rangeEnd, String exportId, long offset, List<String> header) {

    /** The vendor's largest {@code updatedAt} range per export job. */
    static final Duration MAX_WINDOW = Duration.ofDays(31);

    private static final String PREFIX = "bulk1:";

    ExtractPosition {
        header = List.copyOf(header);
    }

    static ExtractPosition start(Instant oldest, Instant end) {
        return new ExtractPosition(oldest, end, null, 0, List.of());
    }

    /** End of the current window: 31 days after its start, or the range end if sooner. */
    Instant windowEnd() {
        Instant max = windowStart.plus(MAX_WINDOW);
        return max.isBefore(rangeEnd) ? max : rangeEnd;
    }

    boolean isLastWindow() {
        return !windowEnd().isBefore(rangeEnd);
    }

    ExtractPosition withExport(String newExportId) {
        return new ExtractPosition(windowStart, rangeEnd, newExportId, 0, List.of());
    }

    ExtractPosition at(long newOffset, List<String> newHeader) {
        return new ExtractPosition(windowStart, rangeEnd, exportId, newOffset, newHeader);
    }

    /** The window after this one; it starts 1 ms after this one's end because the vendor's bounds are inclusive. */
    ExtractPosition nextWindow() {
        return new ExtractPosition(windowEnd().plusMillis(1), rangeEnd, null, 0, List.of());
    }

    String encode() {
        String plain = windowStart.toEpochMilli() + "|" + rangeEnd.toEpochMilli() + "|" + (exportId == null ? "" : exportId)
                       + "|" + offset + "|" + String.join(",", header);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code position} came from {@link #encode()}. */
    static boolean isExtractPosition(String position) {
        return position != null && position.startsWith(PREFIX);
    }

    static ExtractPosition decode(String position) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(position.substring(PREFIX.length())), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            return new ExtractPosition(Instant.ofEpochMilli(Long.parseLong(parts[0])),
                    Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2].isEmpty() ? null : parts[2],
                    Long.parseLong(parts[3]), parts[4].isEmpty() ? List.of() : Arrays.asList(parts[4].split(",")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a REST bulk extract position: '" + position
                                               + "' (positions come from a previous page of the same lastUpdateAt selector)", e);
        }
    }
}

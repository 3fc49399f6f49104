package io.github.camelmarketo.emulator.soap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code streamPosition} of getMultipleLeads: which selector the stream belongs to, a fingerprint of that
 * selector's parameters and the cursor after the last lead delivered (a change sequence number, a lead id or an
 * offset, depending on the selector). Encoded as URL-safe Base64 of {@code mkto1|kind|fingerprint|cursor}.
 *
 * @param kind        {@code U} last-update stream, {@code L} static list, {@code K} lead keys
 * @param fingerprint the selector's parameters, so a position cannot be replayed against another selector
 * @param cursor      where the next page starts (exclusive)
 */
record StreamPosition(char kind, String fingerprint, long cursor) {

    private static final String VERSION = "mkto1";

    String encode() {
        String raw = VERSION + "|" + kind + "|" + fingerprint + "|" + cursor;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes {@code text} or throws fault 20122 (bad stream position). */
    static StreamPosition decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length == 4 && VERSION.equals(parts[0]) && parts[1].length() == 1) {
                long cursor = Long.parseLong(parts[3]);
                if (cursor >= 0) {
                    return new StreamPosition(parts[1].charAt(0), parts[2], cursor);
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the vendor's fault
        }
        throw SoapFaults.fault(SoapFaults.BAD_STREAM_POSITION, "Stream position is bad: '" + abbreviate(text) + "'");
    }

    /** Checks that this position continues a stream of {@code expectedKind} over {@code expectedFingerprint}. */
    StreamPosition requireFor(char expectedKind, String expectedFingerprint) {
        if (kind != expectedKind || !fingerprint.equals(expectedFingerprint)) {
            throw SoapFaults.fault(SoapFaults.BAD_STREAM_POSITION,
                    "Stream position does not belong to this leadSelector; start again without streamPosition");
        }
        return this;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}

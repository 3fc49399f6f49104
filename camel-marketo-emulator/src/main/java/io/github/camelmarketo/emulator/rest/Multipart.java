package io.github.camelmarketo.emulator.rest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body split into its parts ({@code Content-Disposition: form-data; name="file";
 * filename="leads.csv"}). A body that is not multipart answers 612, a malformed one 613, as the vendor does.
 */
final class Multipart {

    /** One part: the form field name, the file name (null for plain fields) and the bytes. */
    record Part(String name, String filename, String contentType, byte[] content) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    static final String INVALID_MULTIPART = "613";

    private Multipart() {
    }

    /** The parts by field name. */
    static Map<String, Part> parse(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new RestApiException(RestErrors.INVALID_CONTENT_TYPE,
                    "Invalid Content Type: expected multipart/form-data, got " + contentType);
        }
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new RestApiException(INVALID_MULTIPART, "Invalid Multipart Request: no boundary in " + contentType);
        }
        byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.US_ASCII);
        Map<String, Part> parts = new LinkedHashMap<>();
        int start = indexOf(body, delimiter, 0);
        if (start < 0) {
            throw new RestApiException(INVALID_MULTIPART, "Invalid Multipart Request: boundary not found in the body");
        }
        while (true) {
            int partStart = start + delimiter.length;
            if (partStart + 1 < body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
                return parts; // closing delimiter
            }
            partStart = skipLineBreak(body, partStart);
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), partStart);
            int next = indexOf(body, delimiter, partStart);
            if (headerEnd < 0 || next < 0 || headerEnd > next) {
                throw new RestApiException(INVALID_MULTIPART, "Invalid Multipart Request: truncated part");
            }
            String headers = new String(body, partStart, headerEnd - partStart, StandardCharsets.UTF_8);
            int contentEnd = next;
            if (contentEnd >= 2 && body[contentEnd - 2] == '\r' && body[contentEnd - 1] == '\n') {
                contentEnd -= 2;
            }
            byte[] content = Arrays.copyOfRange(body, headerEnd + 4, Math.max(headerEnd + 4, contentEnd));
            String name = group(NAME, headers);
            if (name != null) {
                parts.put(name, new Part(name, group(FILENAME, headers), header(headers, "content-type"), content));
            }
            start = next;
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static int skipLineBreak(byte[] body, int i) {
        if (i + 1 < body.length && body[i] == '\r' && body[i + 1] == '\n') {
            return i + 2;
        }
        return i < body.length && body[i] == '\n' ? i + 1 : i;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package io.github.camelmarketo.component.marketo.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads RFC 4180 CSV rows (quoted cells, doubled quotes, LF or CRLF) from a byte stream one row at a time and
 * counts the bytes consumed, so that a caller can later resume at the start of the next row with an HTTP
 * {@code Range} request. Quotes, commas and line breaks are ASCII, so splitting bytes before decoding UTF-8 is safe.
 * A stream is read in blocks (nothing else may read it meanwhile); an export chunk already in memory is read in place.
 */
final class CsvRowReader {

    private static final int BUFFER_BYTES = 16 * 1024;

    /** Null when reading an array. */
    private final InputStream in;
    /** Bytes {@code [position, limit)} are read but not consumed; no per-byte stream call or lock. */
    private byte[] buffer;
    private int position;
    private int limit;
    private long consumed;
    private byte[] cell = new byte[256];

    CsvRowReader(InputStream in) {
        this.in = in;
        this.buffer = new byte[BUFFER_BYTES];
    }

    /** Reads bytes {@code [from, to)} of {@code bytes} (not copied); {@link #consumed()} counts from {@code from}. */
    CsvRowReader(byte[] bytes, int from, int to) {
        this.in = null;
        this.buffer = bytes;
        this.position = from;
        this.limit = to;
    }

    /** Bytes consumed so far: after {@link #nextRow()}, the offset of the next row relative to the stream start. */
    long consumed() {
        return consumed;
    }

    /** Whether the stream has no more bytes. */
    boolean atEnd() throws IOException {
        return peek() < 0;
    }

    /** The next row's cells, or null at the end of the stream. */
    List<String> nextRow() throws IOException {
        if (atEnd()) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        int length = 0;
        boolean inQuotes = false;
        while (true) {
            int b = read();
            if (b < 0) {
                break;
            }
            if (inQuotes) {
                if (b != '"') {
                    length = put(length, b);
                } else if (peek() == '"') {
                    length = put(length, read());
                } else {
                    inQuotes = false;
                }
            } else if (b == '"') {
                inQuotes = true;
            } else if (b == ',') {
                cells.add(new String(cell, 0, length, StandardCharsets.UTF_8));
                length = 0;
            } else if (b == '\n') {
                break;
            } else if (b == '\r') {
                if (peek() == '\n') {
                    read();
                }
                break;
            } else {
                length = put(length, b);
            }
        }
        cells.add(new String(cell, 0, length, StandardCharsets.UTF_8));
        return cells;
    }

    /** Skips {@code n} bytes (a server that ignored the Range header sent the file from its start). */
    void skip(long n) throws IOException {
        for (long i = 0; i < n; i++) {
            if (read() < 0) {
                return;
            }
        }
    }

    private int put(int length, int b) {
        if (length == cell.length) {
            cell = Arrays.copyOf(cell, length * 2);
        }
        cell[length] = (byte) b;
        return length + 1;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xff;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        consumed++;
        return buffer[position++] & 0xff;
    }

    /** Refills the buffer from the stream; false at its end. */
    private boolean fill() throws IOException {
        if (in == null) {
            return false;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}

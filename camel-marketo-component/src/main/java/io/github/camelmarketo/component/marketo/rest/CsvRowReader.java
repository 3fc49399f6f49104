package io.github.camelmarketo.component.marketo.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV rows (quoted cells, doubled quotes, LF or CRLF) from a byte stream one row at a time and
 * counts the bytes consumed, so that a caller can later resume at the start of the next row with an HTTP
 * {@code Range} request. Quotes, commas and line breaks are ASCII, so splitting bytes before decoding UTF-8 is safe.
 */
final class CsvRowReader {

    private static final int NONE = -2;

    private final InputStream in;
    private long consumed;
    private int peeked = NONE;

    CsvRowReader(InputStream in) {
        this.in = in;
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
        ByteArrayOutputStream cell = new ByteArrayOutputStream();
        boolean inQuotes = false;
        while (true) {
            int b = read();
            if (b < 0) {
                break;
            }
            if (inQuotes) {
                if (b != '"') {
                    cell.write(b);
                } else if (peek() == '"') {
                    cell.write(read());
                } else {
                    inQuotes = false;
                }
            } else if (b == '"') {
                inQuotes = true;
            } else if (b == ',') {
                cells.add(cell.toString(StandardCharsets.UTF_8));
                cell.reset();
            } else if (b == '\n') {
                break;
            } else if (b == '\r') {
                if (peek() == '\n') {
                    read();
                }
                break;
            } else {
                cell.write(b);
            }
        }
        cells.add(cell.toString(StandardCharsets.UTF_8));
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

    private int peek() throws IOException {
        if (peeked == NONE) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int b = peeked != NONE ? peeked : in.read();
        peeked = NONE;
        if (b >= 0) {
            consumed++;
        }
        return b;
    }
}

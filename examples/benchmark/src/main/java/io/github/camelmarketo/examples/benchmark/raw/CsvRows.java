package io.github.camelmarketo.examples.benchmark.raw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A minimal RFC 4180 row reader (quoted cells, doubled quotes, LF or CRLF) over a byte stream, for the raw loop. */
final class CsvRows {

    private final InputStream in;
    private byte[] cell = new byte[256];

    CsvRows(InputStream in) {
        this.in = in;
    }

    /** The next row's cells, or null at the end. */
    List<String> next() throws IOException {
        int b = in.read();
        if (b < 0) {
            return null;
        }
        List<String> cells = new ArrayList<>(8);
        int length = 0;
        boolean quoted = false;
        while (b >= 0) {
            if (quoted) {
                if (b == '"') {
                    int after = in.read();
                    if (after == '"') {
                        length = put(length, b);
                    } else {
                        quoted = false;
                        if (after >= 0) {
                            b = after;
                            continue;
                        }
                        break;
                    }
                } else {
                    length = put(length, b);
                }
            } else if (b == '"') {
                quoted = true;
            } else if (b == ',') {
                cells.add(new String(cell, 0, length, StandardCharsets.UTF_8));
                length = 0;
            } else if (b == '\n') {
                break;
            } else if (b != '\r') {
                length = put(length, b);
            }
            b = in.read();
        }
        cells.add(new String(cell, 0, length, StandardCharsets.UTF_8));
        return cells;
    }

    private int put(int length, int b) {
        if (length == cell.length) {
            cell = Arrays.copyOf(cell, length * 2);
        }
        cell[length] = (byte) b;
        return length + 1;
    }
}

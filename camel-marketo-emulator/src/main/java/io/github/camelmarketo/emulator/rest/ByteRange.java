package io.github.camelmarketo.emulator.rest;

/** A single HTTP byte range: {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}. */
final class ByteRange {

    private ByteRange() {
    }

    /** {@code [first, last]} inclusive within a body of {@code length} bytes, or null when unsatisfiable. */
    static long[] parse(String header, long length) {
        String spec = header.trim();
        if (!spec.startsWith("bytes=") || spec.indexOf(',') >= 0) {
            return null;
        }
        spec = spec.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                return suffix <= 0 || length == 0 ? null : new long[] { Math.max(0, length - suffix), length - 1 };
            }
            long from = Long.parseLong(first);
            long to = last.isEmpty() ? length - 1 : Math.min(Long.parseLong(last), length - 1);
            return from >= length || to < from ? null : new long[] { from, to };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

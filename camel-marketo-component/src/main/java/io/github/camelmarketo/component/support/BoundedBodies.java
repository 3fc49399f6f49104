package io.github.camelmarketo.component.support;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.core5.http.HttpEntity;

/**
 * Reads response bodies with the maxResponseSize cap: a declared length over the cap fails before reading, a body of
 * unknown length fails as soon as it goes past the cap. Used for every answer that is read into memory (JSON and SOAP);
 * bulk export files are streamed instead.
 */
public final class BoundedBodies {

    private BoundedBodies() {
    }

    /** The body of {@code entity} (empty when there is none), at most {@code max} bytes. */
    public static byte[] read(HttpEntity entity, long max) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared > max) {
            throw ResponseTooLargeException.declared(declared, max);
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 4096);
            new Bounded(in, max).transferTo(out);
            return out.toByteArray();
        }
    }

    /** {@code in} failing with {@link ResponseTooLargeException} once more than {@code max} bytes were read. */
    public static InputStream bounded(InputStream in, long max) {
        return new Bounded(in, max);
    }

    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long count;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long n) throws ResponseTooLargeException {
            count += n;
            if (count > max) {
                throw ResponseTooLargeException.exceeded(max);
            }
        }
    }
}

package io.github.camelmarketo.component.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helper: what code writes to System.out and System.err (where slf4j-simple logs) while it runs. */
public final class StandardStreams {

    private StandardStreams() {
    }

    /** Runs {@code action} with System.out and System.err teed into a buffer and returns the buffer. */
    public static String capture(Runnable action) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(tee(out, buffer), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err, buffer), true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    private static OutputStream tee(OutputStream a, ByteArrayOutputStream b) {
        return new OutputStream() {
            @Override
            public void write(int c) {
                synchronized (b) {
                    b.write(c);
                }
                try {
                    a.write(c);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void write(byte[] bytes, int off, int len) {
                synchronized (b) {
                    b.write(bytes, off, len);
                }
                try {
                    a.write(bytes, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}

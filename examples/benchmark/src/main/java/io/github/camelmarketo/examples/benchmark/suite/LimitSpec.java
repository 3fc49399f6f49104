package io.github.camelmarketo.examples.benchmark.suite;

import java.util.Locale;

/**
 * A vendor-style call limit: {@code calls} per sliding window of {@code windowMillis}, {@code concurrent} in flight.
 * {@link #off()} is no limit at all. Written on command lines as {@code 100/5000/10} or {@code off}.
 *
 * @param calls        calls per window ({@code <= 0}: no rate limit)
 * @param windowMillis window length in milliseconds
 * @param concurrent   calls in flight ({@code <= 0}: no concurrency limit)
 */
public record LimitSpec(int calls, long windowMillis, int concurrent) {

    /** No limits. */
    public static LimitSpec off() {
        return new LimitSpec(0, 0, 0);
    }

    /** Whether any limit applies. */
    public boolean isOn() {
        return calls > 0 || concurrent > 0;
    }

    /** {@code 100/5000/10} or {@code off}. */
    public String toArg() {
        return isOn() ? calls + "/" + windowMillis + "/" + concurrent : "off";
    }

    /** Reads {@link #toArg()}'s format. */
    public static LimitSpec parse(String arg) {
        if ("off".equals(arg)) {
            return off();
        }
        String[] parts = arg.split("/");
        if (parts.length != 3) {
            throw new IllegalArgumentException("A limit is CALLS/WINDOW_MS/CONCURRENT or off, was " + arg);
        }
        return new LimitSpec(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
    }

    /** For people: {@code 100 calls / 5 s, 10 concurrent} or {@code off}. */
    public String describe() {
        return isOn() ? String.format(Locale.ROOT, "%d calls / %s s, %d concurrent", calls,
                windowMillis % 1000 == 0 ? Long.toString(windowMillis / 1000) : Double.toString(windowMillis / 1000.0),
                concurrent) : "off";
    }
}

package io.github.camelmarketo.emulator.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the REST calls ({@code /rest} and {@code /bulk}, with {@link #recordIdentity(boolean)} also
 * {@code /identity}) the emulator answers while recording is on, for {@link OpenApiContract} to check:
 * {@code emulator.recorder().start()}, run the code under test, then
 * {@code OpenApiContract.load().check(emulator.recorder().exchanges())}. Off by default (builder
 * {@code recordRestCalls(true)} turns it on from the start); {@code reset()} of the emulator clears it and stops
 * recording identity calls.
 */
public final class RestRecorder {

    private final List<RecordedExchange> exchanges = new ArrayList<>();
    private volatile boolean recording;
    private volatile boolean identity;

    /** Starts recording (keeps what was recorded before). */
    public void start() {
        recording = true;
    }

    public void stop() {
        recording = false;
    }

    public boolean isRecording() {
        return recording;
    }

    /**
     * Whether token calls ({@code /identity/oauth/token}, checked against {@code swagger-identity.json}) are recorded
     * too while recording is on; off by default, as most recordings are about the calls that count against limits.
     */
    public void recordIdentity(boolean on) {
        identity = on;
    }

    public boolean isRecordingIdentity() {
        return recording && identity;
    }

    /** Adds one exchange if recording is on. */
    public void record(RecordedExchange exchange) {
        if (recording) {
            synchronized (exchanges) {
                exchanges.add(exchange);
            }
        }
    }

    /** A copy of what was recorded, in order. */
    public List<RecordedExchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    /** Forgets what was recorded and stops recording identity calls. */
    public void clear() {
        identity = false;
        synchronized (exchanges) {
            exchanges.clear();
        }
    }
}

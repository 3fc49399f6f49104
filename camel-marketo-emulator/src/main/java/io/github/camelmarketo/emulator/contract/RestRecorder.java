package io.github.camelmarketo.emulator.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the REST calls ({@code /rest} and {@code /bulk}) the emulator answers while recording is on, for
 * {@link OpenApiContract} to check: {@code emulator.recorder().start()}, run the code under test, then
 * {@code OpenApiContract.load().check(emulator.recorder().exchanges())}. Off by default (builder
 * {@code recordRestCalls(true)} turns it on from the start); {@code reset()} of the emulator clears it.
 */
public final class RestRecorder {

    private final List<RecordedExchange> exchanges = new ArrayList<>();
    private volatile boolean recording;

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

    public void clear() {
        synchronized (exchanges) {
            exchanges.clear();
        }
    }
}
